/**
 * Splits raw `<think>…</think>answer` output the way vLLM's deepseek_r1 reasoning parser does:
 * the reasoning without tags, and the content after `</think>` (null when empty). Output cut off
 * inside the thinking is all reasoning; output with no think block is all content.
 */
export function splitReasoning(text: string): { reasoning: string | null; content: string | null } {
  const start = text.startsWith('<think>') ? '<think>'.length : 0;
  const end = text.indexOf('</think>');
  if (end < 0) return start > 0 ? { reasoning: text.slice(start).trim(), content: null } : { reasoning: null, content: text };
  const content = text.slice(end + '</think>'.length).replace(/^\s+/, '');
  return { reasoning: text.slice(start, end).trim(), content: content === '' ? null : content };
}
