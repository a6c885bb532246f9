// Original file: proto/magpie/v1/magpie.proto

/**
 * Why no preference pair was emitted for a problem.
 */
export const PairSkipReason = {
  /**
   * A pair was emitted.
   */
  PAIR_SKIP_REASON_UNSPECIFIED: 'PAIR_SKIP_REASON_UNSPECIFIED',
  /**
   * Chosen minus rejected reward is below the run's min_reward_margin.
   */
  PAIR_SKIP_REASON_MARGIN_BELOW_MINIMUM: 'PAIR_SKIP_REASON_MARGIN_BELOW_MINIMUM',
  /**
   * The chosen and the rejected response are the same text.
   */
  PAIR_SKIP_REASON_CHOSEN_EQUALS_REJECTED: 'PAIR_SKIP_REASON_CHOSEN_EQUALS_REJECTED',
  /**
   * The reward model returned no scores.
   */
  PAIR_SKIP_REASON_NO_SCORES: 'PAIR_SKIP_REASON_NO_SCORES',
} as const;

/**
 * Why no preference pair was emitted for a problem.
 */
export type PairSkipReasonInput =
  /**
   * A pair was emitted.
   */
  | 'PAIR_SKIP_REASON_UNSPECIFIED'
  | 0
  /**
   * Chosen minus rejected reward is below the run's min_reward_margin.
   */
  | 'PAIR_SKIP_REASON_MARGIN_BELOW_MINIMUM'
  | 1
  /**
   * The chosen and the rejected response are the same text.
   */
  | 'PAIR_SKIP_REASON_CHOSEN_EQUALS_REJECTED'
  | 2
  /**
   * The reward model returned no scores.
   */
  | 'PAIR_SKIP_REASON_NO_SCORES'
  | 3

/**
 * Why no preference pair was emitted for a problem.
 */
export type PairSkipReason = typeof PairSkipReason[keyof typeof PairSkipReason]
