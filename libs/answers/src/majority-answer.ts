import type { AnswerChecker } from './answer-checker.js';
import { connectedComponents } from './answer-agreement.js';
import { createAnswerChecker } from './answers-equal.js';

/** The most common answer among several responses. */
export interface MajorityAnswer {
  /** The first answer of the class, as given. */
  readonly answer: string;
  /** Positions (in the input) of every answer equivalent to it, ascending. */
  readonly indices: readonly number[];
}

/**
 * The largest class of equivalent answers (classes as in answerAgreement); a tie goes to the
 * class whose first member comes earliest. Kept for the `majority` pair rule; new code should use
 * answerAgreement, which never breaks a tie by position and says whether the majority is strict.
 * Missing (null or undefined) and blank answers belong to no class; returns undefined when every
 * answer is missing. Never throws.
 */
export function majorityAnswer(
  answers: readonly (string | null | undefined)[],
  checker: AnswerChecker = createAnswerChecker(),
): MajorityAnswer | undefined {
  const texts = answers.map((a) => (typeof a === 'string' && a.trim() !== '' ? a : null));
  let best: number[] | undefined;
  for (const members of connectedComponents(texts, checker)) {
    if (!best || members.length > best.length || (members.length === best.length && (members[0] as number) < (best[0] as number))) best = members;
  }
  return best && { answer: texts[best[0] as number] as string, indices: best };
}
