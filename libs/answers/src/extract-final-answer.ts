import { extractBoxed } from './extract-boxed.js';

const ANSWER_PHRASE = /\b(?:the\s+)?(?:final\s+)?answer\s+is\s*:?\s*([^\n]+)/gi;
const NUMBER = /-?\d+(?:\.\d+)?(?:\s*\/\s*\d+)?/g;

/**
 * Finds the final answer of a worked solution, trying in order: the last non-empty `\boxed{…}`,
 * the last "The answer is X" / "the final answer is X" (X up to the end of its sentence), then
 * the last number in the text. Returns the raw answer text (not normalised), or undefined when
 * none of the three is present. Never throws.
 */
export function extractFinalAnswer(text: string): string | undefined {
  const boxed = extractBoxed(text)?.trim();
  if (boxed) return boxed;
  const phrase = lastAnswerPhrase(text);
  if (phrase) return phrase;
  const numbers = text.match(NUMBER);
  return numbers?.at(-1)?.replace(/\s+/g, '');
}

function lastAnswerPhrase(text: string): string | undefined {
  let last: string | undefined;
  for (const match of text.matchAll(ANSWER_PHRASE)) last = match[1];
  if (last === undefined) return undefined;
  // A sentence ends at ". " or a final "."; a decimal point is followed by a digit, so it survives.
  const sentence = (/^(.*?)(?:\.\s|\.?\s*$)/.exec(last)?.[1] ?? last).trim();
  const cleaned = sentence.replace(/^\*+|\*+$/g, '').trim();
  return cleaned.length > 0 ? cleaned : undefined;
}
