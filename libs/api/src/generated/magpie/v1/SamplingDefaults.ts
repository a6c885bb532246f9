// Original file: proto/magpie/v1/magpie.proto

import type { ResolvedSamplingInput as _magpie_v1_ResolvedSamplingInput, ResolvedSampling as _magpie_v1_ResolvedSampling } from '../../magpie/v1/ResolvedSampling.js';

/**
 * Default sampling of a model for each kind of call.
 */
export interface SamplingDefaultsInput {
  /**
   * Instruction generation (before the domain's instruction temperature applies).
   */
  'instruction'?: (_magpie_v1_ResolvedSamplingInput | null);
  /**
   * The solver's solution.
   */
  'response'?: (_magpie_v1_ResolvedSamplingInput | null);
  /**
   * The sampler's responses.
   */
  'samples'?: (_magpie_v1_ResolvedSamplingInput | null);
}

/**
 * Default sampling of a model for each kind of call.
 */
export interface SamplingDefaults {
  /**
   * Instruction generation (before the domain's instruction temperature applies).
   */
  'instruction': (_magpie_v1_ResolvedSampling | null);
  /**
   * The solver's solution.
   */
  'response': (_magpie_v1_ResolvedSampling | null);
  /**
   * The sampler's responses.
   */
  'samples': (_magpie_v1_ResolvedSampling | null);
}
