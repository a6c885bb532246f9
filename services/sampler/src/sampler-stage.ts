import type { AnswerChecker } from '@magpie/answers';
import type { Catalog } from '@magpie/catalog';
import {
  MsgIds,
  ProblemRecord,
  RUN_SPEC_DEFAULTS,
  Streams,
  Subjects,
  recordIdFor,
  seedScope,
  type AdaptiveSamplingInfo,
  type FinishReason,
  type QualityCounter,
  type TokenUsage,
} from '@magpie/contracts';
import { MalformedResponseError, deriveSeed, splitReasoning, type InferenceClient } from '@magpie/llm';
import { defineStage, problemChat, problemChatConfigs, type StageContext } from '@magpie/stage';
import { adaptiveOutcome, firstSamplesAgree } from './adaptive-sampling.js';

export interface SamplerStageDeps {
  readonly catalog: Catalog;
  /** Decides whether adaptive sampling's first samples agree. */
  readonly checker: AnswerChecker;
}

/** One drawn sample, its reasoning apart and its finish reason (`length` when cut off inside the reasoning). */
export interface DrawnSample {
  readonly response: string;
  readonly reasoning: string | null;
  readonly finishReason: FinishReason;
}

interface Draw {
  readonly samples: DrawnSample[];
  readonly usage: TokenUsage;
}

/** `n` samples of a problem in one request; undefined when the run ended meanwhile. */
async function draw(problem: ProblemRecord, ctx: StageContext<InferenceClient>, n: number, seed: number): Promise<Draw | undefined> {
  const { samplesPerProblem: _n, ...settings } = ctx.run.spec.sampler;
  // Affinity keeps a problem's solution and samples on one replica, sharing its prefix cache.
  const result = await ctx.backend({ affinity: problem.recordId, sequences: n }, (client, signal) =>
    client.chat(problemChat(problem, settings, { n, seed, signal })),
  );
  if (!result) return undefined;
  if (result.choices.length !== n) throw new MalformedResponseError(`backend returned ${result.choices.length} choices, expected ${n}`);
  const samples = result.choices.map((c) => {
    const split = splitReasoning(c.content, c.reasoning);
    return { response: split.response, reasoning: split.reasoning, finishReason: split.truncatedReasoning ? 'length' : c.finishReason };
  });
  return { samples, usage: result.usage };
}

/**
 * The sampler stage: `samplesPerProblem` responses per problem in ONE request (`n`), so the
 * backend shares the prompt's prefill across them — unlike Magpie, which calls generate N times.
 * With adaptive sampling it first asks for `initialSamples`; when their final answers do not all
 * agree it asks once more, for the rest up to `maxSamples`, with its own seed (the prompt's
 * prefix is cached by then). Seeds come from the run's seed, the sampler's settings and the slot.
 */
export function samplerStage(deps: SamplerStageDeps) {
  return defineStage<ProblemRecord, InferenceClient>({
    stage: 'sampler',
    durable: 'sampler',
    stream: Streams.records.name,
    filter: Subjects.recordsOfKind('problem'),
    schema: ProblemRecord,
    concurrency: { expectedSequences: RUN_SPEC_DEFAULTS.samplesPerProblem },
    async handle(problem, ctx) {
      const { spec } = ctx.run;
      const adaptive = spec.quality.adaptiveSampling;
      const scope = seedScope(spec, 'sampler');
      const seeds = [deriveSeed(spec.seed, scope, problem.id, 'samples')];
      const first = await draw(problem, ctx, adaptive?.initialSamples ?? spec.sampler.samplesPerProblem, seeds[0] as number);
      if (!first) return;
      let drawn: Draw = first;
      let info: AdaptiveSamplingInfo | null = null;
      if (adaptive) {
        const agree = firstSamplesAgree(first.samples, deps.checker);
        let extension: Draw | undefined;
        if (!agree) {
          seeds.push(deriveSeed(spec.seed, scope, problem.id, 'samples-extension'));
          extension = await draw(problem, ctx, adaptive.maxSamples - adaptive.initialSamples, seeds[1] as number);
          if (!extension) return;
          drawn = {
            samples: [...first.samples, ...extension.samples],
            usage: { promptTokens: first.usage.promptTokens + extension.usage.promptTokens, completionTokens: first.usage.completionTokens + extension.usage.completionTokens },
          };
        }
        info = adaptiveOutcome(adaptive, first.usage, extension?.usage);
        await countAdaptive(ctx, problem, info);
      }
      await ctx.emit(
        {
          schemaVersion: 2,
          kind: 'samples',
          runId: problem.runId,
          recordId: recordIdFor(problem.runId, 'samples', problem.id),
          id: problem.id,
          problemRecordId: problem.recordId,
          instruction: problem.instruction,
          responses: drawn.samples.map((s) => s.response),
          reasonings: drawn.samples.map((s) => s.reasoning),
          finishReasons: drawn.samples.map((s) => s.finishReason),
          seeds,
          adaptive: info,
          gen_response_configs: problemChatConfigs(deps.catalog, spec.sampler),
          usage: drawn.usage,
        },
        drawn.usage,
      );
    },
  });
}

/** Adds the problem's adaptive-sampling outcome and token tallies to the run's quality counters. */
async function countAdaptive(ctx: StageContext<InferenceClient>, problem: ProblemRecord, info: AdaptiveSamplingInfo): Promise<void> {
  const add = (counter: QualityCounter, delta: number) =>
    ctx.increment(Subjects.qualityCounter(problem.runId, counter), delta, MsgIds.qualityCounter(problem.runId, problem.id, counter));
  const increments = [add({ facet: 'sampling', value: info.extended ? 'extended' : 'stopped' }, 1)];
  if (info.completionTokensSaved > 0) increments.push(add({ facet: 'tokens', value: 'saved' }, info.completionTokensSaved));
  if (info.extensionPromptTokens > 0) increments.push(add({ facet: 'tokens', value: 'extension_prompt' }, info.extensionPromptTokens));
  await Promise.all(increments);
}
