import { describe, expect, it } from 'vitest';
import { createAnswerChecker } from './answers-equal.js';
import { majorityAnswer } from './majority-answer.js';

describe('majorityAnswer', () => {
  const checker = createAnswerChecker();

  it.each([
    ['equivalent forms form one class', ['\\frac12', '3', '0.5', '1/2', '3'], { answer: '\\frac12', indices: [0, 2, 3] }],
    ['a tie goes to the earliest class', ['4', '5', '5', '4'], { answer: '4', indices: [0, 3] }],
    ['missing and blank answers are skipped', [undefined, '7', '', '  ', '7'], { answer: '7', indices: [1, 4] }],
    ['all different: the first', ['1', '2', '3'], { answer: '1', indices: [0] }],
    ['all equal', ['2\\sqrt{2}', '\\sqrt{8}', '2.8284271'], { answer: '2\\sqrt{2}', indices: [0, 1, 2] }],
    ['symbolic classes', ['(x-1)(x+1)', 'x^2+1', 'x^2-1'], { answer: '(x-1)(x+1)', indices: [0, 2] }],
    ['a percentage links its two readings into one class', ['50', '50\\%', '0.5', '0.5', '7'], { answer: '50', indices: [0, 1, 2, 3] }],
    ['the class does not depend on the order', ['0.5', '7', '50', '0.5', '50\\%'], { answer: '0.5', indices: [0, 2, 3, 4] }],
  ] as const)('%s', (_name, answers, expected) => {
    expect(majorityAnswer(answers, checker)).toEqual(expected);
  });

  it.each([
    ['no answers', []],
    ['only missing answers', [undefined, '', undefined]],
  ] as const)('undefined for %s', (_name, answers) => {
    expect(majorityAnswer(answers, checker)).toBeUndefined();
  });

  it('works without a checker', () => {
    expect(majorityAnswer(['a', 'b', 'b'])?.indices).toEqual([1, 2]);
  });
});
