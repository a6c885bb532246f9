import { describe, expect, it } from 'vitest';
import { answerAgreement } from './answer-agreement.js';
import { createAnswerChecker } from './answers-equal.js';

describe('answerAgreement', () => {
  const checker = createAnswerChecker();

  it('groups equivalent answers and reports a strict majority', () => {
    const agreement = answerAgreement(['\\frac12', '3', '0.5', '1/2', '3', '\\boxed{0.5}'], checker);
    expect(agreement).toEqual({
      total: 6,
      voted: 6,
      groups: [
        { answer: '0.5', members: [0, 2, 3, 5], votes: 4 },
        { answer: '3', members: [1, 4], votes: 2 },
      ],
      groupOf: [0, 1, 0, 0, 1, 0],
      distinctAnswers: 2,
      majority: { answer: '0.5', members: [0, 2, 3, 5], votes: 4, share: 4 / 6, shareOfTotal: 4 / 6 },
      tie: false,
      strict: true,
    });
  });

  it('never breaks a tie by position', () => {
    const forward = answerAgreement(['4', '5', '5', '4', '6'], checker);
    const backward = answerAgreement(['6', '4', '5', '5', '4'], checker);
    for (const agreement of [forward, backward]) {
      expect(agreement.majority).toBeNull();
      expect(agreement.tie).toBe(true);
      expect(agreement.strict).toBe(false);
      expect(agreement.groups.map((g) => [g.answer, g.votes])).toEqual([
        ['4', 2],
        ['5', 2],
        ['6', 1],
      ]);
    }
  });

  it('calls a plurality of 2 of 5 a majority, but not a strict one', () => {
    const agreement = answerAgreement(['7', '7', '8', '9', '10'], checker);
    expect(agreement.majority).toMatchObject({ answer: '7', votes: 2, share: 0.4 });
    expect(agreement.strict).toBe(false);
  });

  it('gives null, missing and blank answers no vote', () => {
    const agreement = answerAgreement([null, '12', undefined, '12', '  ', '13'], checker);
    expect(agreement).toMatchObject({ total: 6, voted: 3, distinctAnswers: 2, strict: true, groupOf: [null, 0, null, 0, null, 1] });
    expect(agreement.majority).toMatchObject({ answer: '12', votes: 2, share: 2 / 3, shareOfTotal: 2 / 6 });
  });

  it('includes the SFT solution like any other answer', () => {
    const samples = ['x = 2', '2', '3', '2.0', null];
    const solution = '\\boxed{2}';
    const agreement = answerAgreement([...samples, solution], checker);
    const solutionGroup = agreement.groupOf[samples.length];
    expect(solutionGroup).toBe(0);
    expect(agreement.groups[0]).toMatchObject({ members: [0, 1, 3, 5], votes: 4 });
    expect(agreement.strict).toBe(true);
  });

  it('has no majority when nobody answered', () => {
    expect(answerAgreement([null, null], checker)).toEqual({
      total: 2,
      voted: 0,
      groups: [],
      groupOf: [null, null],
      distinctAnswers: 0,
      majority: null,
      tie: false,
      strict: false,
    });
    expect(answerAgreement([], checker).majority).toBeNull();
  });

  it('groups by chains of equal answers, so the result does not depend on order', () => {
    // 50 = 50% and 50% = 0.5, while 50 ≠ 0.5: all three are one answer to "what percentage …".
    const orders = [
      ['50', '0.5', '50\\%', '7'],
      ['7', '0.5', '50', '50\\%'],
      ['50\\%', '7', '50', '0.5'],
    ];
    for (const answers of orders) {
      const agreement = answerAgreement(answers, checker);
      expect(agreement.groups.map((g) => g.votes)).toEqual([3, 1]);
      expect(agreement.majority?.votes).toBe(3);
    }
  });

  it('is plain JSON', () => {
    const agreement = answerAgreement(['1', '1', null, '2'], checker);
    expect(JSON.parse(JSON.stringify(agreement))).toEqual(agreement);
  });

  it('names a group by its most frequent spelling', () => {
    expect(answerAgreement(['0.5', '\\frac{1}{2}', '\\frac{1}{2}', '1/2'], checker).majority?.answer).toBe('\\frac{1}{2}');
  });
});
