// Original file: proto/magpie/v1/magpie.proto

import type { PairRuleInput as _magpie_v1_PairRuleInput, PairRule as _magpie_v1_PairRule } from '../../magpie/v1/PairRule.js';
import type { PairSkipReasonInput as _magpie_v1_PairSkipReasonInput, PairSkipReason as _magpie_v1_PairSkipReason } from '../../magpie/v1/PairSkipReason.js';

/**
 * How a preference pair was chosen, so it can be audited or re-picked.
 */
export interface PairInfoInput {
  /**
   * The rule used.
   */
  'rule'?: (_magpie_v1_PairRuleInput);
  /**
   * Index of the chosen response; unset when the pair was skipped.
   */
  'chosen_index'?: (number);
  /**
   * Index of the rejected response; unset when the pair was skipped.
   */
  'rejected_index'?: (number);
  /**
   * Chosen minus rejected reward.
   */
  'margin'?: (number | string);
  /**
   * The most common final answer of the samples, when one could be extracted.
   */
  'majority_answer'?: (string);
  /**
   * Why no pair was emitted; unspecified when one was.
   */
  'skip_reason'?: (_magpie_v1_PairSkipReasonInput);
  '_chosen_index'?: "chosen_index";
  '_rejected_index'?: "rejected_index";
  '_majority_answer'?: "majority_answer";
}

/**
 * How a preference pair was chosen, so it can be audited or re-picked.
 */
export interface PairInfo {
  /**
   * The rule used.
   */
  'rule': (_magpie_v1_PairRule);
  /**
   * Index of the chosen response; unset when the pair was skipped.
   */
  'chosen_index'?: (number);
  /**
   * Index of the rejected response; unset when the pair was skipped.
   */
  'rejected_index'?: (number);
  /**
   * Chosen minus rejected reward.
   */
  'margin': (number);
  /**
   * The most common final answer of the samples, when one could be extracted.
   */
  'majority_answer'?: (string);
  /**
   * Why no pair was emitted; unspecified when one was.
   */
  'skip_reason': (_magpie_v1_PairSkipReason);
  '_chosen_index'?: "chosen_index";
  '_rejected_index'?: "rejected_index";
  '_majority_answer'?: "majority_answer";
}
