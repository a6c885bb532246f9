import { createAnswerChecker } from '@magpie/answers';
import { describe, expect, it } from 'vitest';
import { selectMagpiePair, selectPair, type PairRule, type PairSelection } from './select-pair.js';

describe('selectMagpiePair', () => {
  it('chooses the maximum and rejects the minimum', () => {
    expect(selectMagpiePair([0.1, 2.5, -1, 0.3, 1])).toEqual({ chosen: 1, rejected: 2 });
  });

  it('resolves ties to the earliest response, like Python list.index', () => {
    expect(selectMagpiePair([1, 3, 3, -2, -2])).toEqual({ chosen: 1, rejected: 3 });
  });

  it('pairs a response with itself when all scores are equal, as Magpie does', () => {
    expect(selectMagpiePair([0.5, 0.5, 0.5])).toEqual({ chosen: 0, rejected: 0 });
  });

  it('refuses an empty list', () => {
    expect(() => selectMagpiePair([])).toThrow(RangeError);
  });
});

interface Case {
  readonly name: string;
  readonly rule: PairRule;
  readonly scores: readonly number[];
  readonly answers: readonly (string | null | undefined)[];
  readonly minMargin?: number;
  readonly responses?: readonly string[];
  readonly expected: PairSelection;
}

const pair = (chosen: number, rejected: number, margin: number, majorityAnswer: string | null): PairSelection => ({
  kind: 'pair',
  chosen,
  rejected,
  margin,
  majorityAnswer,
});

const CASES: readonly Case[] = [
  // magpie
  { name: 'magpie: max and min', rule: 'magpie', scores: [0.1, 2.5, -1, 0.3], answers: ['1', '2', '3', '4'], expected: pair(1, 2, 3.5, '1') },
  { name: 'magpie: ignores answers', rule: 'magpie', scores: [3, 1, 2], answers: ['9', '5', '5'], expected: pair(0, 1, 2, '5') },
  { name: 'magpie: ties go to the earliest', rule: 'magpie', scores: [1, 3, 3, -2, -2], answers: [], expected: pair(1, 3, 5, null) },
  {
    name: 'magpie: all-equal scores pair a response with itself',
    rule: 'magpie',
    scores: [0.5, 0.5, 0.5],
    answers: ['1', '2', '3'],
    expected: { kind: 'skipped', reason: 'chosen_equals_rejected', margin: 0, majorityAnswer: '1' },
  },
  {
    name: 'magpie: margin below the minimum',
    rule: 'magpie',
    scores: [0.2, 0.25],
    answers: ['1', '1'],
    minMargin: 0.1,
    expected: { kind: 'skipped', reason: 'margin_below_minimum', margin: 0.25 - 0.2, majorityAnswer: '1' },
  },
  {
    name: 'magpie: identical response texts',
    rule: 'magpie',
    scores: [2, 1],
    answers: ['7', '7'],
    responses: ['same', 'same'],
    expected: { kind: 'skipped', reason: 'chosen_equals_rejected', margin: 1, majorityAnswer: '7' },
  },
  // majority
  {
    name: 'majority: best of the majority against the worst dissenter',
    rule: 'majority',
    scores: [5, 1, 2, 4, 0],
    answers: ['3', '\\frac{6}{2}', '3.0', '4', '3'],
    expected: pair(0, 3, 1, '3'),
  },
  {
    name: 'majority: the reward-maximum is not chosen when it disagrees',
    rule: 'majority',
    scores: [9, 2, 3, 1, 0.5],
    answers: ['10', '\\sqrt{8}', '2\\sqrt{2}', '2.8284271', '11'],
    minMargin: -100,
    expected: pair(2, 4, 2.5, '\\sqrt{8}'),
  },
  {
    name: 'majority: a negative margin is below a zero minimum',
    rule: 'majority',
    scores: [9, 2, 3],
    answers: ['10', '4', '4'],
    minMargin: 0,
    expected: { kind: 'skipped', reason: 'margin_below_minimum', margin: -6, majorityAnswer: '4' },
  },
  {
    name: 'majority: all answers agree, so the lowest other response is rejected',
    rule: 'majority',
    scores: [1, 4, 0.5, 4],
    answers: ['x = 2', '2', '2.0', '\\boxed{2}'],
    expected: pair(1, 2, 3.5, 'x = 2'),
  },
  {
    name: 'majority: all answers agree and the chosen is the minimum too',
    rule: 'majority',
    scores: [1, 1, 1],
    answers: ['2', '2', '2'],
    expected: pair(0, 1, 0, '2'),
  },
  {
    name: 'majority: a missing answer counts as disagreeing',
    rule: 'majority',
    scores: [3, 2, 1.5, 1],
    answers: ['6', null, '6', '6'],
    expected: pair(0, 1, 1, '6'),
  },
  {
    name: 'majority: ties among the majority go to the earliest',
    rule: 'majority',
    scores: [2, 5, 5, 0, 0],
    answers: ['1', '1', '1', '8', '9'],
    expected: pair(1, 3, 5, '1'),
  },
  {
    name: 'majority: a tie between classes goes to the earliest class',
    rule: 'majority',
    scores: [1, 2, 3, 4],
    answers: ['a', 'b', 'b', 'a'],
    minMargin: -10,
    expected: pair(3, 1, 2, 'a'),
  },
  {
    name: 'majority: no answer anywhere behaves like magpie',
    rule: 'majority',
    scores: [0.3, 0.9, 0.1],
    answers: [undefined, null, ''],
    expected: pair(1, 2, 0.9 - 0.1, null),
  },
  {
    name: 'majority: no answer and all-equal scores',
    rule: 'majority',
    scores: [1, 1],
    answers: [],
    expected: { kind: 'skipped', reason: 'chosen_equals_rejected', margin: 0, majorityAnswer: null },
  },
  {
    name: 'majority: a single response cannot pair',
    rule: 'majority',
    scores: [0.7],
    answers: ['5'],
    expected: { kind: 'skipped', reason: 'chosen_equals_rejected', margin: 0, majorityAnswer: '5' },
  },
  {
    name: 'majority: identical response texts',
    rule: 'majority',
    scores: [2, 1, 0],
    answers: ['5', '5', '6'],
    responses: ['r0', 'r1', 'r0'],
    expected: { kind: 'skipped', reason: 'chosen_equals_rejected', margin: 2, majorityAnswer: '5' },
  },
  {
    name: 'majority: margin exactly at the minimum is kept',
    rule: 'majority',
    scores: [1.5, 1],
    answers: ['1', '2'],
    minMargin: 0.5,
    expected: pair(0, 1, 0.5, '1'),
  },
  {
    name: 'majority: extra answers beyond the scores are ignored',
    rule: 'majority',
    scores: [1, 0],
    answers: ['1', '2', '2', '2'],
    expected: pair(0, 1, 1, '1'),
  },
  // both rules
  { name: 'magpie: no scores', rule: 'magpie', scores: [], answers: ['1'], expected: { kind: 'skipped', reason: 'no_scores', margin: 0, majorityAnswer: null } },
  { name: 'majority: no scores', rule: 'majority', scores: [], answers: [], expected: { kind: 'skipped', reason: 'no_scores', margin: 0, majorityAnswer: null } },
];

describe('selectPair', () => {
  const checker = createAnswerChecker();

  it.each(CASES)('$name', ({ rule, scores, answers, minMargin, responses, expected }) => {
    const selection = selectPair({ rule, scores, answers, minMargin: minMargin ?? 0, checker, ...(responses ? { responses } : {}) });
    expect(selection).toEqual({ ...expected, margin: expect.closeTo(expected.margin, 12) as number });
  });

  it('agrees with selectMagpiePair under the magpie rule', () => {
    const scores = [0.4, -0.2, 1.7, 1.7, -0.2];
    const selection = selectPair({ rule: 'magpie', scores, answers: [], minMargin: 0, checker });
    expect(selection).toMatchObject(selectMagpiePair(scores));
  });
});
