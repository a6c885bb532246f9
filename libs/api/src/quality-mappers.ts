import {
  AgreementLevel,
  PairKind,
  PairSkipReason,
  RUN_SPEC_DEFAULTS,
  SftOutcome,
  emptyQualitySummary,
  type AdaptiveSamplingInfo,
  type AgreementEvidence,
  type QualityOptions,
  type QualitySummary,
  type RewardsRecord,
  type SftVerdict,
} from '@magpie/contracts';
import type { z } from 'zod';
import { pairRuleMapping, pairSkipReasonMapping } from './enum-mappers.js';
import type * as proto from './generated/index.js';

// The data-quality parts of the API: run options, the run's summary and the evidence on records.
// Proto has no nulls: a null string is left unset (`optional`), a null message is unset.

/** A resolved spec's quality options, every field set (adaptive sizes at their defaults when it is off). */
export function qualityOptionsToProto(q: QualityOptions): proto.QualityOptions {
  const sizes = q.adaptiveSampling ?? RUN_SPEC_DEFAULTS.adaptiveSampling;
  return {
    verify_share: q.verifyShare,
    _verify_share: 'verify_share',
    style_pairs: q.stylePairs,
    _style_pairs: 'style_pairs',
    adaptive_sampling: q.adaptiveSampling !== null,
    _adaptive_sampling: 'adaptive_sampling',
    adaptive_initial_samples: sizes.initialSamples,
    _adaptive_initial_samples: 'adaptive_initial_samples',
    adaptive_max_samples: sizes.maxSamples,
    _adaptive_max_samples: 'adaptive_max_samples',
    keep_unverified: q.keepUnverified,
    _keep_unverified: 'keep_unverified',
  };
}

/**
 * Quality options from the wire, defaults for what is unset (the inverse of qualityOptionsToProto;
 * the gateway resolves a request's options the same way). Bounds are RunSpec's to check.
 */
export function qualityOptionsFromProto(q: proto.QualityOptions | null | undefined): QualityOptions {
  const d = RUN_SPEC_DEFAULTS;
  return {
    verifyShare: q?.verify_share ?? d.quality.verifyShare,
    stylePairs: q?.style_pairs ?? d.quality.stylePairs,
    adaptiveSampling: q?.adaptive_sampling
      ? { initialSamples: q.adaptive_initial_samples ?? d.adaptiveSampling.initialSamples, maxSamples: q.adaptive_max_samples ?? d.adaptiveSampling.maxSamples }
      : null,
    keepUnverified: q?.keep_unverified ?? d.quality.keepUnverified,
  };
}

/** Entries of a string-keyed count map whose keys a closed enum knows (newer reasons are left out). */
function known<E extends string>(values: Readonly<Record<string, number>> | undefined, schema: z.ZodType<E>): Partial<Record<E, number>> {
  const out: Partial<Record<E, number>> = {};
  for (const [key, n] of Object.entries(values ?? {})) {
    const parsed = schema.safeParse(key);
    if (parsed.success && n > 0) out[parsed.data] = n;
  }
  return out;
}

export function qualitySummaryToProto(q: QualitySummary): proto.QualitySummary {
  return {
    agreement: { ...q.agreement },
    sft_verified: q.sft.verified,
    sft_unverified: q.sft.unverified,
    ...(q.sft.verifiedShare === null ? {} : { sft_verified_share: q.sft.verifiedShare, _sft_verified_share: 'sft_verified_share' as const }),
    sft_unverified_by_outcome: { ...q.sft.unverifiedByOutcome },
    pairs_kept: q.pairs.kept,
    pairs_kept_by_kind: { ...q.pairs.keptByKind },
    pairs_skipped: q.pairs.skipped,
    pairs_skipped_by_reason: { ...q.pairs.skippedByReason },
    adaptive_stopped_early: q.adaptiveSampling.stoppedEarly,
    adaptive_extended: q.adaptiveSampling.extended,
    adaptive_completion_tokens_saved: String(q.adaptiveSampling.completionTokensSaved),
    adaptive_extension_prompt_tokens: String(q.adaptiveSampling.extensionPromptTokens),
    exact_duplicates: q.duplicates.exact,
    near_duplicates: q.duplicates.near,
    contamination_flagged: q.contamination.flagged,
    contamination_removed: q.contamination.removed,
  };
}

/** The summary from the wire; an absent summary is empty, reasons this version does not know are left out. */
export function qualitySummaryFromProto(q: proto.QualitySummary | null | undefined): QualitySummary {
  if (!q) return emptyQualitySummary();
  const agreement = emptyQualitySummary().agreement;
  for (const level of AgreementLevel.options) agreement[level] = q.agreement?.[level] ?? 0;
  return {
    agreement,
    sft: {
      verified: q.sft_verified,
      unverified: q.sft_unverified,
      verifiedShare: q.sft_verified_share ?? null,
      unverifiedByOutcome: known(q.sft_unverified_by_outcome, SftOutcome.exclude(['verified'])),
    },
    pairs: {
      kept: q.pairs_kept,
      keptByKind: known(q.pairs_kept_by_kind, PairKind),
      skipped: q.pairs_skipped,
      skippedByReason: known(q.pairs_skipped_by_reason, PairSkipReason),
    },
    adaptiveSampling: {
      stoppedEarly: q.adaptive_stopped_early,
      extended: q.adaptive_extended,
      completionTokensSaved: Number(q.adaptive_completion_tokens_saved),
      extensionPromptTokens: Number(q.adaptive_extension_prompt_tokens),
    },
    duplicates: { exact: q.exact_duplicates, near: q.near_duplicates },
    contamination: { flagged: q.contamination_flagged, removed: q.contamination_removed },
  };
}

export function adaptiveToProto(a: AdaptiveSamplingInfo | null): proto.AdaptiveSamplingInfo | null {
  return (
    a && {
      initial_samples: a.initialSamples,
      max_samples: a.maxSamples,
      extended: a.extended,
      completion_tokens_saved: a.completionTokensSaved,
      extension_prompt_tokens: a.extensionPromptTokens,
    }
  );
}

export function adaptiveFromProto(a: proto.AdaptiveSamplingInfo | null): AdaptiveSamplingInfo | null {
  return (
    a && {
      initialSamples: a.initial_samples,
      maxSamples: a.max_samples,
      extended: a.extended,
      completionTokensSaved: a.completion_tokens_saved,
      extensionPromptTokens: a.extension_prompt_tokens,
    }
  );
}

/** A proto3 `optional string`: absent for null, otherwise the value and its synthetic oneof marker. */
function optionalString<K extends string>(key: K, value: string | null): { [P in K]?: string } & { [P in `_${K}`]?: K } {
  return (value === null ? {} : { [key]: value, [`_${key}`]: key }) as { [P in K]?: string } & { [P in `_${K}`]?: K };
}

function agreementToProto(a: AgreementEvidence): proto.AnswerAgreement {
  return {
    level: a.level,
    voters: a.voters,
    votes_cast: a.votesCast,
    distinct_answers: a.distinctAnswers,
    ...optionalString('majority_answer', a.majorityAnswer),
    majority_votes: a.majorityVotes,
    majority_share: a.majorityShare,
    strict: a.strict,
    tie: a.tie,
    groups: a.groups.map((g) => ({ answer: g.answer, members: [...g.members], votes: g.votes, sample_votes: g.sampleVotes })),
  };
}

function agreementFromProto(a: proto.AnswerAgreement | null): Record<string, unknown> | null {
  return (
    a && {
      level: a.level,
      voters: a.voters,
      votesCast: a.votes_cast,
      distinctAnswers: a.distinct_answers,
      majorityAnswer: a.majority_answer ?? null,
      majorityVotes: a.majority_votes,
      majorityShare: a.majority_share,
      strict: a.strict,
      tie: a.tie,
      groups: a.groups.map((g) => ({ answer: g.answer, members: [...g.members], votes: g.votes, sampleVotes: g.sample_votes })),
    }
  );
}

function sftToProto(v: SftVerdict): proto.SftVerdict {
  return {
    solution_record_id: v.solutionRecordId,
    ...optionalString('answer', v.answer),
    finish_reason: v.finishReason,
    verified: v.verified,
    outcome: v.outcome,
    agreeing_samples: v.agreeingSamples,
    samples: v.samples,
    required_share: v.requiredShare,
  };
}

function sftFromProto(v: proto.SftVerdict | null): Record<string, unknown> | null {
  return (
    v && {
      solutionRecordId: v.solution_record_id,
      answer: v.answer ?? null,
      finishReason: v.finish_reason,
      verified: v.verified,
      outcome: v.outcome,
      agreeingSamples: v.agreeing_samples,
      samples: v.samples,
      requiredShare: v.required_share,
    }
  );
}

function pairToProto(pair: RewardsRecord['pair']): proto.PairInfo {
  return {
    rule: pairRuleMapping.toProto(pair.rule),
    ...(pair.chosenIndex === null ? {} : { chosen_index: pair.chosenIndex, _chosen_index: 'chosen_index' as const }),
    ...(pair.rejectedIndex === null ? {} : { rejected_index: pair.rejectedIndex, _rejected_index: 'rejected_index' as const }),
    margin: pair.margin,
    ...optionalString('majority_answer', pair.majorityAnswer),
    skip_reason: pair.skipReason === null ? 'PAIR_SKIP_REASON_UNSPECIFIED' : pairSkipReasonMapping.toProto(pair.skipReason),
    kind: pair.kind ?? '',
    ...optionalString('chosen_answer', pair.chosenAnswer),
    ...optionalString('rejected_answer', pair.rejectedAnswer),
    chosen_votes: pair.chosenVotes,
    rejected_votes: pair.rejectedVotes,
    majority_votes: pair.majorityVotes,
    votes_cast: pair.votesCast,
    verified: pair.verified,
  };
}

function pairFromProto(pair: proto.PairInfo | null): Record<string, unknown> | null {
  return (
    pair && {
      rule: pairRuleMapping.tryFromProto(pair.rule),
      kind: pair.kind === '' ? null : pair.kind,
      chosenIndex: pair.chosen_index ?? null,
      rejectedIndex: pair.rejected_index ?? null,
      chosenAnswer: pair.chosen_answer ?? null,
      rejectedAnswer: pair.rejected_answer ?? null,
      chosenVotes: pair.chosen_votes,
      rejectedVotes: pair.rejected_votes,
      margin: pair.margin,
      majorityAnswer: pair.majority_answer ?? null,
      majorityVotes: pair.majority_votes,
      votesCast: pair.votes_cast,
      verified: pair.verified,
      skipReason: pair.skip_reason === 'PAIR_SKIP_REASON_UNSPECIFIED' ? null : (pairSkipReasonMapping.tryFromProto(pair.skip_reason) ?? pair.skip_reason),
    }
  );
}

/** The evidence fields of a Rewards message. */
export function rewardsEvidenceToProto(r: RewardsRecord): Pick<proto.Rewards, 'pair' | 'agreement' | 'sft' | 'lineage'> {
  return {
    pair: pairToProto(r.pair),
    agreement: agreementToProto(r.agreement),
    sft: sftToProto(r.sft),
    lineage: { solver_seed: r.lineage.solverSeed, sampler_seeds: [...r.lineage.samplerSeeds] },
  };
}

/** The evidence fields of a rewards record from its Rewards message; the record's schema checks them. */
export function rewardsEvidenceFromProto(r: proto.Rewards): Record<string, unknown> {
  return {
    pair: pairFromProto(r.pair),
    agreement: agreementFromProto(r.agreement),
    sft: sftFromProto(r.sft),
    lineage: r.lineage && { solverSeed: r.lineage.solver_seed, samplerSeeds: [...r.lineage.sampler_seeds] },
  };
}
