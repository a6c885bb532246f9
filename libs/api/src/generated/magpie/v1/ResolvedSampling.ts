// Original file: proto/magpie/v1/magpie.proto


/**
 * Resolved sampling settings of a stage.
 */
export interface ResolvedSamplingInput {
  /**
   * Sampling temperature.
   */
  'temperature'?: (number | string);
  /**
   * Nucleus sampling mass.
   */
  'top_p'?: (number | string);
  /**
   * Most tokens a completion may have.
   */
  'max_tokens'?: (number);
}

/**
 * Resolved sampling settings of a stage.
 */
export interface ResolvedSampling {
  /**
   * Sampling temperature.
   */
  'temperature': (number);
  /**
   * Nucleus sampling mass.
   */
  'top_p': (number);
  /**
   * Most tokens a completion may have.
   */
  'max_tokens': (number);
}
