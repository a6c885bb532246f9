// Original file: proto/magpie/v1/magpie.proto

import type { RunInput as _magpie_v1_RunInput, Run as _magpie_v1_Run } from '../../magpie/v1/Run.js';

/**
 * The response of CancelRun.
 */
export interface CancelRunResponseInput {
  /**
   * The run after the cancel (unchanged when it had already ended).
   */
  'run'?: (_magpie_v1_RunInput | null);
}

/**
 * The response of CancelRun.
 */
export interface CancelRunResponse {
  /**
   * The run after the cancel (unchanged when it had already ended).
   */
  'run': (_magpie_v1_Run | null);
}
