export interface SplitReasoning {
  /** The text inside `<think>…</think>`, or the backend's reasoning field; null when there is none. */
  readonly reasoning: string | null;
  /** The answer after the reasoning. */
  readonly response: string;
  /** True when a `<think>` was opened and never closed: the model ran out of tokens mid-thought. */
  readonly truncatedReasoning: boolean;
}

/**
 * Separates a reasoning model's thinking from its answer. vLLM with a reasoning parser returns the
 * thinking in `reasoning` (newer) or `reasoning_content` (older); without one it is inline.
 */
export function splitReasoning(content: string, reasoningField: string | null | undefined): SplitReasoning {
  if (reasoningField) return { reasoning: reasoningField.trim(), response: content.trim(), truncatedReasoning: false };
  const open = content.indexOf('<think>');
  const close = content.indexOf('</think>');
  if (close >= 0) {
    // R1's generation prompt already ends in "<think>\n", so the reply may hold only the closing tag.
    const start = open >= 0 && open < close ? open + '<think>'.length : 0;
    return {
      reasoning: content.slice(start, close).trim(),
      response: content.slice(close + '</think>'.length).trim(),
      truncatedReasoning: false,
    };
  }
  if (open >= 0) return { reasoning: content.slice(open + '<think>'.length).trim(), response: '', truncatedReasoning: true };
  return { reasoning: null, response: content.trim(), truncatedReasoning: false };
}
