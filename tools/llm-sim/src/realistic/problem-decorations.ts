import type { AnswerKind, Derivation } from '../families/family-types.js';
import type { Rng } from '../rng.js';

/**
 * Openings a model puts before a problem. They vary the text around the same problem (so number-
 * masked skeletons vary too) and never end in ':' or hold an answer, so they trip no filter.
 */
const LEAD_INS = [
  'In a math competition, the following question was posed. ',
  'A student preparing for an olympiad came across this problem. ',
  'Here is a problem from a practice exam. ',
  'This question appeared on a qualifying round. ',
  'A teacher gave the class the following challenge. ',
  'Consider this problem carefully. ',
  'The following is a contest problem. ',
  'A puzzle from a university entrance exam. ',
  'Try this one from a problem-solving seminar. ',
  'From a collection of challenging exercises. ',
];

/** Answer-format instructions of competition problems, by the kind of answer (the empty one adds none). */
const FORMAT_HINTS: Readonly<Record<AnswerKind, readonly string[]>> = {
  integer: ['', '', ' Give your answer as an integer.', ' Your answer should be a whole number.', ' Enter the exact value.'],
  fraction: ['', '', ' Express your answer as a common fraction.', ' Give the answer in lowest terms.', ' Write your answer as a fraction in simplest form.'],
  radical: ['', ' Express your answer in simplest radical form.', ' Give the exact value.'],
  pi: ['', ' Express your answer in terms of π.', ' Leave your answer in terms of π.'],
  interval: ['', ' Write your answer in interval notation.', ' Use interval notation.'],
  set: ['', ' List all solutions, separated by commas.', ' Give the answer as a set.'],
  tuple: ['', ' Write your answer as an ordered pair.', ' Give both coordinates.'],
  expression: ['', ' Simplify your answer.', ' Write the answer in expanded form.'],
  matrix: ['', ' Give the matrix entry by entry.', ' Write the resulting matrix.'],
};

/** A problem text with an answer-format instruction for its kind of answer (or none). */
export function withFormatHint(text: string, kind: AnswerKind, rng: Rng): string {
  return `${text}${rng.pick(FORMAT_HINTS[kind])}`;
}

/** A problem text with an opening sentence (or none). */
export function withLeadIn(text: string, rng: Rng): string {
  return rng.chance(0.55) ? `${rng.pick(LEAD_INS)}${text}` : text;
}

/** A complete problem followed by a sentence that trails off into ':'. */
export function withTrailingColon(text: string, rng: Rng): string {
  return `${text} ${rng.pick(['Present your solution in the following format:', 'Use the steps below:', 'Show all work as follows:', 'Answer the following parts:'])}`;
}

/**
 * A problem followed by its own answer, the way an uncontrolled model keeps writing after the
 * question: a bare "Answer:", a boxed answer, or a worked solution in Magpie's "## Step 1" style.
 */
export function withLeakedAnswer(text: string, truth: Derivation, rng: Rng): string {
  const first = truth.steps[0] ?? '';
  switch (rng.int(0, 3)) {
    case 0:
      return `${text}\n\nAnswer: $${truth.answer.latex}$`;
    case 1:
      return `${text}\n\nSolution: ${first} Therefore, the answer is $\\boxed{${truth.answer.latex}}$.`;
    case 2:
      return `${text}\n\n## Step 1: ${first}\n## Step 2: Therefore, the final answer is $\\boxed{${truth.answer.latex}}$.`;
    default:
      return `${text} The answer is $\\boxed{${truth.answer.latex}}$.`;
  }
}

/** The signs of a decorated text, read back from the text alone. */
export function textDefects(text: string): ('trailing_colon' | 'answer_leak')[] {
  const defects: ('trailing_colon' | 'answer_leak')[] = [];
  if (text.trim().endsWith(':')) defects.push('trailing_colon');
  if (/\\boxed\s*\{|(?:^|\n)\s*(?:Answer|Solution)\s*:|(?:^|\n)#{1,4}\s*Step 1\b|The answer is/.test(text)) defects.push('answer_leak');
  return defects;
}
