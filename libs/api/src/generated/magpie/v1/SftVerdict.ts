// Original file: proto/magpie/v1/magpie.proto


/**
 * The SFT solution's verdict.
 */
export interface SftVerdictInput {
  /**
   * The solution's record id.
   */
  'solution_record_id'?: (string);
  /**
   * Its final answer; unset when truncated or none was found.
   */
  'answer'?: (string);
  /**
   * Why its generation stopped.
   */
  'finish_reason'?: (string);
  /**
   * Its answer is the strict majority with at least required_share of the samples.
   */
  'verified'?: (boolean);
  /**
   * verified, no_answer, no_strict_majority, disagrees_with_majority or majority_below_share.
   */
  'outcome'?: (string);
  /**
   * Samples whose answer is equivalent to the solution's.
   */
  'agreeing_samples'?: (number);
  /**
   * Samples of the problem.
   */
  'samples'?: (number);
  /**
   * The run's verify_share.
   */
  'required_share'?: (number | string);
  '_answer'?: "answer";
}

/**
 * The SFT solution's verdict.
 */
export interface SftVerdict {
  /**
   * The solution's record id.
   */
  'solution_record_id': (string);
  /**
   * Its final answer; unset when truncated or none was found.
   */
  'answer'?: (string);
  /**
   * Why its generation stopped.
   */
  'finish_reason': (string);
  /**
   * Its answer is the strict majority with at least required_share of the samples.
   */
  'verified': (boolean);
  /**
   * verified, no_answer, no_strict_majority, disagrees_with_majority or majority_below_share.
   */
  'outcome': (string);
  /**
   * Samples whose answer is equivalent to the solution's.
   */
  'agreeing_samples': (number);
  /**
   * Samples of the problem.
   */
  'samples': (number);
  /**
   * The run's verify_share.
   */
  'required_share': (number);
  '_answer'?: "answer";
}
