import type { ProblemRecord, RewardsRecord, TagFilterReason, TagOptions, TagsRecord } from '@magpie/contracts';

/**
 * Why a problem is kept out of a training export (messages and ShareGPT for SFT, DPO for pairs):
 * contamination the run flagged, Magpie's tag recipe (quality ≥ good, difficulty ≥ medium by
 * default), a missing tag, or a chosen reward below the minimum. Magpie's own files keep every
 * problem with its evidence.
 */
export type TrainingExclusion = 'contaminated' | 'untagged' | TagFilterReason | 'reward_below_minimum';

export interface TrainingExclusions {
  readonly sft: readonly TrainingExclusion[];
  readonly dpo: readonly TrainingExclusion[];
}

/** The reasons, if any, to keep one problem out of the SFT and DPO exports. */
export function trainingExclusions(input: {
  readonly problem: ProblemRecord;
  readonly tags: TagsRecord | undefined;
  readonly rewards: RewardsRecord | undefined;
  readonly recipe: TagOptions;
}): TrainingExclusions {
  const shared: TrainingExclusion[] = [];
  if (input.problem.contamination) shared.push('contaminated');
  if (input.recipe.enabled) {
    if (!input.tags) shared.push('untagged');
    else shared.push(...input.tags.tagFilter.reasons);
  }
  const dpo = [...shared];
  const minReward = input.recipe.enabled ? input.recipe.minReward : null;
  const chosen = input.rewards?.pair.chosenIndex;
  if (minReward !== null && input.rewards && chosen !== null && chosen !== undefined) {
    const score = input.rewards.rewards_armorm[chosen]?.score;
    if (score === undefined || score < minReward) dpo.push('reward_below_minimum');
  }
  return { sft: shared, dpo };
}
