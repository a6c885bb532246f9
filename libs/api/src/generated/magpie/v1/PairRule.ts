// Original file: proto/magpie/v1/magpie.proto

/**
 * How the reward stage picks the preference pair of a problem.
 */
export const PairRule = {
  /**
   * Not set: the platform default (PAIR_RULE_MAJORITY).
   */
  PAIR_RULE_UNSPECIFIED: 'PAIR_RULE_UNSPECIFIED',
  /**
   * Chosen agrees with the majority final answer of the samples.
   */
  PAIR_RULE_MAJORITY: 'PAIR_RULE_MAJORITY',
  /**
   * Magpie's rule: the first maximum reward is chosen, the first minimum rejected.
   */
  PAIR_RULE_MAGPIE: 'PAIR_RULE_MAGPIE',
} as const;

/**
 * How the reward stage picks the preference pair of a problem.
 */
export type PairRuleInput =
  /**
   * Not set: the platform default (PAIR_RULE_MAJORITY).
   */
  | 'PAIR_RULE_UNSPECIFIED'
  | 0
  /**
   * Chosen agrees with the majority final answer of the samples.
   */
  | 'PAIR_RULE_MAJORITY'
  | 1
  /**
   * Magpie's rule: the first maximum reward is chosen, the first minimum rejected.
   */
  | 'PAIR_RULE_MAGPIE'
  | 2

/**
 * How the reward stage picks the preference pair of a problem.
 */
export type PairRule = typeof PairRule[keyof typeof PairRule]
