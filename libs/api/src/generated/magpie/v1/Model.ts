// Original file: proto/magpie/v1/magpie.proto

import type { SamplingDefaultsInput as _magpie_v1_SamplingDefaultsInput, SamplingDefaults as _magpie_v1_SamplingDefaults } from '../../magpie/v1/SamplingDefaults.js';
import type { ServingSettingsInput as _magpie_v1_ServingSettingsInput, ServingSettings as _magpie_v1_ServingSettings } from '../../magpie/v1/ServingSettings.js';

/**
 * A generator model.
 */
export interface ModelInput {
  /**
   * The model id (StartRunRequest.model).
   */
  'id'?: (string);
  /**
   * Its family (chat format).
   */
  'family'?: (string);
  /**
   * Emits <think>…</think> before its answer.
   */
  'reasoning'?: (boolean);
  /**
   * Its chat format has a system role.
   */
  'system_role'?: (boolean);
  /**
   * Its default sampling.
   */
  'defaults'?: (_magpie_v1_SamplingDefaultsInput | null);
  /**
   * How it is served.
   */
  'serving'?: (_magpie_v1_ServingSettingsInput | null);
}

/**
 * A generator model.
 */
export interface Model {
  /**
   * The model id (StartRunRequest.model).
   */
  'id': (string);
  /**
   * Its family (chat format).
   */
  'family': (string);
  /**
   * Emits <think>…</think> before its answer.
   */
  'reasoning': (boolean);
  /**
   * Its chat format has a system role.
   */
  'system_role': (boolean);
  /**
   * Its default sampling.
   */
  'defaults': (_magpie_v1_SamplingDefaults | null);
  /**
   * How it is served.
   */
  'serving': (_magpie_v1_ServingSettings | null);
}
