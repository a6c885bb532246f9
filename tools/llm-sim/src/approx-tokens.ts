/** The simulator's token count: one token per four characters, rounded up (no tokenizer needed). */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The longest prefix of `text` that is at most `maxTokens` approximate tokens, never splitting a surrogate pair. */
export function truncateToTokens(text: string, maxTokens: number): string {
  let cut = text.slice(0, Math.max(0, maxTokens) * 4);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}
