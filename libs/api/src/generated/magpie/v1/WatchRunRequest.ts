// Original file: proto/magpie/v1/magpie.proto


/**
 * The request of WatchRun.
 */
export interface WatchRunRequestInput {
  /**
   * The run's id.
   */
  'run_id'?: (string);
}

/**
 * The request of WatchRun.
 */
export interface WatchRunRequest {
  /**
   * The run's id.
   */
  'run_id': (string);
}
