// Original file: proto/magpie/v1/magpie.proto

import type { GenResponseConfigsInput as _magpie_v1_GenResponseConfigsInput, GenResponseConfigs as _magpie_v1_GenResponseConfigs } from '../../magpie/v1/GenResponseConfigs.js';
import type { RecordUsageInput as _magpie_v1_RecordUsageInput, RecordUsage as _magpie_v1_RecordUsage } from '../../magpie/v1/RecordUsage.js';
import type { AdaptiveSamplingInfoInput as _magpie_v1_AdaptiveSamplingInfoInput, AdaptiveSamplingInfo as _magpie_v1_AdaptiveSamplingInfo } from '../../magpie/v1/AdaptiveSamplingInfo.js';

/**
 * Sampled responses to one problem (Magpie's `_ins_5res.json` additions).
 */
export interface SamplesInput {
  /**
   * The problem's record id.
   */
  'problem_record_id'?: (string);
  /**
   * The problem text.
   */
  'instruction'?: (string);
  /**
   * The responses.
   */
  'responses'?: (string)[];
  /**
   * Reasoning per response; empty string where a response had none.
   */
  'reasonings'?: (string)[];
  /**
   * Why each response stopped.
   */
  'finish_reasons'?: (string)[];
  /**
   * Magpie's gen_response_configs.
   */
  'gen_response_configs'?: (_magpie_v1_GenResponseConfigsInput | null);
  /**
   * Tokens of the call.
   */
  'usage'?: (_magpie_v1_RecordUsageInput | null);
  /**
   * One seed per backend request: one, or two when adaptive sampling extended the samples.
   */
  'seeds'?: (number)[];
  /**
   * Adaptive sampling's outcome; unset when the run draws a fixed number of samples.
   */
  'adaptive'?: (_magpie_v1_AdaptiveSamplingInfoInput | null);
}

/**
 * Sampled responses to one problem (Magpie's `_ins_5res.json` additions).
 */
export interface Samples {
  /**
   * The problem's record id.
   */
  'problem_record_id': (string);
  /**
   * The problem text.
   */
  'instruction': (string);
  /**
   * The responses.
   */
  'responses': (string)[];
  /**
   * Reasoning per response; empty string where a response had none.
   */
  'reasonings': (string)[];
  /**
   * Why each response stopped.
   */
  'finish_reasons': (string)[];
  /**
   * Magpie's gen_response_configs.
   */
  'gen_response_configs': (_magpie_v1_GenResponseConfigs | null);
  /**
   * Tokens of the call.
   */
  'usage': (_magpie_v1_RecordUsage | null);
  /**
   * One seed per backend request: one, or two when adaptive sampling extended the samples.
   */
  'seeds': (number)[];
  /**
   * Adaptive sampling's outcome; unset when the run draws a fixed number of samples.
   */
  'adaptive': (_magpie_v1_AdaptiveSamplingInfo | null);
}
