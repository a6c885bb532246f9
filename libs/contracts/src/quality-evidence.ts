import { z } from 'zod';
import { FinishReason } from './common.js';
import { PairRule } from './run-spec.js';

// The evidence a rewards record carries for its problem: how the answers agree, whether the SFT
// solution is verified, why the pair was made or skipped. Closed enums, so every outcome can be
// counted and mapped to proto enums.

/**
 * How the answers of a problem agree (the samples and the SFT solution, each one vote; a
 * truncated response or one without a final answer has none):
 * - `unanimous`: every voter answered, and all answers are equivalent;
 * - `strict`: one answer has more than half of the votes cast (but not every voter agrees);
 * - `plurality`: one answer has more votes than any other, but not more than half;
 * - `tie`: the top answers have equal votes, so there is no majority;
 * - `no_answer`: nobody voted.
 */
export const AgreementLevel = z.enum(['unanimous', 'strict', 'plurality', 'tie', 'no_answer']);
export type AgreementLevel = z.infer<typeof AgreementLevel>;

/** One group of equivalent answers. */
export const AnswerGroupEvidence = z.object({
  /** Its most frequent spelling. */
  answer: z.string(),
  /** Voters in the group: sample indices, and `samples` (one past the last sample) for the SFT solution. */
  members: z.array(z.number().int().nonnegative()),
  votes: z.number().int().nonnegative(),
  /** Votes of samples only. */
  sampleVotes: z.number().int().nonnegative(),
});
export type AnswerGroupEvidence = z.infer<typeof AnswerGroupEvidence>;

/** The agreement of a problem's answers. Voters are the samples in order, then the SFT solution. */
export const AgreementEvidence = z.object({
  level: AgreementLevel,
  /** Voters: samples + 1. */
  voters: z.number().int().positive(),
  votesCast: z.number().int().nonnegative(),
  distinctAnswers: z.number().int().nonnegative(),
  /** The group with more votes than any other; null on a tie or without votes. Never chosen by position. */
  majorityAnswer: z.string().nullable(),
  majorityVotes: z.number().int().nonnegative(),
  /** majorityVotes / votesCast; 0 without a majority. */
  majorityShare: z.number().min(0).max(1),
  /** The majority has more than half of the votes cast. */
  strict: z.boolean(),
  /** The top groups tie. */
  tie: z.boolean(),
  /** Most votes first; equal votes in order of their answer text. */
  groups: z.array(AnswerGroupEvidence),
});
export type AgreementEvidence = z.infer<typeof AgreementEvidence>;

/**
 * The SFT solution's verdict: `verified` when its answer is the strict majority and at least
 * `quality.verifyShare` of the samples agree with it. Otherwise why not: it has no answer
 * (truncated or none extracted), there is no strict majority, it disagrees with the majority, or
 * too few samples agree.
 */
export const SftOutcome = z.enum(['verified', 'no_answer', 'no_strict_majority', 'disagrees_with_majority', 'majority_below_share']);
export type SftOutcome = z.infer<typeof SftOutcome>;

export const SftVerdict = z.object({
  solutionRecordId: z.string(),
  /** The solution's final answer; null when truncated or none was found. */
  answer: z.string().nullable(),
  finishReason: FinishReason,
  verified: z.boolean(),
  outcome: SftOutcome,
  /** Samples whose answer is equivalent to the solution's. */
  agreeingSamples: z.number().int().nonnegative(),
  samples: z.number().int().positive(),
  /** The run's quality.verifyShare. */
  requiredShare: z.number().gt(0).max(1),
});
export type SftVerdict = z.infer<typeof SftVerdict>;

/**
 * Why no pair was made: no scores; no strict majority (tie, plurality or no votes); only the SFT
 * solution answered (`no_sample_answers`); every sample agrees (`all_agree`, unless style pairs
 * are on); the only samples that differ are truncated; the margin is below the minimum; chosen and
 * rejected are the same response (Magpie's rule with equal rewards).
 */
export const PairSkipReason = z.enum([
  'no_scores',
  'no_strict_majority',
  'no_sample_answers',
  'all_agree',
  'truncated',
  'margin_below_minimum',
  'chosen_equals_rejected',
]);
export type PairSkipReason = z.infer<typeof PairSkipReason>;

/** What a kept pair is: correctness-gated, a style pair (both sides agree with the majority), or Magpie's rule. */
export const PairKind = z.enum(['correctness', 'style', 'magpie']);
export type PairKind = z.infer<typeof PairKind>;

/** How the pair was chosen or why it was skipped, with the votes behind it, so a user can audit or re-pick it. */
export const PairInfo = z.object({
  rule: PairRule,
  /** Null when skipped. */
  kind: PairKind.nullable(),
  chosenIndex: z.number().int().nonnegative().nullable(),
  rejectedIndex: z.number().int().nonnegative().nullable(),
  /** The final answers of chosen and rejected (null: none), and the votes of their answer groups (0: no answer). */
  chosenAnswer: z.string().nullable(),
  rejectedAnswer: z.string().nullable(),
  chosenVotes: z.number().int().nonnegative(),
  rejectedVotes: z.number().int().nonnegative(),
  /** Chosen minus rejected reward; 0 when no pair could be formed. */
  margin: z.number(),
  /** The agreement's majority answer and its votes (samples and solution), for reference. */
  majorityAnswer: z.string().nullable(),
  majorityVotes: z.number().int().nonnegative(),
  votesCast: z.number().int().nonnegative(),
  /** The chosen answer is the strict majority with at least quality.verifyShare of the samples. */
  verified: z.boolean(),
  skipReason: PairSkipReason.nullable(),
});
export type PairInfo = z.infer<typeof PairInfo>;

/** Adaptive sampling's outcome for one problem. */
export const AdaptiveSamplingInfo = z.object({
  initialSamples: z.number().int().positive(),
  maxSamples: z.number().int().positive(),
  /** True when the first samples did not all agree and the rest were drawn. */
  extended: z.boolean(),
  /**
   * Estimated completion tokens not spent: (maxSamples − initialSamples) × the mean completion
   * tokens of the samples drawn; 0 when extended.
   */
  completionTokensSaved: z.number().int().nonnegative(),
  /** Prompt tokens of the extension request (a prefix the backend has cached); 0 when not extended. */
  extensionPromptTokens: z.number().int().nonnegative(),
});
export type AdaptiveSamplingInfo = z.infer<typeof AdaptiveSamplingInfo>;
