import { answersEqual } from '@magpie/answers';
import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';
import { plausibleWrongAnswer, wrongSteps } from './wrong-answer.js';

describe('plausibleWrongAnswer', () => {
  it.each(['0', '1', '-1', '5', '3/4', '-7/2', '1440', '100'])('never equals %s', (answer) => {
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const wrong = plausibleWrongAnswer(answer, rng);
      expect(answersEqual(wrong.answer, answer)).toBe(false);
      expect(wrong.answer).toMatch(/^-?\d+(?:\/\d+)?$/);
    }
  });

  it('uses every kind of slip', () => {
    const rng = new Rng(4);
    const slips = new Set(Array.from({ length: 100 }, () => plausibleWrongAnswer('12', rng).slip));
    expect([...slips].sort()).toEqual(['arithmetic', 'off-by-one', 'sign']);
  });
});

describe('wrongSteps', () => {
  it('rewrites the last mention of the answer in the final step', () => {
    const steps = wrongSteps(['Subtract 7: 3x = 15.', 'Divide by 3: x = 15/3 = 5.'], '5', { answer: '-5', slip: 'sign' });
    expect(steps).toEqual(['Subtract 7: 3x = 15.', 'Divide by 3: x = 15/3 = -5.']);
  });

  it('adds a final step when the answer is not written out', () => {
    const steps = wrongSteps(['Add the terms.'], '12', { answer: '13', slip: 'off-by-one' });
    expect(steps.at(-1)).toBe('Carrying out the final computation gives 13.');
  });
});
