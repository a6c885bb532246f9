import { answerAgreement, type AnswerAgreement, type AnswerChecker } from '@magpie/answers';
import type { AgreementEvidence, AgreementLevel, FinishReason, SftVerdict } from '@magpie/contracts';

/** A problem's answers as the reward stage judges them: the samples' votes, then the SFT solution's (index `samples`). */
export interface ProblemAnswers {
  /** Each sample's finalAnswerOf (null: truncated or none), in response order. */
  readonly sampleAnswers: readonly (string | null)[];
  readonly solution: { readonly recordId: string; readonly answer: string | null; readonly finishReason: FinishReason };
}

/** answerAgreement over the samples and the solution, with the samples' votes per group. */
export interface JudgedAnswers {
  readonly agreement: AnswerAgreement;
  readonly evidence: AgreementEvidence;
  /** Samples in the problem. */
  readonly samples: number;
}

function levelOf(a: AnswerAgreement): AgreementLevel {
  if (a.voted === 0) return 'no_answer';
  if (a.tie || a.majority === null) return 'tie';
  if (a.voted === a.total && a.distinctAnswers === 1) return 'unanimous';
  return a.strict ? 'strict' : 'plurality';
}

/** Groups the answers of one problem (samples and solution, one vote each) and records the evidence. */
export function judgeAnswers(input: ProblemAnswers, checker: AnswerChecker): JudgedAnswers {
  const samples = input.sampleAnswers.length;
  const agreement = answerAgreement([...input.sampleAnswers, input.solution.answer], checker);
  const evidence: AgreementEvidence = {
    level: levelOf(agreement),
    voters: agreement.total,
    votesCast: agreement.voted,
    distinctAnswers: agreement.distinctAnswers,
    majorityAnswer: agreement.majority?.answer ?? null,
    majorityVotes: agreement.majority?.votes ?? 0,
    majorityShare: agreement.majority?.share ?? 0,
    strict: agreement.strict,
    tie: agreement.tie,
    groups: agreement.groups.map((g) => ({ answer: g.answer, members: [...g.members], votes: g.votes, sampleVotes: g.members.filter((i) => i < samples).length })),
  };
  return { agreement, evidence, samples };
}

/** Samples needed to reach `share` of `samples` (with a little slack, so 0.6 × 5 needs 3). */
export function samplesForShare(share: number, samples: number): number {
  return Math.ceil(share * samples - 1e-9);
}

/**
 * The sample votes of the strict majority when they reach `share` of the samples; undefined when
 * there is no strict majority or too few samples are in it. The one rule behind `verified`, for
 * the SFT solution and for a pair's chosen answer.
 */
export function verifiedMajoritySampleVotes(judged: JudgedAnswers, share: number): number | undefined {
  const top = judged.evidence.groups[0];
  if (!judged.evidence.strict || !top) return undefined;
  return top.sampleVotes >= samplesForShare(share, judged.samples) ? top.sampleVotes : undefined;
}

/**
 * The SFT solution's verdict: verified when its answer is the strict majority's and at least
 * `share` of the samples agree with it; otherwise the first reason it is not.
 */
export function sftVerdict(input: ProblemAnswers, judged: JudgedAnswers, share: number): SftVerdict {
  const group = judged.agreement.groupOf[judged.samples] ?? null;
  const agreeingSamples = group === null ? 0 : (judged.evidence.groups[group]?.sampleVotes ?? 0);
  const outcome =
    input.solution.answer === null
      ? 'no_answer'
      : !judged.evidence.strict
        ? 'no_strict_majority'
        : group !== 0
          ? 'disagrees_with_majority'
          : verifiedMajoritySampleVotes(judged, share) === undefined
            ? 'majority_below_share'
            : 'verified';
  return {
    solutionRecordId: input.solution.recordId,
    answer: input.solution.answer,
    finishReason: input.solution.finishReason,
    verified: outcome === 'verified',
    outcome,
    agreeingSamples,
    samples: judged.samples,
    requiredShare: share,
  };
}
