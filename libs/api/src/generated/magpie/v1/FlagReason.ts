// Original file: proto/magpie/v1/magpie.proto

/**
 * A finding about a problem that is kept (counted in RunCounts.flags).
 */
export const FlagReason = {
  /**
   * Not set; never sent by the server.
   */
  FLAG_REASON_UNSPECIFIED: 'FLAG_REASON_UNSPECIFIED',
  /**
   * Shares an n-gram with a benchmark item and the run flags contamination.
   */
  FLAG_REASON_CONTAMINATED: 'FLAG_REASON_CONTAMINATED',
  /**
   * Its input quality is below the run's minimum, so the training exports leave it out.
   */
  FLAG_REASON_QUALITY_BELOW_MINIMUM: 'FLAG_REASON_QUALITY_BELOW_MINIMUM',
  /**
   * Its difficulty is below the run's minimum, so the training exports leave it out.
   */
  FLAG_REASON_DIFFICULTY_BELOW_MINIMUM: 'FLAG_REASON_DIFFICULTY_BELOW_MINIMUM',
} as const;

/**
 * A finding about a problem that is kept (counted in RunCounts.flags).
 */
export type FlagReasonInput =
  /**
   * Not set; never sent by the server.
   */
  | 'FLAG_REASON_UNSPECIFIED'
  | 0
  /**
   * Shares an n-gram with a benchmark item and the run flags contamination.
   */
  | 'FLAG_REASON_CONTAMINATED'
  | 1
  /**
   * Its input quality is below the run's minimum, so the training exports leave it out.
   */
  | 'FLAG_REASON_QUALITY_BELOW_MINIMUM'
  | 2
  /**
   * Its difficulty is below the run's minimum, so the training exports leave it out.
   */
  | 'FLAG_REASON_DIFFICULTY_BELOW_MINIMUM'
  | 3

/**
 * A finding about a problem that is kept (counted in RunCounts.flags).
 */
export type FlagReason = typeof FlagReason[keyof typeof FlagReason]
