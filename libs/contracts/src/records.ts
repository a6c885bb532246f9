import { TASK_TAGS, UNITAG_MISSIONS } from '@magpie/unitag';
import { z } from 'zod';
import { FinishReason, RunId, TokenUsage } from './common.js';
import { ContaminationEvidence, DifficultyLevel, QualityLevel } from './data-quality.js';
import { AdaptiveSamplingInfo, AgreementEvidence, PairInfo, SftVerdict } from './quality-evidence.js';

/** Magpie's `gen_input_configs`, field for field. */
export const GenInputConfigs = z.object({
  temperature: z.number(),
  top_p: z.number(),
  input_generator: z.string(),
  seed: z.number().int().nullable(),
});
export type GenInputConfigs = z.infer<typeof GenInputConfigs>;

/** Magpie's `gen_response_configs`, field for field (`engine` is always "vllm" for us). */
export const GenResponseConfigs = z.object({
  prompt: z.string().nullable(),
  temperature: z.number(),
  top_p: z.number(),
  repetition_penalty: z.number(),
  max_tokens: z.number().int(),
  stop_tokens: z.array(z.string()),
  output_generator: z.string(),
  engine: z.literal('vllm'),
});
export type GenResponseConfigs = z.infer<typeof GenResponseConfigs>;

/**
 * Magpie's `gen_response_configs` for a chat call to vLLM. `prompt` is null because the server
 * applies the chat template, so the rendered prompt is not known to the caller.
 */
export function chatResponseConfigs(
  model: string,
  sampling: { temperature: number; topP: number; maxTokens: number },
  stopTokens: readonly string[],
): GenResponseConfigs {
  return {
    prompt: null,
    temperature: sampling.temperature,
    top_p: sampling.topP,
    repetition_penalty: 1,
    max_tokens: sampling.maxTokens,
    stop_tokens: [...stopTokens],
    output_generator: model,
    engine: 'vllm',
  };
}

export const ChatMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** Fields every record shares: where it belongs and which problem slot it answers. */
const RecordBase = z.object({
  schemaVersion: z.literal(1),
  runId: RunId,
  /** Stable across retries: `<runId>:<kind>:<id>`. */
  recordId: z.string().min(1).max(160),
  /** Magpie's integer `id`: the problem's slot in the run, 0 ≤ id < count. */
  id: z.number().int().nonnegative(),
});

/** A generated problem: Magpie's `_ins.json` record plus our envelope. */
export const ProblemRecord = RecordBase.extend({
  kind: z.literal('problem'),
  domain: z.string(),
  subtopic: z.string(),
  pre_query_template: z.string(),
  instruction: z.string().min(1),
  response: z.null(),
  created: z.number().int(),
  gen_input_configs: GenInputConfigs,
  gen_response_configs: z.null(),
  finishReason: FinishReason,
  usage: TokenUsage,
  /** Set when the run flags (rather than removes) contamination: the benchmark item it overlaps. */
  contamination: ContaminationEvidence.optional(),
});
export type ProblemRecord = z.infer<typeof ProblemRecord>;

/**
 * One chain-of-thought solution: the fields Magpie's `_ins_res.json` adds. Version 2 added the
 * request's seed and takes `answer` from finalAnswerOf (null when truncated).
 */
export const SolutionRecord = RecordBase.extend({
  schemaVersion: z.literal(2),
  kind: z.literal('solution'),
  problemRecordId: z.string(),
  instruction: z.string(),
  response: z.string(),
  /** Text inside `<think>…</think>` (or the backend's reasoning field); null for plain models. */
  reasoning: z.string().nullable(),
  finishReason: FinishReason,
  /** The final answer the solution votes with: null when it was truncated or none could be extracted. */
  answer: z.string().nullable(),
  /** The request's seed (derived from the run's seed, spec and slot). */
  seed: z.number().int().nonnegative(),
  gen_response_configs: GenResponseConfigs,
  usage: TokenUsage,
});
export type SolutionRecord = z.infer<typeof SolutionRecord>;

/**
 * N sampled responses to one problem: the fields Magpie's `_ins_5res.json` adds. Version 2 added
 * the seed of each request and adaptive sampling's outcome.
 */
export const SamplesRecord = RecordBase.extend({
  schemaVersion: z.literal(2),
  kind: z.literal('samples'),
  problemRecordId: z.string(),
  instruction: z.string(),
  responses: z.array(z.string()).min(1),
  reasonings: z.array(z.string().nullable()),
  finishReasons: z.array(FinishReason),
  /** One seed per backend request, in order: one, or two when adaptive sampling extended the samples. */
  seeds: z.array(z.number().int().nonnegative()).min(1).max(2),
  /** Null when the run draws a fixed number of samples. */
  adaptive: AdaptiveSamplingInfo.nullable(),
  gen_response_configs: GenResponseConfigs,
  usage: TokenUsage,
});
export type SamplesRecord = z.infer<typeof SamplesRecord>;

/**
 * A problem's evaluation, written once its samples are scored and its solution is known: the
 * reward per sample (`rewards_armorm`, in response order), every sample's final answer, how the
 * answers of the samples and the solution agree, the SFT solution's verdict and the preference
 * pair, or why none was made. `_ins_5res_armorm.json`'s additions plus the evidence. `chosen`/
 * `rejected` are null when the pair was skipped (`pair.skipReason` says why). Version 2 added the
 * agreement, the verdict, the pair's evidence and the lineage.
 */
export const RewardsRecord = RecordBase.extend({
  schemaVersion: z.literal(2),
  kind: z.literal('rewards'),
  problemRecordId: z.string(),
  samplesRecordId: z.string(),
  rewards_armorm: z.array(z.object({ score: z.number() })).min(1),
  /** Each sample's final answer (finalAnswerOf), in response order; null where truncated or none was found. */
  answers: z.array(z.string().nullable()),
  agreement: AgreementEvidence,
  sft: SftVerdict,
  pair: PairInfo,
  chosen: z.array(ChatMessage).length(2).nullable(),
  rejected: z.array(ChatMessage).length(2).nullable(),
  reward_model: z.string(),
  /** The seeds behind the problem's solution and samples. */
  lineage: z.object({ solverSeed: z.number().int().nonnegative(), samplerSeeds: z.array(z.number().int().nonnegative()).min(1) }),
});
export type RewardsRecord = z.infer<typeof RewardsRecord>;

/** Why the tags stage's recipe filter keeps a problem out of the training exports. */
export const TagFilterReason = z.enum(['quality_below_minimum', 'difficulty_below_minimum']);
export type TagFilterReason = z.infer<typeof TagFilterReason>;

/**
 * Magpie's unitag fields for one problem (difficulty, input quality, task category), field for
 * field as unitag.py writes them; a mission whose answer could not be parsed has null fields (as
 * in Magpie) and its error in `tagErrors`. `*_generator` is the tagging model (lineage).
 */
export const TagsRecord = RecordBase.extend({
  kind: z.literal('tags'),
  problemRecordId: z.string(),
  intent: z.string().nullable(),
  knowledge: z.string().nullable(),
  difficulty: DifficultyLevel.nullable(),
  difficulty_generator: z.string(),
  input_quality: QualityLevel.nullable(),
  quality_explanation: z.string().nullable(),
  quality_generator: z.string(),
  task_category: z.enum(TASK_TAGS).nullable(),
  other_task_category: z.array(z.string()),
  task_category_generator: z.string(),
  /** Per mission, why its answer was unusable. */
  tagErrors: z.partialRecord(z.enum(UNITAG_MISSIONS), z.string().max(500)),
  /** The run's recipe (minimum quality and difficulty) applied to these tags. */
  tagFilter: z.object({ passed: z.boolean(), reasons: z.array(TagFilterReason) }),
  usage: TokenUsage,
});
export type TagsRecord = z.infer<typeof TagsRecord>;

export const RecordKind = z.enum(['problem', 'solution', 'samples', 'rewards', 'tags']);
export type RecordKind = z.infer<typeof RecordKind>;

/** Any record on the RECORDS stream, discriminated by `kind`. */
export const AnyRecord = z.discriminatedUnion('kind', [ProblemRecord, SolutionRecord, SamplesRecord, RewardsRecord, TagsRecord]);
export type AnyRecord = z.infer<typeof AnyRecord>;

/** The schema version each kind's records are written with. */
export const RECORD_SCHEMA_VERSIONS = { problem: 1, solution: 2, samples: 2, rewards: 2, tags: 1 } as const satisfies Record<RecordKind, number>;

/** The deterministic record id for a kind and problem slot. */
export function recordIdFor(runId: string, kind: RecordKind, id: number): string {
  return `${runId}:${kind}:${id}`;
}
