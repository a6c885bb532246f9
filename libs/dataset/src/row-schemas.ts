import { bool, float64, int64, list, nullable, rowSchema, string, struct, type FieldType, type RowSchema } from './field-types.js';
import {
  AGREEMENT_FIELDS,
  CONTAMINATION_FIELDS,
  DPO_FIELDS,
  GEN_INPUT_CONFIGS_FIELDS,
  GEN_RESPONSE_CONFIGS_FIELDS,
  INS_5RES_ARMORM_FIELDS,
  INS_5RES_FIELDS,
  INS_FIELDS,
  INS_RES_FIELDS,
  LINEAGE_FIELDS,
  MESSAGES_FIELDS,
  PAIR_FIELDS,
  SHAREGPT_FIELDS,
  SHAREGPT_GEN_INPUT_CONFIGS_FIELDS,
  VERDICT_FIELDS,
} from './magpie-fields.js';

// The type of every field of every file. The field lists (magpie-fields.ts) give the order; a
// field added there without a type here does not compile. Types are what a row holds in every
// run: a number Magpie writes as a float is float64 even when its value is whole, and a field
// that can be null is nullable (and always present).

const GEN_INPUT_CONFIGS_TYPES = { temperature: float64, top_p: float64, input_generator: string, seed: nullable(int64) } as const;

export const GEN_INPUT_CONFIGS = struct(rowSchema(GEN_INPUT_CONFIGS_FIELDS, GEN_INPUT_CONFIGS_TYPES));

export const SHAREGPT_GEN_INPUT_CONFIGS = struct(
  rowSchema(SHAREGPT_GEN_INPUT_CONFIGS_FIELDS, { ...GEN_INPUT_CONFIGS_TYPES, pre_query_template: string }),
);

export const GEN_RESPONSE_CONFIGS = struct(
  rowSchema(GEN_RESPONSE_CONFIGS_FIELDS, {
    prompt: nullable(string),
    temperature: float64,
    top_p: float64,
    repetition_penalty: float64,
    max_tokens: int64,
    stop_tokens: list(string),
    output_generator: string,
    engine: string,
  }),
);

/** `[{role, content}]`, Magpie's chosen/rejected and the SFT messages. */
export const CHAT_MESSAGES = list(struct([['role', string], ['content', string]]));

export const PAIR = struct(
  rowSchema(PAIR_FIELDS, {
    rule: string,
    kind: nullable(string),
    chosen_index: nullable(int64),
    rejected_index: nullable(int64),
    chosen_answer: nullable(string),
    rejected_answer: nullable(string),
    chosen_votes: int64,
    rejected_votes: int64,
    margin: float64,
    majority_answer: nullable(string),
    majority_votes: int64,
    votes_cast: int64,
    verified: bool,
    skip_reason: nullable(string),
  }),
);

/** How the answers of a problem's samples and SFT solution agree. */
export const AGREEMENT = struct(
  rowSchema(AGREEMENT_FIELDS, {
    level: string,
    voters: int64,
    votes_cast: int64,
    distinct_answers: int64,
    majority_answer: nullable(string),
    majority_votes: int64,
    majority_share: float64,
    strict: bool,
    tie: bool,
    groups: list(struct([['answer', string], ['members', list(int64)], ['votes', int64], ['sample_votes', int64]])),
  }),
);

/** The SFT solution's verdict. */
export const VERDICT = struct(rowSchema(VERDICT_FIELDS, { outcome: string, agreeing_samples: int64, samples: int64, required_share: float64 }));

/** The seeds and the reward model behind a problem's records. */
export const LINEAGE = struct(
  rowSchema(LINEAGE_FIELDS, { generator_seed: nullable(int64), solver_seed: nullable(int64), sampler_seeds: list(int64), reward_model: nullable(string) }),
);

/** Adaptive sampling's outcome for one problem; null when the run draws a fixed number of samples. */
export const ADAPTIVE_SAMPLING = nullable(
  struct([
    ['initial_samples', int64],
    ['max_samples', int64],
    ['extended', bool],
    ['completion_tokens_saved', int64],
    ['extension_prompt_tokens', int64],
  ]),
);

/** Tags (null without the tags stage or when a mission failed) and contamination evidence. */
const FINDINGS = {
  intent: nullable(string),
  knowledge: nullable(string),
  difficulty: nullable(string),
  difficulty_generator: nullable(string),
  input_quality: nullable(string),
  quality_explanation: nullable(string),
  quality_generator: nullable(string),
  task_category: nullable(string),
  other_task_category: nullable(list(string)),
  task_category_generator: nullable(string),
  contamination: nullable(struct(rowSchema(CONTAMINATION_FIELDS, { file: string, line: int64, item_id: nullable(string), ngram: string, n: int64 }))),
} as const satisfies Record<string, FieldType>;

/** Fields shared by the Magpie row files, by name. */
const COMMON = {
  id: int64,
  pre_query_template: string,
  instruction: string,
  response: nullable(string),
  created: int64,
  gen_input_configs: GEN_INPUT_CONFIGS,
  gen_response_configs: nullable(GEN_RESPONSE_CONFIGS),
  record_id: string,
  run_id: string,
  domain: string,
  subtopic: string,
} as const satisfies Record<string, FieldType>;

export const INS_SCHEMA: RowSchema = rowSchema(INS_FIELDS, COMMON);

export const INS_RES_SCHEMA: RowSchema = rowSchema(INS_RES_FIELDS, {
  ...COMMON,
  reasoning: nullable(string),
  finish_reason: string,
  answer: nullable(string),
  verified: nullable(bool),
  verdict: nullable(VERDICT),
  agreement: nullable(AGREEMENT),
  lineage: LINEAGE,
  ...FINDINGS,
});

/** The sampler's extras of the samples and rewards files. */
const SAMPLES_EXTRAS = {
  reasonings: list(nullable(string)),
  finish_reasons: list(string),
  adaptive_sampling: ADAPTIVE_SAMPLING,
  lineage: LINEAGE,
} as const satisfies Record<string, FieldType>;

export const INS_5RES_SCHEMA: RowSchema = rowSchema(INS_5RES_FIELDS, { ...COMMON, responses: list(string), ...SAMPLES_EXTRAS });

export const INS_5RES_ARMORM_SCHEMA: RowSchema = rowSchema(INS_5RES_ARMORM_FIELDS, {
  ...COMMON,
  responses: list(string),
  rewards_armorm: list(struct([['score', float64]])),
  chosen: nullable(CHAT_MESSAGES),
  rejected: nullable(CHAT_MESSAGES),
  ...SAMPLES_EXTRAS,
  answers: list(nullable(string)),
  agreement: AGREEMENT,
  pair: PAIR,
});

export const SHAREGPT_SCHEMA: RowSchema = rowSchema(SHAREGPT_FIELDS, {
  conversation_id: string,
  instruction: string,
  response: string,
  conversations: list(struct([['from', string], ['value', string]])),
  gen_input_configs: SHAREGPT_GEN_INPUT_CONFIGS,
  gen_response_configs: GEN_RESPONSE_CONFIGS,
  record_id: string,
  run_id: string,
  domain: string,
  subtopic: string,
  finish_reason: string,
  answer: nullable(string),
  verified: nullable(bool),
  lineage: LINEAGE,
  ...FINDINGS,
});

export const MESSAGES_SCHEMA: RowSchema = rowSchema(MESSAGES_FIELDS, { messages: CHAT_MESSAGES });

export const DPO_SCHEMA: RowSchema = rowSchema(DPO_FIELDS, { prompt: string, chosen: string, rejected: string });
