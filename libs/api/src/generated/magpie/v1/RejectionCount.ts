// Original file: proto/magpie/v1/magpie.proto

import type { RejectionReasonInput as _magpie_v1_RejectionReasonInput, RejectionReason as _magpie_v1_RejectionReason } from '../../magpie/v1/RejectionReason.js';

/**
 * Instructions the generator dropped for one reason.
 */
export interface RejectionCountInput {
  /**
   * The reason.
   */
  'reason'?: (_magpie_v1_RejectionReasonInput);
  /**
   * Instructions dropped for it.
   */
  'count'?: (number);
}

/**
 * Instructions the generator dropped for one reason.
 */
export interface RejectionCount {
  /**
   * The reason.
   */
  'reason': (_magpie_v1_RejectionReason);
  /**
   * Instructions dropped for it.
   */
  'count': (number);
}
