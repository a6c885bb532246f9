// Original file: proto/magpie/v1/magpie.proto

import type { SamplingParamsInput as _magpie_v1_SamplingParamsInput, SamplingParams as _magpie_v1_SamplingParams } from '../../magpie/v1/SamplingParams.js';

/**
 * Overrides for one stage.
 */
export interface StageOverridesInput {
  /**
   * A ListModels model id; empty means the run's model.
   */
  'model'?: (string);
  /**
   * Sampling overrides; unset keeps the model's defaults.
   */
  'sampling'?: (_magpie_v1_SamplingParamsInput | null);
}

/**
 * Overrides for one stage.
 */
export interface StageOverrides {
  /**
   * A ListModels model id; empty means the run's model.
   */
  'model': (string);
  /**
   * Sampling overrides; unset keeps the model's defaults.
   */
  'sampling': (_magpie_v1_SamplingParams | null);
}
