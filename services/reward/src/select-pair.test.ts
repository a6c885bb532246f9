import { createAnswerChecker } from '@magpie/answers';
import type { FinishReason, PairInfo } from '@magpie/contracts';
import { describe, expect, it } from 'vitest';
import { judgeAnswers, sftVerdict } from './answer-evidence.js';
import { selectMagpiePair, selectPair, type SelectPairInput } from './select-pair.js';

const checker = createAnswerChecker();

interface Case {
  readonly scores: number[];
  /** Sample answers (null: none); the solution's answer last. */
  readonly answers: (string | null)[];
  readonly solution: string | null;
  readonly finishReasons?: FinishReason[];
  readonly rule?: SelectPairInput['rule'];
  readonly minMargin?: number;
  readonly stylePairs?: boolean;
  readonly responses?: string[];
}

function pick(c: Case): PairInfo {
  const judged = judgeAnswers({ sampleAnswers: c.answers, solution: { recordId: 's', answer: c.solution, finishReason: 'stop' } }, checker);
  return selectPair({
    rule: c.rule ?? 'correctness',
    scores: c.scores,
    responses: c.responses ?? c.scores.map((_, i) => `response ${i}`),
    finishReasons: c.finishReasons ?? c.scores.map(() => 'stop'),
    judged,
    minMargin: c.minMargin ?? 0,
    stylePairs: c.stylePairs ?? false,
    verifyShare: 0.6,
  });
}

describe('selectMagpiePair', () => {
  it('takes the first maximum and the first minimum, as process_po.ipynb does', () => {
    expect(selectMagpiePair([0.2, 0.9, 0.9, 0.1, 0.1])).toEqual({ chosen: 1, rejected: 3 });
    expect(selectMagpiePair([0.5, 0.5])).toEqual({ chosen: 0, rejected: 0 });
    expect(() => selectMagpiePair([])).toThrow(RangeError);
  });
});

describe('the correctness rule', () => {
  it('chooses the highest-reward majority answer and rejects the lowest-reward answer that differs, with the votes and answers', () => {
    const pair = pick({ scores: [0.9, 0.3, 0.5, 0.1, 0.95], answers: ['4', '4', '5', '4.0', '6'], solution: '4' });
    expect(pair).toEqual({
      rule: 'correctness',
      kind: 'correctness',
      chosenIndex: 0,
      rejectedIndex: 2,
      chosenAnswer: '4',
      rejectedAnswer: '5',
      chosenVotes: 4,
      rejectedVotes: 1,
      margin: 0.9 - 0.5,
      majorityAnswer: '4',
      majorityVotes: 4,
      votesCast: 6,
      verified: true,
      skipReason: null,
    });
  });

  it('never makes a plurality (2 of 5) or a tie the chosen answer, whatever the positions', () => {
    expect(pick({ scores: [1, 0.5, 0.4, 0.3, 0.2], answers: ['1', '1', '2', '3', '4'], solution: '5' }).skipReason).toBe('no_strict_majority');
    const tie = pick({ scores: [1, 0.5, 0.4, 0.3, 0.2], answers: ['1', '1', '2', '2', null], solution: null });
    expect(tie).toMatchObject({ skipReason: 'no_strict_majority', majorityAnswer: null, chosenIndex: null });
  });

  it('lets the SFT solution vote: 3 samples and the solution of 6 votes are a strict majority', () => {
    const pair = pick({ scores: [0.1, 0.2, 0.3, 0.4, 0.05], answers: ['7', '7', '7', '8', '9'], solution: '7' });
    expect(pair).toMatchObject({ kind: 'correctness', chosenIndex: 2, rejectedIndex: 4, majorityVotes: 4, votesCast: 6 });
    // Without the solution's vote the same samples are 3 of 5, still strict; with it against them, 3 of 6 is not.
    expect(pick({ scores: [0.1, 0.2, 0.3, 0.4, 0.05], answers: ['7', '7', '7', '8', '9'], solution: '8' }).skipReason).toBe('no_strict_majority');
  });

  it('skips all_agree when no sample differs, or keeps a style pair from the majority when asked', () => {
    const agreeing: Case = { scores: [0.3, 0.9, 0.1], answers: ['2', '2', '2'], solution: '2' };
    expect(pick(agreeing)).toMatchObject({ skipReason: 'all_agree', kind: null });
    expect(pick({ ...agreeing, stylePairs: true })).toMatchObject({ kind: 'style', chosenIndex: 1, rejectedIndex: 2, rejectedAnswer: '2', verified: true, skipReason: null });
  });

  it('never pairs a truncated sample: the lowest-reward complete one is rejected, and a pair with only truncated dissent is skipped', () => {
    const finishReasons: FinishReason[] = ['stop', 'stop', 'length', 'stop', 'stop'];
    const withComplete = pick({ scores: [0.9, 0.8, 0.0, 0.5, 0.7], answers: ['3', '3', null, '3', '2'], solution: '3', finishReasons });
    expect(withComplete).toMatchObject({ chosenIndex: 0, rejectedIndex: 4, rejectedAnswer: '2' });
    const onlyTruncated = pick({ scores: [0.9, 0.8, 0.0, 0.5, 0.7], answers: ['3', '3', null, '3', '3'], solution: '3', finishReasons });
    expect(onlyTruncated.skipReason).toBe('truncated');
  });

  it('rejects a complete sample without a final answer: it failed to answer', () => {
    expect(pick({ scores: [0.9, 0.8, 0.1], answers: ['3', '3', null], solution: '3' })).toMatchObject({ rejectedIndex: 2, rejectedAnswer: null, rejectedVotes: 0 });
  });

  it('skips no_sample_answers when only the solution answered', () => {
    expect(pick({ scores: [0.1, 0.2], answers: [null, null], solution: '1', finishReasons: ['length', 'length'] }).skipReason).toBe('no_sample_answers');
  });

  it('skips a margin below the minimum, keeping the margin and both answers as evidence', () => {
    const pair = pick({ scores: [0.2, 0.25, 0.6], answers: ['1', '1', '2'], solution: '1' });
    expect(pair).toMatchObject({ skipReason: 'margin_below_minimum', chosenIndex: null, chosenAnswer: '1', rejectedAnswer: '2' });
    expect(pair.margin).toBeCloseTo(-0.35);
    expect(pick({ scores: [0.2, 0.25, 0.6], answers: ['1', '1', '2'], solution: '1', minMargin: -1 }).kind).toBe('correctness');
  });

  it('skips no_scores without any reward', () => {
    expect(pick({ scores: [], answers: [], solution: '1' }).skipReason).toBe('no_scores');
  });
});

describe("Magpie's rule", () => {
  it('pairs by reward alone, and says whether its chosen answer happens to be verified', () => {
    const pair = pick({ rule: 'magpie', scores: [0.2, 0.9, 0.1], answers: ['1', '2', '1'], solution: '1' });
    expect(pair).toMatchObject({ rule: 'magpie', kind: 'magpie', chosenIndex: 1, rejectedIndex: 2, chosenAnswer: '2', rejectedAnswer: '1', verified: false });
  });

  it('skips chosen_equals_rejected for equal rewards or identical texts', () => {
    expect(pick({ rule: 'magpie', scores: [0.5, 0.5], answers: ['1', '1'], solution: '1' }).skipReason).toBe('chosen_equals_rejected');
    expect(pick({ rule: 'magpie', scores: [0.9, 0.1], answers: ['1', '1'], solution: '1', responses: ['same', 'same'] }).skipReason).toBe('chosen_equals_rejected');
  });
});

describe('sftVerdict', () => {
  function verdict(answers: (string | null)[], solution: string | null) {
    const input = { sampleAnswers: answers, solution: { recordId: 's', answer: solution, finishReason: 'stop' as const } };
    return sftVerdict(input, judgeAnswers(input, checker), 0.6);
  }

  it('verifies a solution in a strict majority with at least 3 of 5 samples', () => {
    expect(verdict(['1', '1', '1', '2', null], '1')).toMatchObject({ verified: true, outcome: 'verified', agreeingSamples: 3, samples: 5 });
  });

  it('says why a solution is not verified', () => {
    expect(verdict(['1', '1', '1', '1', '1'], null).outcome).toBe('no_answer');
    expect(verdict(['1', '1', '2', '2', '3'], '4').outcome).toBe('no_strict_majority');
    expect(verdict(['1', '1', '1', '1', '2'], '2')).toMatchObject({ outcome: 'disagrees_with_majority', agreeingSamples: 1 });
    // 2 samples + the solution are 3 of 4 votes (strict), but 2 of 5 samples is below 3/5.
    expect(verdict(['1', '1', null, null, '2'], '1')).toMatchObject({ outcome: 'majority_below_share', agreeingSamples: 2, verified: false });
  });

  it('groups the solution with equivalent spellings of its answer', () => {
    expect(verdict(['\\frac{1}{2}', '0.5', '1/2', '2', '3'], '\\dfrac12')).toMatchObject({ verified: true, agreeingSamples: 3 });
  });
});
