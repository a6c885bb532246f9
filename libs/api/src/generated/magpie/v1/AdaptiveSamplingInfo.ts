// Original file: proto/magpie/v1/magpie.proto


/**
 * What adaptive sampling did for one problem.
 */
export interface AdaptiveSamplingInfoInput {
  /**
   * Samples drawn first.
   */
  'initial_samples'?: (number);
  /**
   * Samples drawn at most.
   */
  'max_samples'?: (number);
  /**
   * True when the first samples did not all agree and the rest were drawn.
   */
  'extended'?: (boolean);
  /**
   * Estimated completion tokens not spent: (max - initial) x the mean of the drawn samples; 0 when extended.
   */
  'completion_tokens_saved'?: (number);
  /**
   * Prompt tokens of the extension request; 0 when not extended.
   */
  'extension_prompt_tokens'?: (number);
}

/**
 * What adaptive sampling did for one problem.
 */
export interface AdaptiveSamplingInfo {
  /**
   * Samples drawn first.
   */
  'initial_samples': (number);
  /**
   * Samples drawn at most.
   */
  'max_samples': (number);
  /**
   * True when the first samples did not all agree and the rest were drawn.
   */
  'extended': (boolean);
  /**
   * Estimated completion tokens not spent: (max - initial) x the mean of the drawn samples; 0 when extended.
   */
  'completion_tokens_saved': (number);
  /**
   * Prompt tokens of the extension request; 0 when not extended.
   */
  'extension_prompt_tokens': (number);
}
