import type { Catalog } from '@magpie/catalog';
import { RUN_SPEC_DEFAULTS, SamplesRecord, Streams, Subjects } from '@magpie/contracts';
import type { RewardClient } from '@magpie/llm';
import { defineStage } from '@magpie/stage';
import { completeJoin, type RewardJoinDeps } from './complete-join.js';

export interface RewardStageDeps extends RewardJoinDeps {
  /** Tells which HTTP contract each reward model's server speaks. */
  readonly catalog: Catalog;
}

/**
 * The reward stage's samples half (durable `reward`): scores every sampled response with the
 * run's reward model — once: a redelivered message reuses the scores already joined — and joins
 * them with the problem's solution. When the solution's answer is there, it writes the rewards
 * record (see completeJoin); otherwise the solution's arrival will. Scoring a problem's responses
 * weighs one sequence per response.
 */
export function rewardStage(deps: RewardStageDeps) {
  return defineStage<SamplesRecord, RewardClient>({
    stage: 'reward',
    durable: 'reward',
    stream: Streams.records.name,
    filter: Subjects.recordsOfKind('samples'),
    schema: SamplesRecord,
    concurrency: { expectedSequences: RUN_SPEC_DEFAULTS.samplesPerProblem },
    async handle(samples, ctx) {
      const { model } = ctx.run.spec.reward;
      const api = deps.catalog.models.getReward(model).api;
      const joins = await deps.joins();
      let scores = (await joins.get(samples.runId, samples.id))?.samples?.scores;
      if (!scores) {
        scores = await ctx.backend({ affinity: samples.problemRecordId, sequences: samples.responses.length }, (client, signal) =>
          client.scoreAll(api, { model, instruction: samples.instruction, responses: samples.responses, signal }),
        );
        if (!scores) return;
      }
      const join = await joins.merge(samples.runId, samples.id, { samples: { recordId: samples.recordId, streamSequence: ctx.delivery.streamSequence, scores } });
      await completeJoin(join, ctx, deps, samples);
    },
  });
}
