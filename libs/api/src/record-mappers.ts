import { AnyRecord, RECORD_SCHEMA_VERSIONS, RecordKind, type GenInputConfigs, type GenResponseConfigs, type TokenUsage } from '@magpie/contracts';
import { contaminationFromProto, contaminationToProto, tagsFromProto, tagsToProto } from './data-quality-mappers.js';
import { ProtoMappingError } from './errors.js';
import type * as proto from './generated/index.js';
import { adaptiveFromProto, adaptiveToProto, rewardsEvidenceFromProto, rewardsEvidenceToProto } from './quality-mappers.js';

/** The decoded shape of one StreamRecords message: a record at a position of the run's log. */
export type RecordEvent = proto.StreamRecordsResponse;

function usageToProto(usage: TokenUsage): proto.RecordUsage {
  return { prompt_tokens: usage.promptTokens, completion_tokens: usage.completionTokens };
}

function usageFromProto(usage: proto.RecordUsage | null | undefined): TokenUsage | undefined {
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
export function recordToProto(record: AnyRecord, cursor: number): RecordEvent {
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
          seed: record.seed,
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
          seeds: [...record.seeds],
          adaptive: adaptiveToProto(record.adaptive),
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
          ...rewardsEvidenceToProto(record),
        },
      };
    case 'tags':
      return { ...envelope, body: 'tags', tags: tagsToProto(record) };
  }
}

function bodyFromProto(event: RecordEvent): Record<string, unknown> {
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
        seed: solution.seed,
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
        seeds: [...samples.seeds],
        adaptive: adaptiveFromProto(samples.adaptive),
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
        ...rewardsEvidenceFromProto(rewards),
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
export function recordFromProto(event: RecordEvent): { cursor: number; record: AnyRecord } {
  const cursor = Number(event.cursor);
  if (!Number.isSafeInteger(cursor) || cursor < 0) throw new ProtoMappingError(`invalid cursor ${event.cursor}`);
  const body = bodyFromProto(event);
  const kind = RecordKind.safeParse(body.kind);
  const schemaVersion = kind.success ? RECORD_SCHEMA_VERSIONS[kind.data] : 1;
  const candidate = { schemaVersion, runId: event.run_id, recordId: event.record_id, id: event.id, ...body };
  const parsed = AnyRecord.safeParse(candidate);
  if (!parsed.success) {
    throw new ProtoMappingError(`record ${event.record_id} is invalid: ${parsed.error.message}`, { cause: parsed.error });
  }
  return { cursor, record: parsed.data };
}
