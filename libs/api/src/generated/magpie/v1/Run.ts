// Original file: proto/magpie/v1/magpie.proto

import type { RunStatusInput as _magpie_v1_RunStatusInput, RunStatus as _magpie_v1_RunStatus } from '../../magpie/v1/RunStatus.js';
import type { RunSpecInput as _magpie_v1_RunSpecInput, RunSpec as _magpie_v1_RunSpec } from '../../magpie/v1/RunSpec.js';
import type { RunCountsInput as _magpie_v1_RunCountsInput, RunCounts as _magpie_v1_RunCounts } from '../../magpie/v1/RunCounts.js';
import type { TimestampInput as _google_protobuf_TimestampInput, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp.js';
import type { QualitySummaryInput as _magpie_v1_QualitySummaryInput, QualitySummary as _magpie_v1_QualitySummary } from '../../magpie/v1/QualitySummary.js';

/**
 * A run.
 */
export interface RunInput {
  /**
   * The run's id: letters, digits, '-' and '_'.
   */
  'run_id'?: (string);
  /**
   * Its lifecycle status.
   */
  'status'?: (_magpie_v1_RunStatusInput);
  /**
   * Its resolved settings.
   */
  'spec'?: (_magpie_v1_RunSpecInput | null);
  /**
   * Its counts.
   */
  'counts'?: (_magpie_v1_RunCountsInput | null);
  /**
   * When it was accepted.
   */
  'created_at'?: (_google_protobuf_TimestampInput | null);
  /**
   * When its status last changed.
   */
  'updated_at'?: (_google_protobuf_TimestampInput | null);
  /**
   * When it ended; unset while it runs.
   */
  'finished_at'?: (_google_protobuf_TimestampInput | null);
  /**
   * Why the run failed or was cancelled.
   */
  'reason'?: (string);
  /**
   * The StartRun request_id it was started with, if any.
   */
  'request_id'?: (string);
  /**
   * Its labels.
   */
  'labels'?: ({[key: string]: string});
  /**
   * The run's data-quality summary.
   */
  'quality'?: (_magpie_v1_QualitySummaryInput | null);
}

/**
 * A run.
 */
export interface Run {
  /**
   * The run's id: letters, digits, '-' and '_'.
   */
  'run_id': (string);
  /**
   * Its lifecycle status.
   */
  'status': (_magpie_v1_RunStatus);
  /**
   * Its resolved settings.
   */
  'spec': (_magpie_v1_RunSpec | null);
  /**
   * Its counts.
   */
  'counts': (_magpie_v1_RunCounts | null);
  /**
   * When it was accepted.
   */
  'created_at': (_google_protobuf_Timestamp | null);
  /**
   * When its status last changed.
   */
  'updated_at': (_google_protobuf_Timestamp | null);
  /**
   * When it ended; unset while it runs.
   */
  'finished_at': (_google_protobuf_Timestamp | null);
  /**
   * Why the run failed or was cancelled.
   */
  'reason': (string);
  /**
   * The StartRun request_id it was started with, if any.
   */
  'request_id': (string);
  /**
   * Its labels.
   */
  'labels': ({[key: string]: string});
  /**
   * The run's data-quality summary.
   */
  'quality': (_magpie_v1_QualitySummary | null);
}
