// Original file: proto/magpie/v1/magpie.proto

/**
 * Why the generator dropped an instruction.
 */
export const RejectionReason = {
  /**
   * Not set; never sent by the server.
   */
  REJECTION_REASON_UNSPECIFIED: 'REJECTION_REASON_UNSPECIFIED',
  /**
   * The completion was empty.
   */
  REJECTION_REASON_EMPTY: 'REJECTION_REASON_EMPTY',
  /**
   * Shorter than the run's filters.min_chars.
   */
  REJECTION_REASON_TOO_SHORT: 'REJECTION_REASON_TOO_SHORT',
  /**
   * Longer than the run's filters.max_chars.
   */
  REJECTION_REASON_TOO_LONG: 'REJECTION_REASON_TOO_LONG',
  /**
   * The completion hit max_tokens.
   */
  REJECTION_REASON_TRUNCATED: 'REJECTION_REASON_TRUNCATED',
  /**
   * Ends with ':' (an unfinished question).
   */
  REJECTION_REASON_ENDS_WITH_COLON: 'REJECTION_REASON_ENDS_WITH_COLON',
  /**
   * Contains its own answer or solution (Magpie's sanitize cascade).
   */
  REJECTION_REASON_ANSWER_LEAK: 'REJECTION_REASON_ANSWER_LEAK',
  /**
   * Does not look like a math problem.
   */
  REJECTION_REASON_NOT_MATH: 'REJECTION_REASON_NOT_MATH',
  /**
   * Repeats an earlier problem of the run exactly.
   */
  REJECTION_REASON_EXACT_DUPLICATE: 'REJECTION_REASON_EXACT_DUPLICATE',
  /**
   * Nearly repeats an earlier problem of the run (MinHash Jaccard estimate).
   */
  REJECTION_REASON_NEAR_DUPLICATE: 'REJECTION_REASON_NEAR_DUPLICATE',
  /**
   * Shares an n-gram with a benchmark item and the run removes contamination.
   */
  REJECTION_REASON_CONTAMINATED: 'REJECTION_REASON_CONTAMINATED',
} as const;

/**
 * Why the generator dropped an instruction.
 */
export type RejectionReasonInput =
  /**
   * Not set; never sent by the server.
   */
  | 'REJECTION_REASON_UNSPECIFIED'
  | 0
  /**
   * The completion was empty.
   */
  | 'REJECTION_REASON_EMPTY'
  | 1
  /**
   * Shorter than the run's filters.min_chars.
   */
  | 'REJECTION_REASON_TOO_SHORT'
  | 2
  /**
   * Longer than the run's filters.max_chars.
   */
  | 'REJECTION_REASON_TOO_LONG'
  | 3
  /**
   * The completion hit max_tokens.
   */
  | 'REJECTION_REASON_TRUNCATED'
  | 4
  /**
   * Ends with ':' (an unfinished question).
   */
  | 'REJECTION_REASON_ENDS_WITH_COLON'
  | 5
  /**
   * Contains its own answer or solution (Magpie's sanitize cascade).
   */
  | 'REJECTION_REASON_ANSWER_LEAK'
  | 6
  /**
   * Does not look like a math problem.
   */
  | 'REJECTION_REASON_NOT_MATH'
  | 7
  /**
   * Repeats an earlier problem of the run exactly.
   */
  | 'REJECTION_REASON_EXACT_DUPLICATE'
  | 8
  /**
   * Nearly repeats an earlier problem of the run (MinHash Jaccard estimate).
   */
  | 'REJECTION_REASON_NEAR_DUPLICATE'
  | 9
  /**
   * Shares an n-gram with a benchmark item and the run removes contamination.
   */
  | 'REJECTION_REASON_CONTAMINATED'
  | 10

/**
 * Why the generator dropped an instruction.
 */
export type RejectionReason = typeof RejectionReason[keyof typeof RejectionReason]
