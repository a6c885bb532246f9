import { RunSpec, type RunCounts, type RunState, type StageSettings } from '@magpie/contracts';
import { dataQualityFromProto, dataQualityToProto } from './data-quality-mappers.js';
import { flagReasonMapping, pairRuleMapping, rejectionReasonMapping, runStatusToProto } from './enum-mappers.js';
import { ProtoMappingError } from './errors.js';
import type * as proto from './generated/index.js';
import { qualityOptionsFromProto, qualityOptionsToProto, qualitySummaryFromProto, qualitySummaryToProto } from './quality-mappers.js';
import { timestampFromIso } from './timestamp.js';

function stageToProto(stage: StageSettings): proto.ResolvedStage {
  const { temperature, topP, maxTokens } = stage.sampling;
  return { model: stage.model, sampling: { temperature, top_p: topP, max_tokens: maxTokens } };
}

/** A resolved spec in its proto shape; the sampler's samplesPerProblem moves to `samples_per_problem`. */
export function runSpecToProto(spec: RunSpec): proto.RunSpec {
  return {
    domain: spec.domain,
    subtopics: [...spec.subtopics],
    count: spec.count,
    generator: stageToProto(spec.generator),
    solver: stageToProto(spec.solver),
    sampler: stageToProto(spec.sampler),
    samples_per_problem: spec.sampler.samplesPerProblem,
    reward_model: spec.reward.model,
    seed: spec.seed,
    pair_rule: pairRuleMapping.toProto(spec.reward.pairRule),
    min_reward_margin: spec.reward.minRewardMargin,
    filters: {
      min_chars: spec.filters.minChars,
      max_chars: spec.filters.maxChars,
      near_duplicate_threshold: spec.filters.nearDuplicateThreshold,
      sanitize: spec.filters.sanitize,
      require_math: spec.filters.requireMath,
    },
    domain_mix: (spec.domainMix ?? []).map((share) => ({
      domain: share.domain,
      count: share.count,
      first_slot: share.firstSlot,
      subtopics: [...share.subtopics],
      instruction_temperature: share.instructionTemperature,
    })),
    quality: qualityOptionsToProto(spec.quality),
    data_quality: dataQualityToProto(spec),
  };
}

function stageFromProto(stage: proto.ResolvedStage | null, name: string): StageSettings {
  if (!stage?.sampling) throw new ProtoMappingError(`run spec lacks ${name}`);
  const { temperature, top_p, max_tokens } = stage.sampling;
  return { model: stage.model, sampling: { temperature, topP: top_p, maxTokens: max_tokens } };
}

/**
 * The contracts RunSpec for a proto RunSpec (the inverse of runSpecToProto). Throws
 * ProtoMappingError when a stage is missing or the result fails the contracts schema.
 */
export function runSpecFromProto(spec: proto.RunSpec): RunSpec {
  const candidate = {
    domain: spec.domain,
    subtopics: [...spec.subtopics],
    count: spec.count,
    generator: stageFromProto(spec.generator, 'generator'),
    solver: stageFromProto(spec.solver, 'solver'),
    sampler: { ...stageFromProto(spec.sampler, 'sampler'), samplesPerProblem: spec.samples_per_problem },
    reward: { model: spec.reward_model, pairRule: pairRuleMapping.tryFromProto(spec.pair_rule), minRewardMargin: spec.min_reward_margin },
    filters: spec.filters && {
      minChars: spec.filters.min_chars,
      maxChars: spec.filters.max_chars,
      nearDuplicateThreshold: spec.filters.near_duplicate_threshold,
      sanitize: spec.filters.sanitize,
      requireMath: spec.filters.require_math,
    },
    quality: qualityOptionsFromProto(spec.quality),
    seed: spec.seed,
    ...dataQualityFromProto(spec.data_quality),
    ...(spec.domain_mix.length > 0
      ? {
          domainMix: spec.domain_mix.map((s) => ({
            domain: s.domain,
            count: s.count,
            firstSlot: s.first_slot,
            subtopics: [...s.subtopics],
            instructionTemperature: s.instruction_temperature,
          })),
        }
      : {}),
  };
  const parsed = RunSpec.safeParse(candidate);
  if (!parsed.success) throw new ProtoMappingError(`run spec is invalid: ${parsed.error.message}`, { cause: parsed.error });
  return parsed.data;
}

/** A run's counts on the wire: the proto RunCounts message carries the whole count model. */
export function runCountsToProto(counts: RunCounts): proto.RunCounts {
  return {
    problems: counts.records.problem,
    solutions: counts.records.solution,
    samples: counts.records.samples,
    rewards: counts.records.rewards,
    dead_lettered: counts.deadLettered,
    rejections: Object.entries(counts.rejections)
      .filter(([, n]) => n > 0)
      .map(([reason, count]) => ({ reason: rejectionReasonMapping.toProto(reason as keyof RunCounts['rejections']), count })),
    tags: counts.records.tags,
    flags: Object.entries(counts.flags)
      .filter(([, n]) => n > 0)
      .map(([flag, count]) => ({ flag: flagReasonMapping.toProto(flag as keyof RunCounts['flags']), count })),
  };
}

/**
 * A run's counts from the wire (its RunCounts and, on a Run, its QualitySummary); absent counts
 * are all zero, and reasons this version does not know are left out.
 */
export function runCountsFromProto(counts: proto.RunCounts | null | undefined, quality?: proto.QualitySummary | null): RunCounts {
  const rejections: RunCounts['rejections'] = {};
  for (const { reason, count } of counts?.rejections ?? []) {
    const known = rejectionReasonMapping.tryFromProto(reason);
    if (known && count > 0) rejections[known] = (rejections[known] ?? 0) + count;
  }
  const flags: RunCounts['flags'] = {};
  for (const { flag, count } of counts?.flags ?? []) {
    const known = flagReasonMapping.tryFromProto(flag);
    if (known && count > 0) flags[known] = (flags[known] ?? 0) + count;
  }
  return {
    records: {
      problem: counts?.problems ?? 0,
      solution: counts?.solutions ?? 0,
      samples: counts?.samples ?? 0,
      rewards: counts?.rewards ?? 0,
      tags: counts?.tags ?? 0,
    },
    deadLettered: counts?.dead_lettered ?? 0,
    rejections,
    flags,
    quality: qualitySummaryFromProto(quality),
  };
}

/** The public Run for a stored run state and its counts; an absent finishedAt stays unset, absent strings become ''. */
export function runToProto(state: RunState, counts: RunCounts): proto.Run {
  return {
    run_id: state.runId,
    status: runStatusToProto(state.status),
    spec: runSpecToProto(state.spec),
    counts: runCountsToProto(counts),
    created_at: timestampFromIso(state.createdAt),
    updated_at: timestampFromIso(state.updatedAt),
    finished_at: state.finishedAt === undefined ? null : timestampFromIso(state.finishedAt),
    reason: state.reason ?? '',
    request_id: state.clientRequestId ?? '',
    labels: { ...state.labels },
    quality: qualitySummaryToProto(counts.quality),
  };
}
