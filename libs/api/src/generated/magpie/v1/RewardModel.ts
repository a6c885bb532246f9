// Original file: proto/magpie/v1/magpie.proto

import type { ServingSettingsInput as _magpie_v1_ServingSettingsInput, ServingSettings as _magpie_v1_ServingSettings } from '../../magpie/v1/ServingSettings.js';

/**
 * A reward model.
 */
export interface RewardModelInput {
  /**
   * The model id (StartRunRequest.reward_model).
   */
  'id'?: (string);
  /**
   * "armorm" (the ArmoRM server) or "classify" (vLLM's /classify).
   */
  'api'?: (string);
  /**
   * How it is served.
   */
  'serving'?: (_magpie_v1_ServingSettingsInput | null);
}

/**
 * A reward model.
 */
export interface RewardModel {
  /**
   * The model id (StartRunRequest.reward_model).
   */
  'id': (string);
  /**
   * "armorm" (the ArmoRM server) or "classify" (vLLM's /classify).
   */
  'api': (string);
  /**
   * How it is served.
   */
  'serving': (_magpie_v1_ServingSettings | null);
}
