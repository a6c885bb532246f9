// Original file: proto/magpie/v1/magpie.proto

import type { RunInput as _magpie_v1_RunInput, Run as _magpie_v1_Run } from '../../magpie/v1/Run.js';

/**
 * The response of StartRun.
 */
export interface StartRunResponseInput {
  /**
   * The run as stored.
   */
  'run'?: (_magpie_v1_RunInput | null);
  /**
   * False when request_id matched an earlier call.
   */
  'created'?: (boolean);
}

/**
 * The response of StartRun.
 */
export interface StartRunResponse {
  /**
   * The run as stored.
   */
  'run': (_magpie_v1_Run | null);
  /**
   * False when request_id matched an earlier call.
   */
  'created': (boolean);
}
