// Original file: proto/magpie/v1/magpie.proto


/**
 * The request of CancelRun.
 */
export interface CancelRunRequestInput {
  /**
   * The run's id.
   */
  'run_id'?: (string);
  /**
   * Why; kept as the run's reason. Default "cancelled by user".
   */
  'reason'?: (string);
}

/**
 * The request of CancelRun.
 */
export interface CancelRunRequest {
  /**
   * The run's id.
   */
  'run_id': (string);
  /**
   * Why; kept as the run's reason. Default "cancelled by user".
   */
  'reason': (string);
}
