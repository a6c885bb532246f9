// Original file: proto/magpie/v1/magpie.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Tokens used by backend calls.
 */
export interface TokenUsageInput {
  /**
   * Prompt tokens.
   */
  'prompt_tokens'?: (number | string | Long);
  /**
   * Completion tokens.
   */
  'completion_tokens'?: (number | string | Long);
}

/**
 * Tokens used by backend calls.
 */
export interface TokenUsage {
  /**
   * Prompt tokens.
   */
  'prompt_tokens': (string);
  /**
   * Completion tokens.
   */
  'completion_tokens': (string);
}
