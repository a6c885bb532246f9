// Original file: proto/magpie/v1/magpie.proto


/**
 * Sampling overrides for one stage; unset fields keep the model's defaults.
 */
export interface SamplingParamsInput {
  /**
   * Sampling temperature, 0 to 5.
   */
  'temperature'?: (number | string);
  /**
   * Nucleus sampling mass, above 0 and at most 1.
   */
  'top_p'?: (number | string);
  /**
   * Most tokens a completion may have.
   */
  'max_tokens'?: (number);
  '_temperature'?: "temperature";
  '_top_p'?: "top_p";
  '_max_tokens'?: "max_tokens";
}

/**
 * Sampling overrides for one stage; unset fields keep the model's defaults.
 */
export interface SamplingParams {
  /**
   * Sampling temperature, 0 to 5.
   */
  'temperature'?: (number);
  /**
   * Nucleus sampling mass, above 0 and at most 1.
   */
  'top_p'?: (number);
  /**
   * Most tokens a completion may have.
   */
  'max_tokens'?: (number);
  '_temperature'?: "temperature";
  '_top_p'?: "top_p";
  '_max_tokens'?: "max_tokens";
}
