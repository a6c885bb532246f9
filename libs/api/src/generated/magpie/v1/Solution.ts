// Original file: proto/magpie/v1/magpie.proto

import type { GenResponseConfigsInput as _magpie_v1_GenResponseConfigsInput, GenResponseConfigs as _magpie_v1_GenResponseConfigs } from '../../magpie/v1/GenResponseConfigs.js';
import type { RecordUsageInput as _magpie_v1_RecordUsageInput, RecordUsage as _magpie_v1_RecordUsage } from '../../magpie/v1/RecordUsage.js';

/**
 * A chain-of-thought solution (Magpie's `_ins_res.json` additions).
 */
export interface SolutionInput {
  /**
   * The problem's record id.
   */
  'problem_record_id'?: (string);
  /**
   * The problem text.
   */
  'instruction'?: (string);
  /**
   * The response.
   */
  'response'?: (string);
  /**
   * The reasoning (inside <think>…</think>); unset for plain models.
   */
  'reasoning'?: (string);
  /**
   * Why generation stopped.
   */
  'finish_reason'?: (string);
  /**
   * Magpie's gen_response_configs.
   */
  'gen_response_configs'?: (_magpie_v1_GenResponseConfigsInput | null);
  /**
   * Tokens of the call.
   */
  'usage'?: (_magpie_v1_RecordUsageInput | null);
  /**
   * The final answer extracted from the response, when one was found.
   */
  'answer'?: (string);
  /**
   * The request's seed, derived from the run's seed, spec and slot.
   */
  'seed'?: (number);
  '_reasoning'?: "reasoning";
  '_answer'?: "answer";
}

/**
 * A chain-of-thought solution (Magpie's `_ins_res.json` additions).
 */
export interface Solution {
  /**
   * The problem's record id.
   */
  'problem_record_id': (string);
  /**
   * The problem text.
   */
  'instruction': (string);
  /**
   * The response.
   */
  'response': (string);
  /**
   * The reasoning (inside <think>…</think>); unset for plain models.
   */
  'reasoning'?: (string);
  /**
   * Why generation stopped.
   */
  'finish_reason': (string);
  /**
   * Magpie's gen_response_configs.
   */
  'gen_response_configs': (_magpie_v1_GenResponseConfigs | null);
  /**
   * Tokens of the call.
   */
  'usage': (_magpie_v1_RecordUsage | null);
  /**
   * The final answer extracted from the response, when one was found.
   */
  'answer'?: (string);
  /**
   * The request's seed, derived from the run's seed, spec and slot.
   */
  'seed': (number);
  '_reasoning'?: "reasoning";
  '_answer'?: "answer";
}
