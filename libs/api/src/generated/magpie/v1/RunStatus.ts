// Original file: proto/magpie/v1/magpie.proto

/**
 * Lifecycle of a run.
 */
export const RunStatus = {
  /**
   * Not set; never sent by the server.
   */
  RUN_STATUS_UNSPECIFIED: 'RUN_STATUS_UNSPECIFIED',
  /**
   * Accepted; stages are producing records.
   */
  RUN_STATUS_RUNNING: 'RUN_STATUS_RUNNING',
  /**
   * Every stage produced `count` records.
   */
  RUN_STATUS_SUCCEEDED: 'RUN_STATUS_SUCCEEDED',
  /**
   * A record was dead-lettered; see Run.reason.
   */
  RUN_STATUS_FAILED: 'RUN_STATUS_FAILED',
  /**
   * Cancelled by a user; see Run.reason.
   */
  RUN_STATUS_CANCELLED: 'RUN_STATUS_CANCELLED',
} as const;

/**
 * Lifecycle of a run.
 */
export type RunStatusInput =
  /**
   * Not set; never sent by the server.
   */
  | 'RUN_STATUS_UNSPECIFIED'
  | 0
  /**
   * Accepted; stages are producing records.
   */
  | 'RUN_STATUS_RUNNING'
  | 1
  /**
   * Every stage produced `count` records.
   */
  | 'RUN_STATUS_SUCCEEDED'
  | 2
  /**
   * A record was dead-lettered; see Run.reason.
   */
  | 'RUN_STATUS_FAILED'
  | 3
  /**
   * Cancelled by a user; see Run.reason.
   */
  | 'RUN_STATUS_CANCELLED'
  | 4

/**
 * Lifecycle of a run.
 */
export type RunStatus = typeof RunStatus[keyof typeof RunStatus]
