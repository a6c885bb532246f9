// Original file: proto/magpie/v1/magpie.proto

import type { RunInput as _magpie_v1_RunInput, Run as _magpie_v1_Run } from '../../magpie/v1/Run.js';

/**
 * The response of GetRun.
 */
export interface GetRunResponseInput {
  /**
   * The run.
   */
  'run'?: (_magpie_v1_RunInput | null);
}

/**
 * The response of GetRun.
 */
export interface GetRunResponse {
  /**
   * The run.
   */
  'run': (_magpie_v1_Run | null);
}
