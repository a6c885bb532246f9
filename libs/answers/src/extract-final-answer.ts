import { findBoxes, unwrapBoxes, type BoxSpan } from './extract-boxed.js';

/** Finish reasons of a response that was cut off before it ended: it has no final answer. */
export const TRUNCATED_FINISH_REASONS: readonly string[] = ['length', 'abort'];

/** "The answer is X", "the final answer is: X", "Final Answer: X", "**Answer:** X"; not "to answer: …". */
const INLINE_PHRASE = /(?<![A-Za-z])(?<!\bto\s)(?:the\s+)?(?:final\s+)?answer(?:\s+is\b|\s*\*{0,2}\s*:)[ \t]*\*{0,2}[ \t]*:?(\s*)([^\n]*)/gi;
/** A "Final Answer" heading with the answer on the next non-empty line. */
const HEADING = /(?:^|\n)[ \t]*(?:#{1,6}[ \t]*)?\**[ \t]*final[ \t]+answer[ \t]*\**[ \t]*:?[ \t]*\**[ \t]*(\n\s*)([^\n]+)/gi;
/** What may stand between two boxes of one answer: `$\boxed{2}$ or $x = \boxed{-3}$`. */
const BOX_JOINER = /^[\s$,;]*(?:(?:\\text\s*\{\s*)?(?:and|or)(?:\s*\})?)?[\s$,;]*(?:(?:[A-Za-z]|\\[A-Za-z]+)(?:_\{?\w+\}?)?\s*=\s*)?[\s$]*$/i;
const MAX_JOINER_LENGTH = 40;
/** A step label, `**Step 3.**`; never an answer. */
const STEP_LABEL = /^\**\s*step\s+\d+\b/i;
/** A list number or bullet at the start of a line, `1. `, `2) `, `- `; never an answer. */
const LIST_MARKER = /^(?:\d{1,2}[.)]\s|[-*•]\s)/;
/** Where a phrase's answer ends: a sentence end (a decimal point is followed by a digit), or an explanation. */
const SENTENCE_END = /^(.*?)(?:\.(?:\s|$)|\s*,?\s+(?:because|since|which|as shown|so that)\b|$)/i;
const THINK_OPEN = '<think>';
const THINK_END = '</think>';

/**
 * Finds the final answer of a worked solution, trying in order:
 * 1. the last non-empty top-level `\boxed{…}` / `\fbox{…}`, with boxes nested in it unwrapped;
 *    boxes right before it that are joined to it only by `and`, `or`, commas or `x =` belong to
 *    the same answer (`x = \boxed{2}` or `x = \boxed{-3}` gives `2, -3`);
 * 2. the last "The (final) answer is X", "Answer: X" or "Final Answer" heading, X up to the end
 *    of its sentence; a phrase followed by a list number or step label has no answer.
 * There is no guessing beyond that: a number in the text is never taken for the answer, so a
 * solution cut off mid-way ("**Step 2.** …") has none. For reasoning-model output the text after
 * `</think>` is searched first and the thoughts only when it yields nothing; an unclosed
 * `<think>` means the response ended while reasoning, so it has no answer. Returns the raw
 * answer text (not normalised), or undefined. Never throws.
 */
export function extractFinalAnswer(text: string): string | undefined {
  const thinkEnd = text.lastIndexOf(THINK_END);
  if (thinkEnd < 0) return text.includes(THINK_OPEN) ? undefined : extractFrom(text);
  return extractFrom(text.slice(thinkEnd + THINK_END.length)) ?? extractFrom(text.slice(0, thinkEnd));
}

/**
 * The answer a response votes with: null when the response was cut off (`finishReason` is one of
 * TRUNCATED_FINISH_REASONS, e.g. `length` at max_tokens) or has no final answer
 * (extractFinalAnswer). Use this wherever an answer is stored or counted.
 */
export function finalAnswerOf(text: string, finishReason?: string | null): string | null {
  if (finishReason && TRUNCATED_FINISH_REASONS.includes(finishReason)) return null;
  return extractFinalAnswer(text) ?? null;
}

function extractFrom(text: string): string | undefined {
  return lastBoxGroup(text) ?? lastPhrase(text);
}

function lastBoxGroup(text: string): string | undefined {
  const boxes = findBoxes(text).filter((b) => unwrapBoxes(b.content).trim() !== '');
  const last = boxes.at(-1);
  if (!last) return undefined;
  const group: BoxSpan[] = [last];
  for (let i = boxes.length - 2; i >= 0; i--) {
    const box = boxes[i] as BoxSpan;
    const gap = text.slice(box.end, (group[0] as BoxSpan).start);
    if (gap.length > MAX_JOINER_LENGTH || !BOX_JOINER.test(gap)) break;
    group.unshift(box);
  }
  return group.map((b) => unwrapBoxes(b.content).trim()).join(', ');
}

function lastPhrase(text: string): string | undefined {
  let best: { at: number; answer: string } | undefined;
  for (const pattern of [INLINE_PHRASE, HEADING]) {
    for (const match of text.matchAll(pattern)) {
      const answer = phraseAnswer(match[2] ?? '', (match[1] ?? '').includes('\n'));
      if (answer && (!best || match.index >= best.at)) best = { at: match.index, answer };
    }
  }
  return best?.answer;
}

/**
 * The answer in what follows a phrase (`onNextLine` when it starts on a later line);
 * "Final Answer: The final answer is $5$." gives the innermost.
 */
function phraseAnswer(rest: string, onNextLine: boolean): string | undefined {
  let tail = rest;
  let nextLine = onNextLine;
  for (let guard = 0; guard < 4; guard++) {
    const inner = [...tail.matchAll(INLINE_PHRASE)].at(-1);
    if (!inner) break;
    tail = inner[2] ?? '';
    nextLine = (inner[1] ?? '').includes('\n');
  }
  // What follows is the next step or item of a solution, not an answer: "… the answer:\n\n**Step 1.** …".
  if (STEP_LABEL.test(tail.trim()) || (nextLine && LIST_MARKER.test(tail.trim()))) return undefined;
  const sentence = (SENTENCE_END.exec(tail.trim())?.[1] ?? tail).trim();
  const cleaned = sentence.replace(/^\*+|\*+$/g, '').trim();
  return cleaned.length > 0 ? cleaned : undefined;
}
