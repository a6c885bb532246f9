import { AnswerChecker } from './answer-checker.js';

export { RELATIVE_TOLERANCE } from './numbers-close.js';

/**
 * A new AnswerChecker. Its compute engine is created on the first comparison that needs one, so
 * creating a checker is cheap; reuse it for many comparisons to keep its engine and parse cache.
 */
export function createAnswerChecker(): AnswerChecker {
  return new AnswerChecker();
}

/**
 * True when two answers mean the same thing; see AnswerChecker for the rules (LaTeX and symbolic
 * equivalence, tolerance 1e-6 relative, intervals, sets, tuples, text, units, percentages).
 * Without `checker` a fresh one is made for this call: correct but slower when an expression needs
 * the compute engine (about 10-30 ms to start one), so pass a checker on hot paths. Never throws.
 */
export function answersEqual(a: string, b: string, checker: AnswerChecker = createAnswerChecker()): boolean {
  return checker.equal(a, b);
}
