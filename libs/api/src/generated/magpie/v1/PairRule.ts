// Original file: proto/magpie/v1/magpie.proto

/**
 * How the reward stage picks the preference pair of a problem.
 */
export const PairRule = {
  /**
   * Not set: the platform default (PAIR_RULE_CORRECTNESS).
   */
  PAIR_RULE_UNSPECIFIED: 'PAIR_RULE_UNSPECIFIED',
  /**
   * Correctness-gated: chosen is the highest-reward sample whose answer is the problem's strict
   * majority, rejected the lowest-reward complete sample whose answer differs.
   */
  PAIR_RULE_CORRECTNESS: 'PAIR_RULE_CORRECTNESS',
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
   * Not set: the platform default (PAIR_RULE_CORRECTNESS).
   */
  | 'PAIR_RULE_UNSPECIFIED'
  | 0
  /**
   * Correctness-gated: chosen is the highest-reward sample whose answer is the problem's strict
   * majority, rejected the lowest-reward complete sample whose answer differs.
   */
  | 'PAIR_RULE_CORRECTNESS'
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
