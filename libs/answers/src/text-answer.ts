import type { AnswerStructure } from './answer-structure.js';
import { REAL_LINE } from './interval-set.js';

const TEXT_COMMAND = String.raw`\\(?:text|textnormal|textrm|textbf|textit|textsf|mbox|mathrm|mathbf|mathit|mathsf|operatorname)\s*`;
/** The whole answer is one `\text{…}` group (or `\textbf`, `\mathrm` …). */
const WHOLE_TEXT = new RegExp(`^${TEXT_COMMAND}\\{([^{}]*)\\}$`);
/** Words: letters, spaces, hyphens, apostrophes, with at least one run of three letters. */
const WORDS = /^(?=.*[A-Za-z]{3})[A-Za-z][A-Za-z\s'’-]*[.!]?$/;
/** Function names written without a backslash: `sin x` is math, not words. */
const FUNCTION_WORD = /(?:^|\s)(?:sin|cos|tan|sec|csc|cot|log|ln|exp|sqrt|arcsin|arccos|arctan)(?:\s|$)/i;
/** A multiple-choice letter: `C`, `(C)`, `C)`. */
const CHOICE = /^\(?\s*([A-E])\s*\)?$/;

/** Phrases that name a set rather than being text. */
const EMPTY_PHRASES = new Set(['no solution', 'no solutions', 'no real solution', 'no real solutions', 'no real roots', 'no real root', 'empty set', 'the empty set']);
const REAL_PHRASES = new Set(['all real numbers', 'all reals', 'all real x', 'every real number', 'all real values', 'all real values of x']);
const SYNONYMS: Readonly<Record<string, string>> = {
  dne: 'does not exist',
  "doesn't exist": 'does not exist',
  'it does not exist': 'does not exist',
  'the limit does not exist': 'does not exist',
  true: 'yes',
  false: 'no',
};

export type TextReading =
  /** `\text{5 cm}`, `\textbf{12}`: a wrapper around math; parse what is inside. */
  | { readonly kind: 'unwrapped'; readonly inner: string }
  | { readonly kind: 'structure'; readonly structure: AnswerStructure };

/**
 * Reads an answer that is words: `\text{Monday}` and `monday` are the text `monday`; `no solution`
 * is the empty set and `all real numbers` is ℝ; `(C)`, `C` and `\textbf{(C)}` are the choice C.
 * A text command around math (`\text{12}`) is unwrapped. Undefined when the answer is not text.
 */
export function readTextAnswer(s: string): TextReading | undefined {
  const wrapped = WHOLE_TEXT.exec(s)?.[1];
  const words = (wrapped ?? s).trim();
  const choice = CHOICE.exec(words)?.[1];
  if (choice) return text(`choice ${choice}`);
  if (!WORDS.test(words) || FUNCTION_WORD.test(words)) return wrapped === undefined ? undefined : { kind: 'unwrapped', inner: wrapped };
  const folded = words
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[.!]$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (EMPTY_PHRASES.has(folded)) return { kind: 'structure', structure: { kind: 'set', items: [] } };
  if (REAL_PHRASES.has(folded)) return { kind: 'structure', structure: { kind: 'intervals', set: REAL_LINE } };
  if (folded === 'infinity') return { kind: 'unwrapped', inner: '\\infty' };
  return text(SYNONYMS[folded] ?? folded);
}

function text(words: string): TextReading {
  return { kind: 'structure', structure: { kind: 'text', words } };
}
