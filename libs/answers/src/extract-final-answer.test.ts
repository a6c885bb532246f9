import { describe, expect, it } from 'vitest';
import { extractFinalAnswer } from './extract-final-answer.js';

describe('extractFinalAnswer', () => {
  it.each([
    ['boxed wins over phrase', 'The answer is 3. Actually \\boxed{4}.', '4'],
    ['empty box falls through', 'The answer is 12. \\boxed{}', '12'],
    ['answer phrase', 'Adding gives 10. The answer is 7.', '7'],
    ['final answer phrase', 'So the final answer is: 3/4', '3/4'],
    ['decimal survives the period', 'The answer is 3.5.', '3.5'],
    ['latex in phrase', 'Thus the final answer is $\\frac{2}{3}$. Done.', '$\\frac{2}{3}$'],
    ['bold phrase', 'The answer is **12**', '12'],
    ['last phrase wins', 'The answer is 1.\nWait, the answer is 2.', '2'],
    ['last number fallback', 'We get 12 apples and then 15 pears', '15'],
    ['negative number fallback', 'so x equals -8', '-8'],
    ['fraction fallback', 'which leaves 7 / 9', '7/9'],
  ])('%s', (_name, text, expected) => {
    expect(extractFinalAnswer(text)).toBe(expected);
  });

  it('returns undefined when there is nothing answer-like', () => {
    expect(extractFinalAnswer('I do not know.')).toBeUndefined();
  });
});
