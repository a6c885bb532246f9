import { majorityAnswer, type AnswerChecker } from '@magpie/answers';

/** Indices of the chosen and rejected responses. */
export interface PairIndices {
  readonly chosen: number;
  readonly rejected: number;
}

/**
 * Magpie's rule (process_po.ipynb): chosen is the first response with the maximum score,
 * rejected the first with the minimum. With all scores equal both are index 0, as in Magpie.
 * Throws RangeError for an empty list.
 */
export function selectMagpiePair(scores: readonly number[]): PairIndices {
  if (scores.length === 0) throw new RangeError('no scores to pair');
  let chosen = 0;
  let rejected = 0;
  scores.forEach((s, i) => {
    if (s > (scores[chosen] as number)) chosen = i;
    if (s < (scores[rejected] as number)) rejected = i;
  });
  return { chosen, rejected };
}

/** How chosen and rejected are picked among a problem's scored responses. */
export type PairRule = 'magpie' | 'majority';

/** Why no pair was made for a problem. */
export type PairSkipReason = 'margin_below_minimum' | 'chosen_equals_rejected' | 'no_scores';

/** The outcome of pair selection; `margin` is `score[chosen] - score[rejected]` (0 when there are no scores). */
export type PairSelection =
  | { readonly kind: 'pair'; readonly chosen: number; readonly rejected: number; readonly margin: number; readonly majorityAnswer: string | null }
  | { readonly kind: 'skipped'; readonly reason: PairSkipReason; readonly margin: number; readonly majorityAnswer: string | null };

/** Input of selectPair; `scores`, `answers` and `responses` are in response order. */
export interface SelectPairInput {
  readonly rule: PairRule;
  readonly scores: readonly number[];
  /** Each response's extracted final answer (extractFinalAnswer); null or undefined where none was found. */
  readonly answers: readonly (string | null | undefined)[];
  /** Pairs whose margin is below this are skipped. */
  readonly minMargin: number;
  readonly checker: AnswerChecker;
  /** The response texts, to skip a pair of two identical responses; without them only indices are compared. */
  readonly responses?: readonly string[];
}

/**
 * Picks the chosen/rejected pair of one problem's responses. Pure; throws nothing.
 *
 * - `magpie`: chosen is the first response with the maximum score, rejected the first with the
 *   minimum (Magpie's process_po.ipynb).
 * - `majority`: chosen is the highest-scored response whose final answer is equivalent to the
 *   majority answer (majorityAnswer); rejected is the lowest-scored response that does not agree
 *   with it — a response without an extractable answer counts as disagreeing — or, when every
 *   response agrees, the lowest-scored response other than the chosen one. Ties go to the earliest
 *   response. Without any extractable answer it behaves like `magpie`.
 *
 * `majorityAnswer` is reported under both rules (null when no answer was extracted). The pair is
 * skipped with `no_scores` for an empty list, `chosen_equals_rejected` when both are the same
 * response or have identical text, and `margin_below_minimum` when the margin is below `minMargin`
 * (under `majority` the margin can be negative: the reward model preferred a minority answer).
 */
export function selectPair(input: SelectPairInput): PairSelection {
  const { scores, minMargin, responses } = input;
  if (scores.length === 0) return { kind: 'skipped', reason: 'no_scores', margin: 0, majorityAnswer: null };
  const answers = scores.map((_, i) => input.answers[i] ?? undefined);
  const majority = majorityAnswer(answers, input.checker);
  const pair = input.rule === 'majority' && majority ? selectMajorityPair(scores, majority.indices) : selectMagpiePair(scores);
  const margin = (scores[pair.chosen] as number) - (scores[pair.rejected] as number);
  const majorityText = majority?.answer ?? null;
  const sameText = responses !== undefined && responses[pair.chosen] !== undefined && responses[pair.chosen] === responses[pair.rejected];
  if (pair.chosen === pair.rejected || sameText) {
    return { kind: 'skipped', reason: 'chosen_equals_rejected', margin, majorityAnswer: majorityText };
  }
  if (margin < minMargin) return { kind: 'skipped', reason: 'margin_below_minimum', margin, majorityAnswer: majorityText };
  return { kind: 'pair', chosen: pair.chosen, rejected: pair.rejected, margin, majorityAnswer: majorityText };
}

/** The majority rule on indices; `agreeing` is non-empty and ascending. */
function selectMajorityPair(scores: readonly number[], agreeing: readonly number[]): PairIndices {
  const inMajority = new Set(agreeing);
  const chosen = firstExtreme(agreeing, scores, (a, b) => a > b);
  const disagreeing = scores.map((_, i) => i).filter((i) => !inMajority.has(i));
  const others = scores.map((_, i) => i).filter((i) => i !== chosen);
  const pool = disagreeing.length > 0 ? disagreeing : others;
  const rejected = pool.length > 0 ? firstExtreme(pool, scores, (a, b) => a < b) : chosen;
  return { chosen, rejected };
}

/** The first index in `indices` whose score beats every other under `better`. */
function firstExtreme(indices: readonly number[], scores: readonly number[], better: (a: number, b: number) => boolean): number {
  let best = indices[0] as number;
  for (const i of indices) if (better(scores[i] as number, scores[best] as number)) best = i;
  return best;
}
