// Original file: proto/magpie/v1/magpie.proto

import type { RecordKindInput as _magpie_v1_RecordKindInput, RecordKind as _magpie_v1_RecordKind } from '../../magpie/v1/RecordKind.js';
import type { Long } from '@grpc/proto-loader';

/**
 * The request of StreamRecords.
 */
export interface StreamRecordsRequestInput {
  /**
   * The run's id.
   */
  'run_id'?: (string);
  /**
   * 0 replays from the beginning; otherwise the cursor of the last record already received.
   */
  'from_cursor'?: (number | string | Long);
  /**
   * Only records of these kinds; empty means every kind.
   */
  'kinds'?: (_magpie_v1_RecordKindInput)[];
}

/**
 * The request of StreamRecords.
 */
export interface StreamRecordsRequest {
  /**
   * The run's id.
   */
  'run_id': (string);
  /**
   * 0 replays from the beginning; otherwise the cursor of the last record already received.
   */
  'from_cursor': (string);
  /**
   * Only records of these kinds; empty means every kind.
   */
  'kinds': (_magpie_v1_RecordKind)[];
}
