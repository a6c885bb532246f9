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
  /**
   * No answer has more than half of the votes (correctness rule).
   */
  PAIR_SKIP_REASON_NO_STRICT_MAJORITY: 'PAIR_SKIP_REASON_NO_STRICT_MAJORITY',
  /**
   * No sample had a final answer (correctness rule).
   */
  PAIR_SKIP_REASON_NO_SAMPLE_ANSWERS: 'PAIR_SKIP_REASON_NO_SAMPLE_ANSWERS',
  /**
   * Every sample agrees, so there is no rejected side (correctness rule without style pairs).
   */
  PAIR_SKIP_REASON_ALL_AGREE: 'PAIR_SKIP_REASON_ALL_AGREE',
  /**
   * The only samples that disagree with the majority are truncated (correctness rule).
   */
  PAIR_SKIP_REASON_TRUNCATED: 'PAIR_SKIP_REASON_TRUNCATED',
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
   * No answer has more than half of the votes (correctness rule).
   */
  | 'PAIR_SKIP_REASON_NO_STRICT_MAJORITY'
  | 4
  /**
   * No sample had a final answer (correctness rule).
   */
  | 'PAIR_SKIP_REASON_NO_SAMPLE_ANSWERS'
  | 5
  /**
   * Every sample agrees, so there is no rejected side (correctness rule without style pairs).
   */
  | 'PAIR_SKIP_REASON_ALL_AGREE'
  | 6
  /**
   * The only samples that disagree with the majority are truncated (correctness rule).
   */
  | 'PAIR_SKIP_REASON_TRUNCATED'
  | 7

/**
 * Why no preference pair was emitted for a problem.
 */
export type PairSkipReason = typeof PairSkipReason[keyof typeof PairSkipReason]
