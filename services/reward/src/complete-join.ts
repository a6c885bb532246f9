import { PermanentError } from '@magpie/bus';
import type { AnswerChecker } from '@magpie/answers';
import type { RewardJoin, SamplesRecord } from '@magpie/contracts';
import type { RecordLog } from '@magpie/runs';
import type { StageContext } from '@magpie/stage';
import { evaluateProblem, qualityCountersOf } from './evaluate-problem.js';
import type { RewardJoinStore } from './reward-join-store.js';

/** What both halves of the reward stage need. */
export interface RewardJoinDeps {
  /** Decides answer equivalence for the agreement, the verdict and the pairs. */
  readonly checker: AnswerChecker;
  /** The join store, opened on first use. */
  readonly joins: () => Promise<RewardJoinStore>;
  /** Re-reads a samples record by its stream sequence when the solution completes the join. */
  readonly log: Pick<RecordLog, 'recordAt'>;
}

/**
 * Writes the problem's rewards record once its join has both halves: first its quality counters
 * (agreement, verdict, pair outcome), then the record. Does nothing while a half is missing — the
 * other half's message will complete it. Whichever side runs this (both may, at once or after a
 * redelivery), the record and the counters are the same and their msg ids store them once.
 * `samples` is the record when the caller holds it; otherwise it is read by its stream sequence.
 */
export async function completeJoin(join: RewardJoin, ctx: StageContext<unknown>, deps: RewardJoinDeps, samples?: SamplesRecord): Promise<void> {
  if (!join.solution || !join.samples) return;
  const record = samples ?? (await deps.log.recordAt(join.samples.streamSequence));
  if (!record || record.kind !== 'samples' || record.recordId !== join.samples.recordId) {
    throw new PermanentError(`samples record ${join.samples.recordId} is not at stream sequence ${join.samples.streamSequence} (expired?)`);
  }
  const rewards = evaluateProblem({ samples: record, scores: join.samples.scores, solution: join.solution, spec: ctx.run.spec, checker: deps.checker });
  await Promise.all(qualityCountersOf(rewards).map((c) => ctx.increment(c.subject, 1, c.msgId)));
  await ctx.emit(rewards);
}
