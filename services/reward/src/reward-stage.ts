import type { Catalog } from '@magpie/catalog';
import { RUN_SPEC_DEFAULTS, SamplesRecord, Streams, Subjects } from '@magpie/contracts';
import type { RewardClient } from '@magpie/llm';
import { defineStage } from '@magpie/stage';
import { completeJoin, type RewardJoinDeps } from './complete-join.js';

export interface RewardStageDeps extends RewardJoinDeps {
  /** Tells which HTTP contract each reward model's server speaks, and how a /classify model reads a conversation. */
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
      const reward = deps.catalog.models.getReward(model);
      const joins = await deps.joins();
      // Only a redelivery can find its scores joined already: a first delivery skips the read.
      let scores = ctx.delivery.deliveryCount > 1 ? (await joins.get(samples.runId, samples.id))?.samples?.scores : undefined;
      if (!scores) {
        scores = await ctx.backend({ affinity: samples.problemRecordId, sequences: samples.responses.length }, (client, signal) =>
          client.scoreAll(reward, { model, instruction: samples.instruction, responses: samples.responses, signal }),
        );
        if (!scores) return;
      }
      const join = await joins.merge(samples.runId, samples.id, { samples: { recordId: samples.recordId, streamSequence: ctx.delivery.streamSequence, scores } });
      await completeJoin(join, ctx, deps, samples);
    },
  });
}
