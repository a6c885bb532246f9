// Original file: proto/magpie/v1/magpie.proto


/**
 * The request of GetRun.
 */
export interface GetRunRequestInput {
  /**
   * The run's id.
   */
  'run_id'?: (string);
}

/**
 * The request of GetRun.
 */
export interface GetRunRequest {
  /**
   * The run's id.
   */
  'run_id': (string);
}
