// Original file: proto/magpie/v1/magpie.proto

import type { FlagReasonInput as _magpie_v1_FlagReasonInput, FlagReason as _magpie_v1_FlagReason } from '../../magpie/v1/FlagReason.js';

/**
 * Kept problems with one finding.
 */
export interface FlagCountInput {
  /**
   * The finding.
   */
  'flag'?: (_magpie_v1_FlagReasonInput);
  /**
   * Problems with it.
   */
  'count'?: (number);
}

/**
 * Kept problems with one finding.
 */
export interface FlagCount {
  /**
   * The finding.
   */
  'flag': (_magpie_v1_FlagReason);
  /**
   * Problems with it.
   */
  'count': (number);
}
