import { approxTokens, truncateToTokens } from './approx-tokens.js';

/** How a generated text ends, as vLLM reports it. */
export type FinishReason = 'stop' | 'length';

/** A special token that ends generation when its id is in the request's `stop_token_ids`. */
export interface StopToken {
  readonly text: string;
  readonly id: number;
}

export interface StopRules {
  /** The request's `stop` strings. */
  readonly stop: readonly string[];
  /** The model's special tokens whose ids the request listed in `stop_token_ids`. */
  readonly stopTokens: readonly StopToken[];
  /** Every special-token text of the model; removed from the output when skipSpecialTokens. */
  readonly specialTokens: readonly string[];
  readonly includeStopStrInOutput: boolean;
  readonly skipSpecialTokens: boolean;
  readonly maxTokens: number;
}

export interface FinishedText {
  readonly text: string;
  readonly finishReason: FinishReason;
  /** The stop string or token id that ended the text; null for end-of-sequence or length. */
  readonly stopReason: string | number | null;
  readonly completionTokens: number;
}

/**
 * Applies a request's stop conditions to the whole text the "model" would generate, the way vLLM
 * does: the earliest occurrence of any stop string or stop token ends it (a stop string is kept only
 * with include_stop_str_in_output; a stop token only when skip_special_tokens is false). If the text
 * before that point is longer than max_tokens it is cut to max_tokens with finish_reason "length".
 * Without any stop, the text ends at end-of-sequence ("stop", stop_reason null).
 */
export function finishText(generated: string, rules: StopRules): FinishedText {
  let end = generated.length;
  let kept = generated;
  let stopReason: string | number | null = null;
  for (const stop of rules.stop) {
    const at = stop === '' ? -1 : generated.indexOf(stop);
    if (at >= 0 && at < end) {
      end = at;
      kept = generated.slice(0, at) + (rules.includeStopStrInOutput ? stop : '');
      stopReason = stop;
    }
  }
  for (const token of rules.stopTokens) {
    const at = generated.indexOf(token.text);
    if (at >= 0 && at < end) {
      end = at;
      kept = generated.slice(0, at) + (rules.skipSpecialTokens ? '' : token.text);
      stopReason = token.id;
    }
  }
  if (rules.skipSpecialTokens) {
    for (const special of rules.specialTokens) kept = kept.split(special).join('');
  }
  if (approxTokens(kept) > rules.maxTokens) {
    const text = truncateToTokens(kept, rules.maxTokens);
    return { text, finishReason: 'length', stopReason: null, completionTokens: rules.maxTokens };
  }
  return { text: kept, finishReason: 'stop', stopReason, completionTokens: approxTokens(kept) };
}
