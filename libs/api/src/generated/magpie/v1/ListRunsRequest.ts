// Original file: proto/magpie/v1/magpie.proto

import type { RunStatusInput as _magpie_v1_RunStatusInput, RunStatus as _magpie_v1_RunStatus } from '../../magpie/v1/RunStatus.js';

/**
 * The request of ListRuns. Filters combine (a run must match all that are set).
 */
export interface ListRunsRequestInput {
  /**
   * Runs per page, 1 to 1000; 0 means 100.
   */
  'page_size'?: (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'page_token'?: (string);
  /**
   * Only runs in this status; unspecified means any.
   */
  'status'?: (_magpie_v1_RunStatusInput);
  /**
   * Only runs covering this domain (alone or in their domain_mix); empty means any.
   */
  'domain'?: (string);
  /**
   * Only runs with this label: `key=value`, or `key` for any value; empty means any.
   */
  'label'?: (string);
}

/**
 * The request of ListRuns. Filters combine (a run must match all that are set).
 */
export interface ListRunsRequest {
  /**
   * Runs per page, 1 to 1000; 0 means 100.
   */
  'page_size': (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'page_token': (string);
  /**
   * Only runs in this status; unspecified means any.
   */
  'status': (_magpie_v1_RunStatus);
  /**
   * Only runs covering this domain (alone or in their domain_mix); empty means any.
   */
  'domain': (string);
  /**
   * Only runs with this label: `key=value`, or `key` for any value; empty means any.
   */
  'label': (string);
}
