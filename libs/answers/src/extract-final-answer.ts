import { extractBoxed } from './extract-boxed.js';

/** "The answer is X", "the final answer is: X", "Final Answer: X", "**Answer:** X"; X runs to the end of its line. */
const ANSWER_PHRASE = /\b(?:the\s+)?(?:final\s+)?answer(?:\s+is|\s*\*{0,2}\s*:)\s*\*{0,2}\s*:?\s*([^\n]+)/gi;
/**
 * Number-like tokens for the last-resort fallback: `\frac{a}{b}` of integers, `a/b`, thousands
 * separated (`1,000`), decimals and integers. A minus counts only when it is not a binary minus
 * (`3-5` ends in 5, not -5).
 */
const NUMBER = /\\[dt]?frac\{-?\d+\}\{-?\d+\}|(?:(?<![\w)\]}])-)?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:\s*\/\s*\d+(?!\.\d))?/g;
const THINK_END = '</think>';

/**
 * Finds the final answer of a worked solution, trying in order: the last non-empty `\boxed{…}` or
 * `\fbox{…}`, the last "The answer is X" / "the final answer is X" / "Answer: X" (X up to the end
 * of its sentence), then the last number in the text. For reasoning-model output with a
 * `<think>…</think>` block, the text after `</think>` is searched first and the thoughts only when
 * it yields nothing. Returns the raw answer text (not normalised), or undefined when none of the
 * three is present. Never throws.
 */
export function extractFinalAnswer(text: string): string | undefined {
  const thinkEnd = text.lastIndexOf(THINK_END);
  if (thinkEnd >= 0) {
    const afterThoughts = extractFrom(text.slice(thinkEnd + THINK_END.length));
    if (afterThoughts !== undefined) return afterThoughts;
  }
  return extractFrom(text);
}

function extractFrom(text: string): string | undefined {
  const boxed = extractBoxed(text)?.trim();
  if (boxed) return boxed;
  const phrase = lastAnswerPhrase(text);
  if (phrase) return phrase;
  const numbers = text.match(NUMBER);
  return numbers?.at(-1)?.replace(/\s+/g, '');
}

function lastAnswerPhrase(text: string): string | undefined {
  let last = lastMatch(text);
  if (last === undefined) return undefined;
  // "Final Answer: The final answer is $5$." — the match swallowed the inner phrase; take the innermost.
  for (let inner = lastMatch(last); inner !== undefined && inner !== last; inner = lastMatch(last)) last = inner;
  // A sentence ends at ". " or a final "."; a decimal point is followed by a digit, so it survives.
  const sentence = (/^(.*?)(?:\.\s|\.?\s*$)/.exec(last)?.[1] ?? last).trim();
  const cleaned = sentence.replace(/^\*+|\*+$/g, '').trim();
  return cleaned.length > 0 ? cleaned : undefined;
}

function lastMatch(text: string): string | undefined {
  let last: string | undefined;
  for (const match of text.matchAll(ANSWER_PHRASE)) last = match[1];
  return last;
}
