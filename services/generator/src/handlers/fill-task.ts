import { TransientError, type Publisher, type WorkerContext } from '@magpie/bus';
import { renderPreQuery, type Catalog } from '@magpie/catalog';
import { AnyRecord, Subjects, recordIdFor, type GenerationTask, type ProblemRecord, type RunSpec } from '@magpie/contracts';
import { deriveSeed, type InferenceClient } from '@magpie/llm';
import type { Logger } from '@magpie/logging';
import type { RunTracker } from '@magpie/runs';
import { cleanInstruction, type CleanRejection } from '../clean-instruction.js';

export interface FillTaskDeps {
  readonly publisher: Publisher;
  readonly tracker: RunTracker;
  readonly catalog: Catalog;
  readonly llm: InferenceClient;
  readonly logger: Logger;
  readonly maxAttempts: number;
}

/** The subtopic a task steers towards: the run's list (or the domain's), round-robin by task. */
export function subtopicForTask(spec: RunSpec, catalog: Catalog, taskIndex: number): { name: string; systemPrompt: string } {
  const domain = catalog.domains.get(spec.domain);
  const names = spec.subtopics.length > 0 ? spec.subtopics : domain.subtopics.map((s) => s.name);
  const name = names[taskIndex % names.length] as string;
  return catalog.domains.subtopic(spec.domain, name);
}

/**
 * Fills a task's problem slots. Each attempt asks the backend for the missing slots in one
 * `/v1/completions` call with the model's raw pre-query template and `n`; cleaned output fills
 * slots in order. Record ids are `<run>:problem:<slot>`, so redelivery never adds a problem and a
 * run ends with exactly `count`. Throws TransientError when slots stay empty after maxAttempts.
 */
export async function fillTask(task: GenerationTask, ctx: WorkerContext, deps: FillTaskDeps): Promise<void> {
  const state = await deps.tracker.state(task.runId);
  if (!state || state.status !== 'running') return;
  const { spec } = state;
  const model = deps.catalog.models.get(spec.generator.model);
  const subtopic = subtopicForTask(spec, deps.catalog, task.taskIndex);
  const prompt = renderPreQuery(model, subtopic.systemPrompt);
  const seen = new Set<string>();
  const rejected: Record<CleanRejection, number> = { empty: 0, duplicate: 0 };
  let nextSlot = task.slotStart;
  const end = task.slotStart + task.slotCount;

  for (let attempt = 0; attempt < deps.maxAttempts && nextSlot < end; attempt++) {
    if (!(await deps.tracker.isActive(task.runId))) return;
    const seed = deriveSeed(spec.seed, task.runId, task.taskIndex, attempt);
    const result = await deps.llm.complete({
      model: model.id,
      prompt: prompt.prompt,
      n: end - nextSlot,
      temperature: spec.generator.sampling.temperature,
      topP: spec.generator.sampling.topP,
      maxTokens: spec.generator.sampling.maxTokens,
      seed,
      stop: prompt.stop,
      stopTokenIds: prompt.stopTokenIds,
      addSpecialTokens: prompt.addSpecialTokens,
      signal: ctx.signal,
    });
    const perChoiceUsage = {
      promptTokens: Math.round(result.usage.promptTokens / result.choices.length),
      completionTokens: Math.round(result.usage.completionTokens / result.choices.length),
    };
    const publishes: Promise<unknown>[] = [];
    for (const choice of result.choices) {
      if (nextSlot >= end) break;
      const cleaned = cleanInstruction(choice.text, seen);
      if (!cleaned.accepted) {
        rejected[cleaned.reason]++;
        continue;
      }
      const id = nextSlot++;
      const record: ProblemRecord = {
        schemaVersion: 1,
        kind: 'problem',
        runId: task.runId,
        recordId: recordIdFor(task.runId, 'problem', id),
        id,
        domain: spec.domain,
        subtopic: subtopic.name,
        pre_query_template: prompt.prompt,
        instruction: cleaned.instruction,
        response: null,
        created: Math.floor(Date.now() / 1000),
        gen_input_configs: {
          temperature: spec.generator.sampling.temperature,
          top_p: spec.generator.sampling.topP,
          input_generator: model.id,
          seed,
        },
        gen_response_configs: null,
        finishReason: choice.finishReason,
        usage: perChoiceUsage,
      };
      publishes.push(deps.publisher.publish(Subjects.record(task.runId, 'problem'), AnyRecord, record, record.recordId));
    }
    await Promise.all(publishes);
  }
  if (nextSlot < end) {
    throw new TransientError(`task ${task.taskIndex} of ${task.runId} filled ${nextSlot - task.slotStart}/${task.slotCount} slots after ${deps.maxAttempts} attempts (rejected: ${JSON.stringify(rejected)})`);
  }
  deps.logger.debug({ runId: task.runId, taskIndex: task.taskIndex, rejected }, 'task filled');
  await deps.tracker.recordOutput(task.runId, 'generator');
}
