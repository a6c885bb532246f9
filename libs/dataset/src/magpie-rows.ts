import type {
  GenInputConfigs,
  GenResponseConfigs,
  ProblemRecord,
  RewardsRecord,
  SamplesRecord,
  SolutionRecord,
} from '@magpie/contracts';

// Rows are built field by field, not spread from records, so each file's key order is Magpie's
// and no envelope field (schemaVersion, usage, kind…) leaks into the dataset.

/** Fields of every `_ins` row: Magpie's gen_ins.py record, then our provenance fields. */
export const INS_FIELDS = [
  'id',
  'pre_query_template',
  'instruction',
  'response',
  'created',
  'gen_input_configs',
  'gen_response_configs',
  'record_id',
  'run_id',
  'domain',
  'subtopic',
] as const;
export const INS_RES_FIELDS = [...INS_FIELDS, 'reasoning', 'finish_reason'] as const;
export const INS_5RES_FIELDS = [...INS_FIELDS, 'responses'] as const;
export const INS_5RES_ARMORM_FIELDS = [...INS_5RES_FIELDS, 'rewards_armorm', 'chosen', 'rejected'] as const;

export type InsRow = Record<(typeof INS_FIELDS)[number], unknown>;
export type InsResRow = Record<(typeof INS_RES_FIELDS)[number], unknown>;
export type Ins5resRow = Record<(typeof INS_5RES_FIELDS)[number], unknown>;
export type Ins5resArmormRow = Record<(typeof INS_5RES_ARMORM_FIELDS)[number], unknown>;

function inputConfigs(c: GenInputConfigs): GenInputConfigs {
  return { temperature: c.temperature, top_p: c.top_p, input_generator: c.input_generator, seed: c.seed };
}

function responseConfigs(c: GenResponseConfigs): GenResponseConfigs {
  return {
    prompt: c.prompt,
    temperature: c.temperature,
    top_p: c.top_p,
    repetition_penalty: c.repetition_penalty,
    max_tokens: c.max_tokens,
    stop_tokens: [...c.stop_tokens],
    output_generator: c.output_generator,
    engine: c.engine,
  };
}

function baseRow(problem: ProblemRecord, response: string | null, configs: GenResponseConfigs | null): InsRow {
  return {
    id: problem.id,
    pre_query_template: problem.pre_query_template,
    instruction: problem.instruction,
    response,
    created: problem.created,
    gen_input_configs: inputConfigs(problem.gen_input_configs),
    gen_response_configs: configs === null ? null : responseConfigs(configs),
    record_id: problem.recordId,
    run_id: problem.runId,
    domain: problem.domain,
    subtopic: problem.subtopic,
  };
}

/** A `_ins.json` row: the problem with `response` and `gen_response_configs` null. */
export function insRow(problem: ProblemRecord): InsRow {
  return baseRow(problem, null, null);
}

/** A `_ins_res.json` row: the problem answered by its solution. */
export function insResRow(problem: ProblemRecord, solution: SolutionRecord): InsResRow {
  return {
    ...baseRow(problem, solution.response, solution.gen_response_configs),
    reasoning: solution.reasoning,
    finish_reason: solution.finishReason,
  };
}

/** A `_ins_5res.json` row: the problem with the sampler's responses and configs. */
export function ins5resRow(problem: ProblemRecord, samples: SamplesRecord): Ins5resRow {
  return { ...baseRow(problem, null, samples.gen_response_configs), responses: [...samples.responses] };
}

/** A `_ins_5res_armorm.json` row: the `_ins_5res` row plus the scores and the preference pair. */
export function ins5resArmormRow(problem: ProblemRecord, samples: SamplesRecord, rewards: RewardsRecord): Ins5resArmormRow {
  return {
    ...ins5resRow(problem, samples),
    rewards_armorm: rewards.rewards_armorm.map(({ score }) => ({ score })),
    chosen: rewards.chosen.map(({ role, content }) => ({ role, content })),
    rejected: rewards.rejected.map(({ role, content }) => ({ role, content })),
  };
}
