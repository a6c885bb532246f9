import type { AnswerChecker } from './answer-checker.js';
import { createAnswerChecker } from './answers-equal.js';

/** The most common answer among several responses. */
export interface MajorityAnswer {
  /** The first answer of the class, as given. */
  readonly answer: string;
  /** Positions (in the input) of every answer equivalent to it, ascending. */
  readonly indices: readonly number[];
}

/**
 * Groups the answers into equivalence classes with `checker` and returns the largest class; ties go
 * to the class whose first member comes earliest. Each answer joins the first class whose first
 * member it equals, which keeps the result deterministic even though percentage equality is not
 * transitive. Missing (null or undefined) and blank answers belong to no class; returns undefined when every answer is
 * missing. Never throws.
 */
export function majorityAnswer(
  answers: readonly (string | null | undefined)[],
  checker: AnswerChecker = createAnswerChecker(),
): MajorityAnswer | undefined {
  const classes: { answer: string; indices: number[] }[] = [];
  answers.forEach((answer, index) => {
    if (answer === undefined || answer === null || answer.trim() === '') return;
    const home = classes.find((c) => checker.equal(c.answer, answer));
    if (home) home.indices.push(index);
    else classes.push({ answer, indices: [index] });
  });
  let best: MajorityAnswer | undefined;
  for (const c of classes) if (!best || c.indices.length > best.indices.length) best = c;
  return best;
}
