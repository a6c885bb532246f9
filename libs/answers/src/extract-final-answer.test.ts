import { describe, expect, it } from 'vitest';
import { extractFinalAnswer, finalAnswerOf } from './extract-final-answer.js';

describe('extractFinalAnswer', () => {
  it.each([
    ['boxed wins over phrase', 'The answer is 3. Actually \\boxed{4}.', '4'],
    ['fbox', 'Hence \\fbox{$x = 2$}', '$x = 2$'],
    ['nested boxes are unwrapped', 'So \\boxed{\\boxed{5}}.', '5'],
    ['a box inside a box', 'So \\boxed{x = \\boxed{5}}.', 'x = 5'],
    ['empty box falls through', 'The answer is 12. \\boxed{}', '12'],
    ['unterminated last box: the one before', '\\boxed{3} and \\boxed{4', '3'],
    ['boxes joined by "or" are one answer', 'So $x = \\boxed{2}$ or $x = \\boxed{-3}$.', '2, -3'],
    ['boxes joined by commas and "and"', 'The roots are $\\boxed{1}$, $\\boxed{2}$ and $\\boxed{3}$.', '1, 2, 3'],
    ['an earlier box far away is not part of it', 'First \\boxed{5}. Then, after checking every case again, \\boxed{7}', '7'],
    ['answer phrase', 'Adding gives 10. The answer is 7.', '7'],
    ['final answer phrase', 'So the final answer is: 3/4', '3/4'],
    ['answer colon', 'Some work.\nAnswer: 15', '15'],
    ['bold final answer heading', '**Final Answer:** 42', '42'],
    ['final answer heading on its own line', '## Final Answer\n\n$$\\frac{3}{4}$$', '$$\\frac{3}{4}$$'],
    ['minerva style', 'Final Answer: The final answer is $5$. I hope it is correct.', '$5$'],
    ['answer on the next line', 'The final answer is\n\n$\\frac{1}{3}$', '$\\frac{1}{3}$'],
    ['decimal survives the period', 'The answer is 3.5.', '3.5'],
    ['latex in phrase', 'Thus the final answer is $\\frac{2}{3}$. Done.', '$\\frac{2}{3}$'],
    ['bold phrase', 'The answer is **12**', '12'],
    ['an explanation after the answer', 'The answer is 5, because 2 + 3 = 5.', '5'],
    ['last phrase wins', 'The answer is 1.\nWait, the answer is 2.', '2'],
    ['think block: answer after it wins', '<think>maybe \\boxed{3}</think>\nThe answer is 4.', '4'],
    ['think block: thoughts used when nothing follows', '<think>so \\boxed{3}</think>\n', '3'],
    ['think block: a box after it', '<think>The answer is 9</think> Therefore \\boxed{10}', '10'],
  ])('%s', (_name, text, expected) => {
    expect(extractFinalAnswer(text)).toBe(expected);
  });

  it.each([
    ['nothing answer-like', 'I do not know.'],
    ['empty text', ''],
    ['a number in the text is not an answer', 'We get 12 apples and then 15 pears'],
    ['a step label is not an answer (the simulator cut at max_tokens)', '**Step 1.** Add 3 and 4 to get 7.\n\n**Step 2.** Multiply'],
    ['a phrase followed by a step label', 'Let us find the answer:\n\n**Step 1.** Expand the square.'],
    ['a phrase followed by a list number', 'Final Answer:\n1. First we expand'],
    ['"to answer:" is not an answer phrase', 'To answer: we first compute 3 + 4'],
    ['reasoning that never ended', '<think>The answer is 9 but wait, let me check'],
  ])('returns undefined: %s', (_name, text) => {
    expect(extractFinalAnswer(text)).toBeUndefined();
  });
});

describe('finalAnswerOf', () => {
  it('gives a finished response its answer', () => {
    expect(finalAnswerOf('Therefore $\\boxed{12}$.', 'stop')).toBe('12');
    expect(finalAnswerOf('Therefore $\\boxed{12}$.', 'unknown')).toBe('12');
    expect(finalAnswerOf('Therefore $\\boxed{12}$.')).toBe('12');
  });

  it.each(['length', 'abort'])('gives a response cut off with finish_reason %s no answer, even with a box', (reason) => {
    expect(finalAnswerOf('So far \\boxed{12}, and then', reason)).toBeNull();
  });

  it('gives a finished response without a final answer null', () => {
    expect(finalAnswerOf('**Step 1.** Add 3 and 4.\n\n**Step 2.** Multiply by 2.', 'stop')).toBeNull();
  });
});
