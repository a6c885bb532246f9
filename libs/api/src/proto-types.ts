/**
 * The magpie.v1 messages as they appear at runtime when proto-loader decodes them with
 * `{ keepCase: true, longs: String, enums: String, defaults: true, oneofs: true }`:
 * - field names stay snake_case;
 * - 64-bit integers are decimal strings;
 * - enums are their value names;
 * - scalars and repeated fields are always present (defaults filled in), unset sub-messages are `null`;
 * - proto3 `optional` fields are absent when unset and, when set, come with a virtual `_<field>`
 *   property naming them (a synthetic oneof);
 * - the `body` oneof of RecordEvent adds a virtual `body` property naming the member that is set;
 *   the other members are absent.
 *
 * What a sender may pass is looser: see {@link ProtoInput}.
 */

import type { Contamination, DataQualityOptions, ProblemTags, ResolvedDataQuality } from './data-quality-proto-types.js';

export type RunStatusName =
  | 'RUN_STATUS_UNSPECIFIED'
  | 'RUN_STATUS_RUNNING'
  | 'RUN_STATUS_SUCCEEDED'
  | 'RUN_STATUS_FAILED'
  | 'RUN_STATUS_CANCELLED';

export interface SamplingParams {
  temperature?: number;
  _temperature?: 'temperature';
  top_p?: number;
  _top_p?: 'top_p';
  max_tokens?: number;
  _max_tokens?: 'max_tokens';
}

export interface StageOverrides {
  model: string;
  sampling: SamplingParams | null;
}

export interface StartRunRequest {
  domain: string;
  count: number;
  model: string;
  generator: StageOverrides | null;
  solver: StageOverrides | null;
  sampler: StageOverrides | null;
  reward_model: string;
  subtopics: string[];
  seed?: number;
  _seed?: 'seed';
  samples_per_problem?: number;
  _samples_per_problem?: 'samples_per_problem';
  client_request_id: string;
  pair_rule: string;
  min_reward_margin?: number;
  _min_reward_margin?: 'min_reward_margin';
  filters: GenerationFilterOverrides | null;
  data_quality: DataQualityOptions | null;
}

export interface GenerationFilterOverrides {
  min_chars?: number;
  _min_chars?: 'min_chars';
  max_chars?: number;
  _max_chars?: 'max_chars';
  near_duplicate_threshold?: number;
  _near_duplicate_threshold?: 'near_duplicate_threshold';
  sanitize?: boolean;
  _sanitize?: 'sanitize';
  require_math?: boolean;
  _require_math?: 'require_math';
}

export interface GenerationFilters {
  min_chars: number;
  max_chars: number;
  near_duplicate_threshold: number;
  sanitize: boolean;
  require_math: boolean;
}

export interface StartRunResponse {
  run: Run | null;
  created: boolean;
}

export interface GetRunRequest {
  run_id: string;
}

export interface ListRunsRequest {
  limit: number;
}

export interface ListRunsResponse {
  runs: Run[];
}

export interface CancelRunRequest {
  run_id: string;
  reason: string;
}

export interface ResolvedSampling {
  temperature: number;
  top_p: number;
  max_tokens: number;
}

export interface ResolvedStage {
  model: string;
  sampling: ResolvedSampling | null;
}

export interface RunSpec {
  domain: string;
  subtopics: string[];
  count: number;
  generator: ResolvedStage | null;
  solver: ResolvedStage | null;
  sampler: ResolvedStage | null;
  samples_per_problem: number;
  reward_model: string;
  seed: number;
  pair_rule: string;
  min_reward_margin: number;
  filters: GenerationFilters | null;
  data_quality: ResolvedDataQuality | null;
}

export interface RecordCounts {
  problems: number;
  solutions: number;
  samples: number;
  rewards: number;
  dead_lettered: number;
  /** Dropped instructions by reason. */
  rejections: Record<string, number>;
  tags: number;
  /** Kept problems with a finding, by flag. */
  flags: Record<string, number>;
}

export interface Run {
  run_id: string;
  status: RunStatusName;
  spec: RunSpec | null;
  counts: RecordCounts | null;
  created_at: string;
  updated_at: string;
  /** '' while the run is running. */
  finished_at: string;
  reason: string;
  client_request_id: string;
}

export interface StreamRecordsRequest {
  run_id: string;
  /** uint64 as a decimal string; '0' replays from the beginning. */
  from_cursor: string;
}

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export interface GenInputConfigs {
  temperature: number;
  top_p: number;
  input_generator: string;
  /** int64 as a decimal string; absent for Magpie's `seed: null`. */
  seed?: string;
  _seed?: 'seed';
}

export interface GenResponseConfigs {
  /** Absent for Magpie's `prompt: null`. */
  prompt?: string;
  _prompt?: 'prompt';
  temperature: number;
  top_p: number;
  repetition_penalty: number;
  max_tokens: number;
  stop_tokens: string[];
  output_generator: string;
  engine: string;
}

export interface ChatMessage {
  role: string;
  content: string;
}

export interface RewardScore {
  score: number;
}

export interface Problem {
  domain: string;
  subtopic: string;
  pre_query_template: string;
  instruction: string;
  /** int64 unix seconds as a decimal string. */
  created: string;
  gen_input_configs: GenInputConfigs | null;
  finish_reason: string;
  usage: TokenUsage | null;
  contamination: Contamination | null;
}

export interface Solution {
  problem_record_id: string;
  instruction: string;
  response: string;
  /** Absent when the model produced no reasoning. */
  reasoning?: string;
  _reasoning?: 'reasoning';
  finish_reason: string;
  gen_response_configs: GenResponseConfigs | null;
  usage: TokenUsage | null;
  /** Absent when no final answer was found. */
  answer?: string;
  _answer?: 'answer';
}

export interface Samples {
  problem_record_id: string;
  instruction: string;
  responses: string[];
  /** '' where a response had no reasoning. */
  reasonings: string[];
  finish_reasons: string[];
  gen_response_configs: GenResponseConfigs | null;
  usage: TokenUsage | null;
}

export interface Rewards {
  problem_record_id: string;
  samples_record_id: string;
  rewards_armorm: RewardScore[];
  /** Empty when the pair was skipped. */
  chosen: ChatMessage[];
  rejected: ChatMessage[];
  reward_model: string;
  /** '' where no answer was found. */
  answers: string[];
  pair: PairInfo | null;
}

export interface PairInfo {
  rule: string;
  chosen_index?: number;
  _chosen_index?: 'chosen_index';
  rejected_index?: number;
  _rejected_index?: 'rejected_index';
  margin: number;
  majority_answer?: string;
  _majority_answer?: 'majority_answer';
  /** '' when a pair was emitted. */
  skip_reason: string;
}

export type RecordBodyName = 'problem' | 'solution' | 'samples' | 'rewards' | 'tags';

export interface RecordEvent {
  /** uint64 as a decimal string. */
  cursor: string;
  run_id: string;
  record_id: string;
  id: number;
  /** Names the oneof member that is set; absent when none is. */
  body?: RecordBodyName;
  problem?: Problem;
  solution?: Solution;
  samples?: Samples;
  rewards?: Rewards;
  tags?: ProblemTags;
}

/** Keys proto-loader adds on decode and ignores on encode. */
type VirtualKey = `_${string}` | 'body';

/**
 * What a sender may pass for a message of type `T`: every field optional (the encoder fills
 * proto3 defaults), sub-messages may be null or omitted, and virtual oneof keys are left out.
 */
export type ProtoInput<T> = T extends string | number | boolean
  ? T
  : T extends readonly (infer U)[]
    ? ProtoInput<U>[]
    : { [K in keyof T as K extends VirtualKey ? never : K]?: ProtoInput<NonNullable<T[K]>> | null };
