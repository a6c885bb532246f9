import type { Stage } from '@magpie/contracts';

/**
 * Each stage's request priority on a shared backend, vLLM's meaning (lower is served first under
 * `--scheduling-policy priority`): downstream first (reward > sampler > solver > generator), so a
 * problem already under way becomes a pair before new problems take slots. That brings the first
 * pair forward and leaves less downstream work for the end of a run. The tagger only reads
 * problems, like the solver.
 */
export const BACKEND_PRIORITY: Readonly<Record<Stage, number>> = { reward: 0, sampler: 1, solver: 2, tagger: 2, generator: 3 };

const LOWEST_PRIORITY = Math.max(...Object.values(BACKEND_PRIORITY));

/**
 * The queue a stage's window aims at on each replica, in sequences: `percent` of the replica's
 * slots for the most upstream stage, one more such step per stage further downstream. With one
 * queue shared by all stages, a full replica makes the stages with the lower targets yield first.
 */
export function targetWaitingFor(stage: Stage, slotsPerReplica: number, percent: number): number {
  const steps = 1 + LOWEST_PRIORITY - BACKEND_PRIORITY[stage];
  return Math.max(1, Math.round(((slotsPerReplica * percent) / 100) * steps));
}
