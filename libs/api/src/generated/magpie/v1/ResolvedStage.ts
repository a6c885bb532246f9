// Original file: proto/magpie/v1/magpie.proto

import type { ResolvedSamplingInput as _magpie_v1_ResolvedSamplingInput, ResolvedSampling as _magpie_v1_ResolvedSampling } from '../../magpie/v1/ResolvedSampling.js';

/**
 * A stage's model and sampling, resolved.
 */
export interface ResolvedStageInput {
  /**
   * The model id.
   */
  'model'?: (string);
  /**
   * Its sampling settings.
   */
  'sampling'?: (_magpie_v1_ResolvedSamplingInput | null);
}

/**
 * A stage's model and sampling, resolved.
 */
export interface ResolvedStage {
  /**
   * The model id.
   */
  'model': (string);
  /**
   * Its sampling settings.
   */
  'sampling': (_magpie_v1_ResolvedSampling | null);
}
