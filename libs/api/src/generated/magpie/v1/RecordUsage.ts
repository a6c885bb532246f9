// Original file: proto/magpie/v1/magpie.proto


/**
 * Token usage of one record's backend call.
 */
export interface RecordUsageInput {
  /**
   * Prompt tokens.
   */
  'prompt_tokens'?: (number);
  /**
   * Completion tokens.
   */
  'completion_tokens'?: (number);
}

/**
 * Token usage of one record's backend call.
 */
export interface RecordUsage {
  /**
   * Prompt tokens.
   */
  'prompt_tokens': (number);
  /**
   * Completion tokens.
   */
  'completion_tokens': (number);
}
