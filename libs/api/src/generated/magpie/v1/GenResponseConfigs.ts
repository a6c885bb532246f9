// Original file: proto/magpie/v1/magpie.proto


/**
 * Magpie's gen_response_configs.
 */
export interface GenResponseConfigsInput {
  /**
   * The rendered prompt; unset for Magpie's `prompt: null` (chat calls).
   */
  'prompt'?: (string);
  /**
   * Sampling temperature.
   */
  'temperature'?: (number | string);
  /**
   * Nucleus sampling mass.
   */
  'top_p'?: (number | string);
  /**
   * Repetition penalty.
   */
  'repetition_penalty'?: (number | string);
  /**
   * Most tokens of the response.
   */
  'max_tokens'?: (number);
  /**
   * Stop strings.
   */
  'stop_tokens'?: (string)[];
  /**
   * The model that wrote the response.
   */
  'output_generator'?: (string);
  /**
   * Always "vllm".
   */
  'engine'?: (string);
  '_prompt'?: "prompt";
}

/**
 * Magpie's gen_response_configs.
 */
export interface GenResponseConfigs {
  /**
   * The rendered prompt; unset for Magpie's `prompt: null` (chat calls).
   */
  'prompt'?: (string);
  /**
   * Sampling temperature.
   */
  'temperature': (number);
  /**
   * Nucleus sampling mass.
   */
  'top_p': (number);
  /**
   * Repetition penalty.
   */
  'repetition_penalty': (number);
  /**
   * Most tokens of the response.
   */
  'max_tokens': (number);
  /**
   * Stop strings.
   */
  'stop_tokens': (string)[];
  /**
   * The model that wrote the response.
   */
  'output_generator': (string);
  /**
   * Always "vllm".
   */
  'engine': (string);
  '_prompt'?: "prompt";
}
