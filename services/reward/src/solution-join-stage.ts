import { finalAnswerOf } from '@magpie/answers';
import { SolutionRecord, Streams, Subjects } from '@magpie/contracts';
import { defineStage } from '@magpie/stage';
import { completeJoin, type RewardJoinDeps } from './complete-join.js';

/**
 * Joins at once: the work is a KV write and, for the second half, CPU only — and each join waits
 * on NATS round trips, so a few dozen keep up with a zero-latency backend.
 */
const SOLUTION_JOIN_CONCURRENCY = 64;

/**
 * The reward stage's solution half (durable `reward-solutions`): joins each SFT solution's final
 * answer with its problem's scored samples. When the samples are already scored, it writes the
 * rewards record (see completeJoin); otherwise the samples' arrival will. No backend call.
 */
export function solutionJoinStage(deps: RewardJoinDeps) {
  return defineStage<SolutionRecord, unknown>({
    stage: 'reward',
    durable: 'reward-solutions',
    stream: Streams.records.name,
    filter: Subjects.recordsOfKind('solution'),
    schema: SolutionRecord,
    concurrency: { fixed: SOLUTION_JOIN_CONCURRENCY },
    async handle(solution, ctx) {
      const joins = await deps.joins();
      // The answer is taken here, by the same rule as the solver's, so the verdict never depends on which version wrote the solution.
      const answer = finalAnswerOf(solution.response, solution.finishReason);
      const join = await joins.merge(solution.runId, solution.id, {
        solution: { recordId: solution.recordId, answer, finishReason: solution.finishReason, seed: solution.seed },
      });
      await completeJoin(join, ctx, deps);
    },
  });
}
