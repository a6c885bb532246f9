// Original file: proto/magpie/v1/magpie.proto


/**
 * One reward model score.
 */
export interface RewardScoreInput {
  /**
   * The score.
   */
  'score'?: (number | string);
}

/**
 * One reward model score.
 */
export interface RewardScore {
  /**
   * The score.
   */
  'score': (number);
}
