// Field lists, in order, of every file the dataset writer produces. Magpie's lists are what its
// scripts write (reference §2-§6); ours follow them so a Magpie tool that reads the first fields
// by name, or a diff against a Magpie file, sees exactly Magpie's layout first.

/** Magpie's `gen_input_configs` (gen_ins.py). */
export const GEN_INPUT_CONFIGS_FIELDS = ['temperature', 'top_p', 'input_generator', 'seed'] as const;

/** Magpie's `gen_response_configs` (gen_res.py, gen_po_multi_res.py). */
export const GEN_RESPONSE_CONFIGS_FIELDS = [
  'prompt',
  'temperature',
  'top_p',
  'repetition_penalty',
  'max_tokens',
  'stop_tokens',
  'output_generator',
  'engine',
] as const;

/** Magpie's `_ins.json` record (gen_ins.py, without `--sanitize`); `_ins_res.json` fills in the same keys. */
export const MAGPIE_INS_FIELDS = [
  'id',
  'pre_query_template',
  'instruction',
  'response',
  'created',
  'gen_input_configs',
  'gen_response_configs',
] as const;

/** gen_res.py only fills `response` and `gen_response_configs`, so the keys and their order are unchanged. */
export const MAGPIE_INS_RES_FIELDS = MAGPIE_INS_FIELDS;

/** gen_po_multi_res.py appends `responses`. */
export const MAGPIE_INS_5RES_FIELDS = [...MAGPIE_INS_FIELDS, 'responses'] as const;

/** gen_po_rewards.py appends `rewards_armorm`, process_po.ipynb `chosen` and `rejected`. */
export const MAGPIE_INS_5RES_ARMORM_FIELDS = [...MAGPIE_INS_5RES_FIELDS, 'rewards_armorm', 'chosen', 'rejected'] as const;

/** The leading fields of data_concatenation.ipynb's ShareGPT records (the tag fields are not produced here). */
export const MAGPIE_SHAREGPT_FIELDS = [
  'conversation_id',
  'instruction',
  'response',
  'conversations',
  'gen_input_configs',
  'gen_response_configs',
] as const;

/** The ShareGPT `gen_input_configs`: Magpie's plus the copied `pre_query_template`. */
export const SHAREGPT_GEN_INPUT_CONFIGS_FIELDS = [...GEN_INPUT_CONFIGS_FIELDS, 'pre_query_template'] as const;

/** Our provenance, after Magpie's fields in every row file. */
export const PROVENANCE_FIELDS = ['record_id', 'run_id', 'domain', 'subtopic'] as const;

/**
 * What the solver adds beyond Magpie: the `<think>` text, why generation stopped, the final
 * answer, whether the problem's samples verify it (null until the problem is evaluated), the
 * verdict's evidence, how the problem's answers agree, and the seeds and reward model behind it.
 */
export const SOLUTION_EXTRA_FIELDS = ['reasoning', 'finish_reason', 'answer', 'verified', 'verdict', 'agreement', 'lineage'] as const;

/**
 * Data-quality findings of the solution files (`_ins_res`, ShareGPT): Magpie's unitag fields
 * (unitag.py's names; null when the run has no tags stage or a mission failed) and the benchmark
 * item a flagged problem overlaps (null when none).
 */
export const TAG_FIELDS = [
  'intent',
  'knowledge',
  'difficulty',
  'difficulty_generator',
  'input_quality',
  'quality_explanation',
  'quality_generator',
  'task_category',
  'other_task_category',
  'task_category_generator',
] as const;
export const FINDINGS_FIELDS = [...TAG_FIELDS, 'contamination'] as const;
/** The contamination evidence's fields. */
export const CONTAMINATION_FIELDS = ['file', 'line', 'item_id', 'ngram', 'n'] as const;

/** What the sampler adds beyond Magpie: each sample's reasoning and finish reason, adaptive sampling's outcome, the lineage. */
export const SAMPLES_EXTRA_FIELDS = ['reasonings', 'finish_reasons', 'adaptive_sampling', 'lineage'] as const;

/** What the reward stage adds beyond Magpie: the samples' extras, each sample's answer, their agreement, how the pair was picked, the lineage. */
export const REWARDS_EXTRA_FIELDS = ['reasonings', 'finish_reasons', 'adaptive_sampling', 'answers', 'agreement', 'pair', 'lineage'] as const;

/** The `pair` object of an `_ins_5res_armorm` row: the pick or the skip, with the votes behind it. */
export const PAIR_FIELDS = [
  'rule',
  'kind',
  'chosen_index',
  'rejected_index',
  'chosen_answer',
  'rejected_answer',
  'chosen_votes',
  'rejected_votes',
  'margin',
  'majority_answer',
  'majority_votes',
  'votes_cast',
  'verified',
  'skip_reason',
] as const;

/** The `agreement` object: how the answers of the samples and the SFT solution (the last voter) agree. */
export const AGREEMENT_FIELDS = [
  'level',
  'voters',
  'votes_cast',
  'distinct_answers',
  'majority_answer',
  'majority_votes',
  'majority_share',
  'strict',
  'tie',
  'groups',
] as const;

/** The `verdict` object of an `_ins_res` row. */
export const VERDICT_FIELDS = ['outcome', 'agreeing_samples', 'samples', 'required_share'] as const;

/** The `lineage` object of every row: the seeds and the reward model behind the problem's records (null where a record is missing). */
export const LINEAGE_FIELDS = ['generator_seed', 'solver_seed', 'sampler_seeds', 'reward_model'] as const;

/** Every field of a `_ins.json` row, in order. */
export const INS_FIELDS = [...MAGPIE_INS_FIELDS, ...PROVENANCE_FIELDS] as const;
/** Every field of a `_ins_res.json` / `.jsonl` row, in order. */
export const INS_RES_FIELDS = [...MAGPIE_INS_RES_FIELDS, ...PROVENANCE_FIELDS, ...SOLUTION_EXTRA_FIELDS, ...FINDINGS_FIELDS] as const;
/** Every field of a `_ins_5res.json` row, in order. */
export const INS_5RES_FIELDS = [...MAGPIE_INS_5RES_FIELDS, ...PROVENANCE_FIELDS, ...SAMPLES_EXTRA_FIELDS] as const;
/** Every field of a `_ins_5res_armorm.json` / `.jsonl` row, in order. */
export const INS_5RES_ARMORM_FIELDS = [...MAGPIE_INS_5RES_ARMORM_FIELDS, ...PROVENANCE_FIELDS, ...REWARDS_EXTRA_FIELDS] as const;
/** ShareGPT rows carry the reasoning inside `response` (`<think>…</think>`), so only these solver extras follow. */
export const SHAREGPT_EXTRA_FIELDS = ['finish_reason', 'answer', 'verified', 'lineage'] as const;

/** Every field of a `_sharegpt.jsonl` row, in order. */
export const SHAREGPT_FIELDS = [...MAGPIE_SHAREGPT_FIELDS, ...PROVENANCE_FIELDS, ...SHAREGPT_EXTRA_FIELDS, ...FINDINGS_FIELDS] as const;
/** The only field of a `_messages.jsonl` row. */
export const MESSAGES_FIELDS = ['messages'] as const;
/** The fields of a `_dpo.jsonl` row (TRL's standard preference format). */
export const DPO_FIELDS = ['prompt', 'chosen', 'rejected'] as const;

/** A row with exactly the keys of `Fields`. */
export type RowOf<Fields extends readonly string[]> = Record<Fields[number], unknown>;
