// Original file: proto/magpie/v1/magpie.proto


/**
 * One chat turn.
 */
export interface ChatMessageInput {
  /**
   * "system", "user" or "assistant".
   */
  'role'?: (string);
  /**
   * The text.
   */
  'content'?: (string);
}

/**
 * One chat turn.
 */
export interface ChatMessage {
  /**
   * "system", "user" or "assistant".
   */
  'role': (string);
  /**
   * The text.
   */
  'content': (string);
}
