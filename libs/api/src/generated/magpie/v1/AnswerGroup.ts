// Original file: proto/magpie/v1/magpie.proto


/**
 * One group of equivalent final answers.
 */
export interface AnswerGroupInput {
  /**
   * Its most frequent spelling.
   */
  'answer'?: (string);
  /**
   * Voters in the group: sample indices, and the number of samples for the SFT solution.
   */
  'members'?: (number)[];
  /**
   * Votes in the group.
   */
  'votes'?: (number);
  /**
   * Votes of samples only.
   */
  'sample_votes'?: (number);
}

/**
 * One group of equivalent final answers.
 */
export interface AnswerGroup {
  /**
   * Its most frequent spelling.
   */
  'answer': (string);
  /**
   * Voters in the group: sample indices, and the number of samples for the SFT solution.
   */
  'members': (number)[];
  /**
   * Votes in the group.
   */
  'votes': (number);
  /**
   * Votes of samples only.
   */
  'sample_votes': (number);
}
