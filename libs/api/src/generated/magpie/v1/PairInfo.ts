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
  /**
   * What the pair is: correctness, style or magpie; empty when skipped.
   */
  'kind'?: (string);
  /**
   * The chosen response's final answer; unset where it has none.
   */
  'chosen_answer'?: (string);
  /**
   * The rejected response's final answer; unset where it has none.
   */
  'rejected_answer'?: (string);
  /**
   * Votes of the chosen answer's group (samples and SFT solution); 0 for no answer.
   */
  'chosen_votes'?: (number);
  /**
   * Votes of the rejected answer's group; 0 for no answer.
   */
  'rejected_votes'?: (number);
  /**
   * Votes of the majority answer.
   */
  'majority_votes'?: (number);
  /**
   * Votes cast (voters with a final answer).
   */
  'votes_cast'?: (number);
  /**
   * The chosen answer is the strict majority with at least verify_share of the samples.
   */
  'verified'?: (boolean);
  '_chosen_index'?: "chosen_index";
  '_rejected_index'?: "rejected_index";
  '_majority_answer'?: "majority_answer";
  '_chosen_answer'?: "chosen_answer";
  '_rejected_answer'?: "rejected_answer";
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
  /**
   * What the pair is: correctness, style or magpie; empty when skipped.
   */
  'kind': (string);
  /**
   * The chosen response's final answer; unset where it has none.
   */
  'chosen_answer'?: (string);
  /**
   * The rejected response's final answer; unset where it has none.
   */
  'rejected_answer'?: (string);
  /**
   * Votes of the chosen answer's group (samples and SFT solution); 0 for no answer.
   */
  'chosen_votes': (number);
  /**
   * Votes of the rejected answer's group; 0 for no answer.
   */
  'rejected_votes': (number);
  /**
   * Votes of the majority answer.
   */
  'majority_votes': (number);
  /**
   * Votes cast (voters with a final answer).
   */
  'votes_cast': (number);
  /**
   * The chosen answer is the strict majority with at least verify_share of the samples.
   */
  'verified': (boolean);
  '_chosen_index'?: "chosen_index";
  '_rejected_index'?: "rejected_index";
  '_majority_answer'?: "majority_answer";
  '_chosen_answer'?: "chosen_answer";
  '_rejected_answer'?: "rejected_answer";
}
