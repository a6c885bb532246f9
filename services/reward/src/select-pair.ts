import { TRUNCATED_FINISH_REASONS } from '@magpie/answers';
import type { FinishReason, PairInfo, PairKind, PairRule, PairSkipReason } from '@magpie/contracts';
import { verifiedMajoritySampleVotes, type JudgedAnswers } from './answer-evidence.js';

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

/** Input of selectPair; `scores`, `responses` and `finishReasons` are the samples', in response order. */
export interface SelectPairInput {
  readonly rule: PairRule;
  readonly scores: readonly number[];
  readonly responses: readonly string[];
  readonly finishReasons: readonly FinishReason[];
  /** How the answers of the samples and the solution agree (judgeAnswers). */
  readonly judged: JudgedAnswers;
  /** Pairs whose margin is below this are skipped. */
  readonly minMargin: number;
  /** Correctness rule: keep a pair when every sample agrees, as a `style` pair. */
  readonly stylePairs: boolean;
  /** quality.verifyShare: when the chosen answer counts as verified. */
  readonly verifyShare: number;
}

/** The pair a rule picked, or why it picked none. */
type Pick = { readonly kind: PairKind; readonly chosen: number; readonly rejected: number } | { readonly skip: PairSkipReason };

function extreme(indices: readonly number[], scores: readonly number[], better: (a: number, b: number) => boolean): number {
  let best = indices[0] as number;
  for (const i of indices) if (better(scores[i] as number, scores[best] as number)) best = i;
  return best;
}

const isTruncated = (reason: FinishReason | undefined): boolean => reason !== undefined && TRUNCATED_FINISH_REASONS.includes(reason);

/**
 * The correctness rule: chosen is the highest-reward sample whose answer is the strict majority
 * (samples and solution voting; a tie is never broken by position); rejected is the lowest-reward
 * complete sample whose answer differs from it (a complete sample without a final answer differs
 * too). A truncated sample is never in a pair.
 */
function correctnessPick(input: SelectPairInput): Pick {
  const { judged, scores } = input;
  const top = judged.evidence.groups[0];
  if (!judged.evidence.strict || !top) return { skip: 'no_strict_majority' };
  const samples = scores.map((_, i) => i);
  const inMajority = top.members.filter((i) => i < samples.length);
  if (inMajority.length === 0) return { skip: 'no_sample_answers' };
  const chosen = extreme(inMajority, scores, (a, b) => a > b);
  const majority = new Set(inMajority);
  const differing = samples.filter((i) => !majority.has(i));
  const complete = differing.filter((i) => !isTruncated(input.finishReasons[i]));
  if (complete.length > 0) return { kind: 'correctness', chosen, rejected: extreme(complete, scores, (a, b) => a < b) };
  const others = inMajority.filter((i) => i !== chosen);
  if (input.stylePairs && others.length > 0) return { kind: 'style', chosen, rejected: extreme(others, scores, (a, b) => a < b) };
  return { skip: differing.length > 0 ? 'truncated' : 'all_agree' };
}

/**
 * Picks the chosen/rejected pair of one problem's samples by the run's rule, or says why there is
 * none, with the evidence: each side's answer and the votes of its answer group, the margin
 * (chosen minus rejected reward), the majority, and whether the chosen answer is verified (the
 * strict majority with at least `verifyShare` of the samples). Pure; throws nothing.
 *
 * - `correctness` (default): see correctnessPick; skipped with `no_strict_majority`,
 *   `no_sample_answers`, `all_agree` (unless style pairs are on) or `truncated`.
 * - `magpie`: Magpie's first max / first min of the rewards, whatever their answers.
 *
 * Both rules then skip `chosen_equals_rejected` (the same response, or identical text) and
 * `margin_below_minimum`; `no_scores` without any reward.
 */
export function selectPair(input: SelectPairInput): PairInfo {
  const { judged, scores, responses } = input;
  const evidence = judged.evidence;
  const base = {
    rule: input.rule,
    majorityAnswer: evidence.majorityAnswer,
    majorityVotes: evidence.majorityVotes,
    votesCast: evidence.votesCast,
  };
  const sides = (pick: PairIndices | undefined) => {
    const answer = (i: number | undefined) => (i === undefined ? null : (judged.evidence.groups[judged.agreement.groupOf[i] ?? -1]?.answer ?? null));
    const votes = (i: number | undefined) => (i === undefined ? 0 : (judged.evidence.groups[judged.agreement.groupOf[i] ?? -1]?.votes ?? 0));
    return { chosenAnswer: answer(pick?.chosen), rejectedAnswer: answer(pick?.rejected), chosenVotes: votes(pick?.chosen), rejectedVotes: votes(pick?.rejected) };
  };
  const skipped = (skipReason: PairSkipReason, pick?: PairIndices): PairInfo => ({
    ...base,
    ...sides(pick),
    kind: null,
    chosenIndex: null,
    rejectedIndex: null,
    margin: pick ? (scores[pick.chosen] as number) - (scores[pick.rejected] as number) : 0,
    verified: false,
    skipReason,
  });
  if (scores.length === 0) return skipped('no_scores');
  const pick: Pick = input.rule === 'magpie' ? { kind: 'magpie', ...selectMagpiePair(scores) } : correctnessPick(input);
  if ('skip' in pick) return skipped(pick.skip);
  if (pick.chosen === pick.rejected || responses[pick.chosen] === responses[pick.rejected]) return skipped('chosen_equals_rejected', pick);
  const margin = (scores[pick.chosen] as number) - (scores[pick.rejected] as number);
  if (margin < input.minMargin) return skipped('margin_below_minimum', pick);
  const chosenGroup = judged.agreement.groupOf[pick.chosen];
  return {
    ...base,
    ...sides(pick),
    kind: pick.kind,
    chosenIndex: pick.chosen,
    rejectedIndex: pick.rejected,
    margin,
    verified: chosenGroup === 0 && verifiedMajoritySampleVotes(judged, input.verifyShare) !== undefined,
    skipReason: null,
  };
}
