import {
  AnyRecord,
  FlagReason,
  RejectionReason,
  RunSpec,
  type GenInputConfigs,
  type GenResponseConfigs,
  type PairInfo,
  type RunCounts,
  type RunState,
  type RunStatus,
  type TokenUsage,
} from '@magpie/contracts';
import { contaminationFromProto, contaminationToProto, dataQualityFromProto, dataQualityToProto, tagsFromProto, tagsToProto } from './data-quality-mappers.js';
import { ProtoMappingError } from './errors.js';
import type * as proto from './proto-types.js';

const STATUS_TO_PROTO = {
  running: 'RUN_STATUS_RUNNING',
  succeeded: 'RUN_STATUS_SUCCEEDED',
  failed: 'RUN_STATUS_FAILED',
  cancelled: 'RUN_STATUS_CANCELLED',
} as const satisfies Record<RunStatus, proto.RunStatusName>;

/** The proto enum name for a run status. */
export function runStatusToProto(status: RunStatus): proto.RunStatusName {
  return STATUS_TO_PROTO[status];
}

/** The run status for a proto enum name. Throws ProtoMappingError for RUN_STATUS_UNSPECIFIED or an unknown name. */
export function runStatusFromProto(status: string): RunStatus {
  for (const [name, protoName] of Object.entries(STATUS_TO_PROTO)) {
    if (protoName === status) return name as RunStatus;
  }
  throw new ProtoMappingError(`unknown run status ${status}`);
}

function stageToProto(stage: RunSpec['generator']): proto.ResolvedStage {
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
    pair_rule: spec.reward.pairRule,
    min_reward_margin: spec.reward.minRewardMargin,
    filters: {
      min_chars: spec.filters.minChars,
      max_chars: spec.filters.maxChars,
      near_duplicate_threshold: spec.filters.nearDuplicateThreshold,
      sanitize: spec.filters.sanitize,
      require_math: spec.filters.requireMath,
    },
    data_quality: dataQualityToProto(spec),
  };
}

function stageFromProto(stage: proto.ResolvedStage | null, name: string) {
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
    reward: { model: spec.reward_model, pairRule: spec.pair_rule, minRewardMargin: spec.min_reward_margin },
    filters: spec.filters && {
      minChars: spec.filters.min_chars,
      maxChars: spec.filters.max_chars,
      nearDuplicateThreshold: spec.filters.near_duplicate_threshold,
      sanitize: spec.filters.sanitize,
      requireMath: spec.filters.require_math,
    },
    seed: spec.seed,
    ...dataQualityFromProto(spec.data_quality),
  };
  const parsed = RunSpec.safeParse(candidate);
  if (!parsed.success) throw new ProtoMappingError(`run spec is invalid: ${parsed.error.message}`, { cause: parsed.error });
  return parsed.data;
}

/** A run's counts on the wire: the proto RecordCounts message carries the whole count model. */
export function runCountsToProto(counts: RunCounts): proto.RecordCounts {
  return {
    problems: counts.records.problem,
    solutions: counts.records.solution,
    samples: counts.records.samples,
    rewards: counts.records.rewards,
    dead_lettered: counts.deadLettered,
    rejections: { ...counts.rejections },
    tags: counts.records.tags,
    flags: { ...counts.flags },
  };
}

/** A run's counts from the wire; absent counts are all zero, and reasons this version does not know are left out. */
export function runCountsFromProto(counts: proto.RecordCounts | null | undefined): RunCounts {
  const rejections: RunCounts['rejections'] = {};
  for (const [reason, n] of Object.entries(counts?.rejections ?? {})) {
    const known = RejectionReason.safeParse(reason);
    if (known.success && n > 0) rejections[known.data] = n;
  }
  const flags: RunCounts['flags'] = {};
  for (const [flag, n] of Object.entries(counts?.flags ?? {})) {
    const known = FlagReason.safeParse(flag);
    if (known.success && n > 0) flags[known.data] = n;
  }
  return {
    records: { problem: counts?.problems ?? 0, solution: counts?.solutions ?? 0, samples: counts?.samples ?? 0, rewards: counts?.rewards ?? 0, tags: counts?.tags ?? 0 },
    deadLettered: counts?.dead_lettered ?? 0,
    rejections,
    flags,
  };
}

/** The public Run for a stored run state and its counts. Absent optional strings (finishedAt, reason, clientRequestId) become ''. */
export function runToProto(state: RunState, counts: RunCounts): proto.Run {
  return {
    run_id: state.runId,
    status: runStatusToProto(state.status),
    spec: runSpecToProto(state.spec),
    counts: runCountsToProto(counts),
    created_at: state.createdAt,
    updated_at: state.updatedAt,
    finished_at: state.finishedAt ?? '',
    reason: state.reason ?? '',
    client_request_id: state.clientRequestId ?? '',
  };
}

function usageToProto(usage: TokenUsage): proto.TokenUsage {
  return { prompt_tokens: usage.promptTokens, completion_tokens: usage.completionTokens };
}

function usageFromProto(usage: proto.TokenUsage | null | undefined): TokenUsage | undefined {
  return usage ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens } : undefined;
}

function inputConfigsToProto(configs: GenInputConfigs): proto.GenInputConfigs {
  const { temperature, top_p, input_generator, seed } = configs;
  return seed === null
    ? { temperature, top_p, input_generator }
    : { temperature, top_p, input_generator, seed: String(seed), _seed: 'seed' };
}

function inputConfigsFromProto(configs: proto.GenInputConfigs | null): Record<string, unknown> | null {
  if (!configs) return null;
  const { temperature, top_p, input_generator, seed } = configs;
  return { temperature, top_p, input_generator, seed: seed === undefined ? null : Number(seed) };
}

function responseConfigsToProto(configs: GenResponseConfigs): proto.GenResponseConfigs {
  const { prompt, ...rest } = configs;
  const base = { ...rest, stop_tokens: [...rest.stop_tokens] };
  return prompt === null ? base : { prompt, _prompt: 'prompt', ...base };
}

function responseConfigsFromProto(configs: proto.GenResponseConfigs | null): Record<string, unknown> | null {
  if (!configs) return null;
  const { temperature, top_p, repetition_penalty, max_tokens, stop_tokens, output_generator, engine } = configs;
  return {
    prompt: configs.prompt ?? null,
    temperature,
    top_p,
    repetition_penalty,
    max_tokens,
    stop_tokens: [...stop_tokens],
    output_generator,
    engine,
  };
}

/**
 * The RecordEvent for a record at a log position. Proto has no nulls: a null seed, prompt or
 * solution reasoning is left unset, and a null entry of `Samples.reasonings` is sent as ''.
 */
export function recordToProto(record: AnyRecord, cursor: number): proto.RecordEvent {
  const envelope = { cursor: String(cursor), run_id: record.runId, record_id: record.recordId, id: record.id };
  switch (record.kind) {
    case 'problem':
      return {
        ...envelope,
        body: 'problem',
        problem: {
          domain: record.domain,
          subtopic: record.subtopic,
          pre_query_template: record.pre_query_template,
          instruction: record.instruction,
          created: String(record.created),
          gen_input_configs: inputConfigsToProto(record.gen_input_configs),
          finish_reason: record.finishReason,
          usage: usageToProto(record.usage),
          contamination: contaminationToProto(record.contamination),
        },
      };
    case 'solution': {
      const reasoning = record.reasoning === null ? {} : { reasoning: record.reasoning, _reasoning: 'reasoning' as const };
      return {
        ...envelope,
        body: 'solution',
        solution: {
          problem_record_id: record.problemRecordId,
          instruction: record.instruction,
          response: record.response,
          ...reasoning,
          finish_reason: record.finishReason,
          gen_response_configs: responseConfigsToProto(record.gen_response_configs),
          usage: usageToProto(record.usage),
          ...(record.answer === null ? {} : { answer: record.answer, _answer: 'answer' as const }),
        },
      };
    }
    case 'samples':
      return {
        ...envelope,
        body: 'samples',
        samples: {
          problem_record_id: record.problemRecordId,
          instruction: record.instruction,
          responses: [...record.responses],
          reasonings: record.reasonings.map((r) => r ?? ''),
          finish_reasons: [...record.finishReasons],
          gen_response_configs: responseConfigsToProto(record.gen_response_configs),
          usage: usageToProto(record.usage),
        },
      };
    case 'rewards':
      return {
        ...envelope,
        body: 'rewards',
        rewards: {
          problem_record_id: record.problemRecordId,
          samples_record_id: record.samplesRecordId,
          rewards_armorm: record.rewards_armorm.map(({ score }) => ({ score })),
          chosen: (record.chosen ?? []).map(({ role, content }) => ({ role, content })),
          rejected: (record.rejected ?? []).map(({ role, content }) => ({ role, content })),
          reward_model: record.reward_model,
          answers: record.answers.map((a) => a ?? ''),
          pair: pairToProto(record.pair),
        },
      };
    case 'tags':
      return { ...envelope, body: 'tags', tags: tagsToProto(record) };
  }
}

function pairToProto(pair: PairInfo): proto.PairInfo {
  return {
    rule: pair.rule,
    ...(pair.chosenIndex === null ? {} : { chosen_index: pair.chosenIndex, _chosen_index: 'chosen_index' as const }),
    ...(pair.rejectedIndex === null ? {} : { rejected_index: pair.rejectedIndex, _rejected_index: 'rejected_index' as const }),
    margin: pair.margin,
    ...(pair.majorityAnswer === null ? {} : { majority_answer: pair.majorityAnswer, _majority_answer: 'majority_answer' as const }),
    skip_reason: pair.skipReason ?? '',
  };
}

function pairFromProto(pair: proto.PairInfo | null): Record<string, unknown> | null {
  if (!pair) return null;
  return {
    rule: pair.rule,
    chosenIndex: pair.chosen_index ?? null,
    rejectedIndex: pair.rejected_index ?? null,
    margin: pair.margin,
    majorityAnswer: pair.majority_answer ?? null,
    skipReason: pair.skip_reason === '' ? null : pair.skip_reason,
  };
}

function bodyFromProto(event: proto.RecordEvent): Record<string, unknown> {
  const { problem, solution, samples, rewards, tags } = event;
  switch (event.body) {
    case 'problem':
      if (!problem) break;
      return {
        kind: 'problem',
        domain: problem.domain,
        subtopic: problem.subtopic,
        pre_query_template: problem.pre_query_template,
        instruction: problem.instruction,
        response: null,
        created: Number(problem.created),
        gen_input_configs: inputConfigsFromProto(problem.gen_input_configs),
        gen_response_configs: null,
        finishReason: problem.finish_reason,
        usage: usageFromProto(problem.usage),
        ...(problem.contamination ? { contamination: contaminationFromProto(problem.contamination) } : {}),
      };
    case 'solution':
      if (!solution) break;
      return {
        kind: 'solution',
        problemRecordId: solution.problem_record_id,
        instruction: solution.instruction,
        response: solution.response,
        reasoning: solution.reasoning ?? null,
        answer: solution.answer ?? null,
        finishReason: solution.finish_reason,
        gen_response_configs: responseConfigsFromProto(solution.gen_response_configs),
        usage: usageFromProto(solution.usage),
      };
    case 'samples':
      if (!samples) break;
      return {
        kind: 'samples',
        problemRecordId: samples.problem_record_id,
        instruction: samples.instruction,
        responses: [...samples.responses],
        reasonings: samples.reasonings.map((r) => (r === '' ? null : r)),
        finishReasons: [...samples.finish_reasons],
        gen_response_configs: responseConfigsFromProto(samples.gen_response_configs),
        usage: usageFromProto(samples.usage),
      };
    case 'rewards':
      if (!rewards) break;
      return {
        kind: 'rewards',
        problemRecordId: rewards.problem_record_id,
        samplesRecordId: rewards.samples_record_id,
        rewards_armorm: rewards.rewards_armorm.map(({ score }) => ({ score })),
        chosen: rewards.chosen.length > 0 ? rewards.chosen.map(({ role, content }) => ({ role, content })) : null,
        rejected: rewards.rejected.length > 0 ? rewards.rejected.map(({ role, content }) => ({ role, content })) : null,
        reward_model: rewards.reward_model,
        answers: rewards.answers.map((a) => (a === '' ? null : a)),
        pair: pairFromProto(rewards.pair),
      };
    case 'tags':
      if (!tags) break;
      return tagsFromProto(tags);
    case undefined:
      break;
  }
  throw new ProtoMappingError(`record event ${event.record_id || '(no record id)'} has no body`);
}

/**
 * The record and log position carried by a RecordEvent (the inverse of recordToProto; an empty
 * `Samples.reasonings` entry becomes null). Throws ProtoMappingError when the event has no body,
 * its cursor is not a safe integer, or the record fails the contracts `AnyRecord` schema.
 */
export function recordFromProto(event: proto.RecordEvent): { cursor: number; record: AnyRecord } {
  const cursor = Number(event.cursor);
  if (!Number.isSafeInteger(cursor) || cursor < 0) throw new ProtoMappingError(`invalid cursor ${event.cursor}`);
  const candidate = { schemaVersion: 1, runId: event.run_id, recordId: event.record_id, id: event.id, ...bodyFromProto(event) };
  const parsed = AnyRecord.safeParse(candidate);
  if (!parsed.success) {
    throw new ProtoMappingError(`record ${event.record_id} is invalid: ${parsed.error.message}`, { cause: parsed.error });
  }
  return { cursor, record: parsed.data };
}
