import { AnswerChecker } from './answer-checker.js';

/**
 * A new AnswerChecker. Its compute engine is created on the first comparison that needs one, so
 * creating a checker is cheap; reuse it for many comparisons to keep its engine and caches.
 */
export function createAnswerChecker(): AnswerChecker {
  return new AnswerChecker();
}

/**
 * True when two answers mean the same thing; see AnswerChecker and libs/answers/README.md for the
 * rules. Without `checker` a fresh one is made for this call: correct but slower when an
 * expression needs the compute engine (starting one takes tens of milliseconds), so pass a
 * checker on hot paths. Never throws.
 */
export function answersEqual(a: string, b: string, checker: AnswerChecker = createAnswerChecker()): boolean {
  return checker.equal(a, b);
}
