import { TransientError } from '@magpie/bus';
import { renderPreQuery, type Catalog } from '@magpie/catalog';
import {
  FlaggedRecord,
  GenerationTask,
  MsgIds,
  RejectedInstruction,
  Streams,
  Subjects,
  recordIdFor,
  seedScope,
  type ProblemRecord,
  shareOfSlot,
  type RejectionReason,
  type RunSpec,
} from '@magpie/contracts';
import { deriveSeed, type InferenceClient } from '@magpie/llm';
import { defineStage, type StageContext } from '@magpie/stage';
import type { Decontaminator } from './decontamination/decontaminator.js';
import type { SharedDedupIndex } from './dedup/shared-dedup-index.js';
import { screenChoices } from './screen-choices.js';

export interface TaskStageDeps {
  readonly catalog: Catalog;
  /** The duplicate index shared by the generator's replicas and the runs of a dataset. */
  readonly dedup: SharedDedupIndex;
  /** The user's benchmark items; undefined when DECONTAMINATION_DIR is not set. */
  readonly decontaminator: Decontaminator | undefined;
  /** Requests per task before it fails and is retried by redelivery. */
  readonly maxAttempts: number;
  /** Slots a task fills at most (SLOTS_PER_TASK): the first guess of the sequences a request asks for. */
  readonly slotsPerTask: number;
}

/**
 * The generator's task filler: fills the problem slots of each slot task from the generator
 * model's Magpie pre-query template. A request weighs the completions it asks for (`n`), which
 * sizes how many tasks run at once.
 */
export function taskStage(deps: TaskStageDeps) {
  return defineStage<GenerationTask, InferenceClient>({
    stage: 'generator',
    durable: 'generator-tasks',
    stream: Streams.genTasks.name,
    filter: Subjects.genTasksAll,
    schema: GenerationTask,
    concurrency: { expectedSequences: deps.slotsPerTask },
    handle: (task, ctx) => fillTask(task, ctx, deps),
  });
}

/**
 * What a task generates: its domain (the mix share holding its first slot, or the run's domain),
 * the instruction temperature, and the subtopic it steers towards: the share's or run's list (or
 * the domain's), round-robin by task.
 */
export function topicForTask(spec: RunSpec, catalog: Catalog, task: Pick<GenerationTask, 'taskIndex' | 'slotStart'>): { domain: string; temperature: number; name: string; systemPrompt: string } {
  const share = shareOfSlot(spec, task.slotStart);
  const domainName = share?.domain ?? spec.domain;
  const chosen = share ? share.subtopics : spec.subtopics;
  const names = chosen.length > 0 ? chosen : catalog.domains.get(domainName).subtopics.map((s) => s.name);
  const name = names[task.taskIndex % names.length] as string;
  const temperature = share?.instructionTemperature ?? spec.generator.sampling.temperature;
  return { domain: domainName, temperature, ...catalog.domains.subtopic(domainName, name) };
}

/** Choices to ask for: the missing slots, plus headroom once filters have rejected some. */
function choicesToRequest(missing: number, attempt: number): number {
  return attempt === 0 ? missing : Math.min(4 * missing, Math.ceil(missing * 1.5) + 1);
}

/**
 * Fills a task's problem slots. Each attempt asks the backend for the missing slots in one
 * `/v1/completions` call with the model's raw pre-query template and `n`; every choice passes the
 * run's filters, decontamination and the shared duplicate index (screenChoices), and every
 * rejected one is recorded with its reason and evidence. Record ids are `<run>:problem:<slot>`,
 * so redelivery never adds a problem and a run ends with exactly `count`. Throws TransientError
 * when slots stay empty after maxAttempts.
 */
export async function fillTask(task: GenerationTask, ctx: StageContext<InferenceClient>, deps: TaskStageDeps): Promise<void> {
  const { spec } = ctx.run;
  const model = deps.catalog.models.get(spec.generator.model);
  const subtopic = topicForTask(spec, deps.catalog, task);
  const prompt = renderPreQuery(model, subtopic.systemPrompt);
  const rejected: Partial<Record<RejectionReason, number>> = {};
  let nextSlot = task.slotStart;
  const end = task.slotStart + task.slotCount;

  for (let attempt = 0; attempt < deps.maxAttempts && nextSlot < end; attempt++) {
    if (!(await ctx.isActive())) return;
    // Never from the run id: the same seed and spec ask for the same problems in a new run.
    const seed = deriveSeed(spec.seed, seedScope(spec, 'generator'), task.taskIndex, attempt);
    const n = choicesToRequest(end - nextSlot, attempt);
    const request = {
      model: model.id,
      prompt: prompt.prompt,
      n,
      temperature: subtopic.temperature,
      topP: spec.generator.sampling.topP,
      maxTokens: spec.generator.sampling.maxTokens,
      seed,
      stop: prompt.stop,
      stopTokenIds: prompt.stopTokenIds,
      addSpecialTokens: prompt.addSpecialTokens,
    };
    const result = await ctx.backend({ sequences: n }, (client, signal) => client.complete({ ...request, signal }));
    if (!result) return;
    const perChoiceUsage = {
      promptTokens: Math.round(result.usage.promptTokens / result.choices.length),
      completionTokens: Math.round(result.usage.completionTokens / result.choices.length),
    };
    const publishes: Promise<void>[] = [];
    const slots = Array.from({ length: end - nextSlot }, (_, i) => recordIdFor(task.runId, 'problem', nextSlot + i));
    const screened = await screenChoices({ runId: task.runId, spec, choices: result.choices, slots, signal: ctx.delivery.signal }, deps);
    for (const r of screened.rejected) {
      rejected[r.reason] = (rejected[r.reason] ?? 0) + 1;
      const payload: RejectedInstruction = {
        schemaVersion: 1,
        runId: task.runId,
        taskIndex: task.taskIndex,
        attempt,
        choiceIndex: r.choiceIndex,
        reason: r.reason,
        instruction: r.raw.slice(0, 4_000),
        evidence: r.evidence,
      };
      publishes.push(ctx.publish(Subjects.rejection(task.runId, r.reason), RejectedInstruction, payload, MsgIds.rejection(task.runId, task.taskIndex, attempt, r.choiceIndex)));
    }
    for (const choice of screened.accepted) {
      const id = nextSlot++;
      const record: ProblemRecord = {
        schemaVersion: 1,
        kind: 'problem',
        runId: task.runId,
        recordId: choice.recordId,
        id,
        domain: subtopic.domain,
        subtopic: subtopic.name,
        pre_query_template: prompt.prompt,
        instruction: choice.instruction,
        response: null,
        created: Math.floor(Date.now() / 1000),
        gen_input_configs: {
          temperature: subtopic.temperature,
          top_p: spec.generator.sampling.topP,
          input_generator: model.id,
          seed,
        },
        gen_response_configs: null,
        finishReason: result.choices[choice.choiceIndex]?.finishReason ?? 'unknown',
        usage: perChoiceUsage,
        ...(choice.contamination ? { contamination: choice.contamination } : {}),
      };
      if (choice.contamination) {
        const flag: FlaggedRecord = { schemaVersion: 1, runId: task.runId, recordId: choice.recordId, flag: 'contaminated', evidence: { contamination: choice.contamination } };
        publishes.push(ctx.publish(Subjects.flag(task.runId, 'contaminated'), FlaggedRecord, flag, MsgIds.flag(choice.recordId, 'contaminated')));
      }
      publishes.push(ctx.emit(record, perChoiceUsage));
    }
    await Promise.all(publishes);
  }
  if (nextSlot < end) {
    throw new TransientError(
      `task ${task.taskIndex} of ${task.runId} filled ${nextSlot - task.slotStart}/${task.slotCount} slots after ${deps.maxAttempts} attempts (rejected: ${JSON.stringify(rejected)})`,
    );
  }
  ctx.logger.debug({ runId: task.runId, taskIndex: task.taskIndex, rejected }, 'task filled');
}
