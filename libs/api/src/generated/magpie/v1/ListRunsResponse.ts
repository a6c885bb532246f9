// Original file: proto/magpie/v1/magpie.proto

import type { RunInput as _magpie_v1_RunInput, Run as _magpie_v1_Run } from '../../magpie/v1/Run.js';

/**
 * The response of ListRuns.
 */
export interface ListRunsResponseInput {
  /**
   * A page of runs, newest first.
   */
  'runs'?: (_magpie_v1_RunInput)[];
  /**
   * Pass as page_token for the next page; empty on the last page.
   */
  'next_page_token'?: (string);
}

/**
 * The response of ListRuns.
 */
export interface ListRunsResponse {
  /**
   * A page of runs, newest first.
   */
  'runs': (_magpie_v1_Run)[];
  /**
   * Pass as page_token for the next page; empty on the last page.
   */
  'next_page_token': (string);
}
