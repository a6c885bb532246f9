import { finalAnswerOf, type AnswerChecker } from '@magpie/answers';
import {
  MsgIds,
  Subjects,
  recordIdFor,
  type ChatMessage,
  type JoinedSolution,
  type QualityCounter,
  type RewardsRecord,
  type RunSpec,
  type SamplesRecord,
} from '@magpie/contracts';
import { judgeAnswers, sftVerdict } from './answer-evidence.js';
import { selectPair } from './select-pair.js';

/** What a problem's evaluation is made of: its scored samples and its solution's answer. */
export interface ProblemEvaluationInput {
  readonly samples: SamplesRecord;
  /** The reward of each response, in response order. */
  readonly scores: readonly number[];
  readonly solution: JoinedSolution;
  readonly spec: RunSpec;
  readonly checker: AnswerChecker;
}

/**
 * A problem's rewards record: each sample's final answer (finalAnswerOf, so a truncated sample has
 * none), how the samples and the SFT solution agree, the solution's verdict and the pair by the
 * run's rule. Deterministic: whichever half of the join writes it, the record is the same.
 */
export function evaluateProblem(input: ProblemEvaluationInput): RewardsRecord {
  const { samples, scores, solution, spec, checker } = input;
  const sampleAnswers = samples.responses.map((response, i) => finalAnswerOf(response, samples.finishReasons[i]));
  const answers = { sampleAnswers, solution };
  const judged = judgeAnswers(answers, checker);
  const pair = selectPair({
    rule: spec.reward.pairRule,
    scores,
    responses: samples.responses,
    finishReasons: samples.finishReasons,
    judged,
    minMargin: spec.reward.minRewardMargin,
    stylePairs: spec.quality.stylePairs,
    verifyShare: spec.quality.verifyShare,
  });
  const chat = (index: number | null): ChatMessage[] | null =>
    index === null
      ? null
      : [
          { role: 'user', content: samples.instruction },
          { role: 'assistant', content: samples.responses[index] as string },
        ];
  return {
    schemaVersion: 2,
    kind: 'rewards',
    runId: samples.runId,
    recordId: recordIdFor(samples.runId, 'rewards', samples.id),
    id: samples.id,
    problemRecordId: samples.problemRecordId,
    samplesRecordId: samples.recordId,
    rewards_armorm: scores.map((score) => ({ score })),
    answers: sampleAnswers,
    agreement: judged.evidence,
    sft: sftVerdict(answers, judged, spec.quality.verifyShare),
    pair,
    chosen: chat(pair.chosenIndex),
    rejected: chat(pair.rejectedIndex),
    reward_model: spec.reward.model,
    lineage: { solverSeed: solution.seed, samplerSeeds: [...samples.seeds] },
  };
}

/** The quality counters a rewards record adds to: its agreement level, the SFT verdict and the pair's outcome. */
export function qualityCountersOf(record: RewardsRecord): { subject: string; msgId: string }[] {
  const counters: QualityCounter[] = [
    { facet: 'agreement', value: record.agreement.level },
    { facet: 'sft', value: record.sft.outcome },
    record.pair.skipReason === null ? { facet: 'pair_kept', value: record.pair.kind ?? 'correctness' } : { facet: 'pair_skipped', value: record.pair.skipReason },
  ];
  return counters.map((counter) => ({ subject: Subjects.qualityCounter(record.runId, counter), msgId: MsgIds.qualityCounter(record.runId, record.id, counter) }));
}
