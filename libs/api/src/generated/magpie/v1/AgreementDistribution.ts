// Original file: proto/magpie/v1/magpie.proto


/**
 * Evaluated problems by how the answers of their samples and SFT solution agree.
 */
export interface AgreementDistributionInput {
  /**
   * Every voter answered, all equivalently.
   */
  'unanimous'?: (number);
  /**
   * One answer has more than half of the votes cast.
   */
  'strict'?: (number);
  /**
   * One answer has the most votes, but not more than half.
   */
  'plurality'?: (number);
  /**
   * The top answers have equal votes.
   */
  'tie'?: (number);
  /**
   * No voter had a final answer.
   */
  'no_answer'?: (number);
}

/**
 * Evaluated problems by how the answers of their samples and SFT solution agree.
 */
export interface AgreementDistribution {
  /**
   * Every voter answered, all equivalently.
   */
  'unanimous': (number);
  /**
   * One answer has more than half of the votes cast.
   */
  'strict': (number);
  /**
   * One answer has the most votes, but not more than half.
   */
  'plurality': (number);
  /**
   * The top answers have equal votes.
   */
  'tie': (number);
  /**
   * No voter had a final answer.
   */
  'no_answer': (number);
}
