import { describe, expect, it } from 'vitest';
import { extractFinalAnswer } from './extract-final-answer.js';

describe('extractFinalAnswer', () => {
  it.each([
    ['boxed wins over phrase', 'The answer is 3. Actually \\boxed{4}.', '4'],
    ['fbox', 'Hence \\fbox{$x = 2$}', '$x = 2$'],
    ['empty box falls through', 'The answer is 12. \\boxed{}', '12'],
    ['answer phrase', 'Adding gives 10. The answer is 7.', '7'],
    ['final answer phrase', 'So the final answer is: 3/4', '3/4'],
    ['answer colon', 'Some work.\nAnswer: 15', '15'],
    ['bold final answer heading', '**Final Answer:** 42', '42'],
    ['minerva style', 'Final Answer: The final answer is $5$. I hope it is correct.', '$5$'],
    ['answer on the next line', 'The final answer is\n\n$\\frac{1}{3}$', '$\\frac{1}{3}$'],
    ['decimal survives the period', 'The answer is 3.5.', '3.5'],
    ['latex in phrase', 'Thus the final answer is $\\frac{2}{3}$. Done.', '$\\frac{2}{3}$'],
    ['bold phrase', 'The answer is **12**', '12'],
    ['last phrase wins', 'The answer is 1.\nWait, the answer is 2.', '2'],
    ['last number fallback', 'We get 12 apples and then 15 pears', '15'],
    ['negative number fallback', 'so x equals -8', '-8'],
    ['binary minus is not a sign', 'and 3-5', '5'],
    ['fraction fallback', 'which leaves 7 / 9', '7/9'],
    ['latex fraction fallback', 'which leaves \\frac{3}{4}', '\\frac{3}{4}'],
    ['thousands separator fallback', 'the total is 1,250', '1,250'],
    ['think block: answer after it wins', '<think>maybe \\boxed{3}</think>\nThe answer is 4.', '4'],
    ['think block: thoughts used when nothing follows', '<think>so \\boxed{3}</think>\n', '3'],
    ['think block: a box after it', '<think>The answer is 9</think> Therefore \\boxed{10}', '10'],
  ])('%s', (_name, text, expected) => {
    expect(extractFinalAnswer(text)).toBe(expected);
  });

  it('returns undefined when there is nothing answer-like', () => {
    expect(extractFinalAnswer('I do not know.')).toBeUndefined();
    expect(extractFinalAnswer('')).toBeUndefined();
  });
});
