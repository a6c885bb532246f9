import type {
  ChatMessage,
  GenInputConfigs,
  GenResponseConfigs,
  ProblemRecord,
  RewardsRecord,
  SamplesRecord,
  SolutionRecord,
} from '@magpie/contracts';
import type { INS_5RES_ARMORM_FIELDS, INS_5RES_FIELDS, INS_FIELDS, INS_RES_FIELDS, MAGPIE_INS_FIELDS, PROVENANCE_FIELDS, RowOf } from './magpie-fields.js';
import { adaptiveRow, agreementRow, findingsRow, lineageRow, pairRow, verdictRow, type SlotRecords } from './quality-rows.js';

// Rows are built field by field, not spread from records, so each file's key order is Magpie's
// and no envelope field (schemaVersion, usage, kind…) leaks into the dataset. Magpie's fields
// always come first and ours after them (see magpie-fields.ts).

export type InsRow = RowOf<typeof INS_FIELDS>;
export type InsResRow = RowOf<typeof INS_RES_FIELDS>;
export type Ins5resRow = RowOf<typeof INS_5RES_FIELDS>;
export type Ins5resArmormRow = RowOf<typeof INS_5RES_ARMORM_FIELDS>;

/** A copy of Magpie's `gen_input_configs` with its keys in Magpie's order. */
export function inputConfigs(c: GenInputConfigs): GenInputConfigs {
  return { temperature: c.temperature, top_p: c.top_p, input_generator: c.input_generator, seed: c.seed };
}

/** A copy of Magpie's `gen_response_configs` with its keys in Magpie's order. */
export function responseConfigs(c: GenResponseConfigs): GenResponseConfigs {
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

/** Our provenance fields of a problem: they follow Magpie's fields in every row file. */
export function provenance(problem: ProblemRecord): RowOf<typeof PROVENANCE_FIELDS> {
  return { record_id: problem.recordId, run_id: problem.runId, domain: problem.domain, subtopic: problem.subtopic };
}

function magpieBase(problem: ProblemRecord, response: string | null, configs: GenResponseConfigs | null): RowOf<typeof MAGPIE_INS_FIELDS> {
  return {
    id: problem.id,
    pre_query_template: problem.pre_query_template,
    instruction: problem.instruction,
    response,
    created: problem.created,
    gen_input_configs: inputConfigs(problem.gen_input_configs),
    gen_response_configs: configs === null ? null : responseConfigs(configs),
  };
}

function messages(list: readonly ChatMessage[] | null): ChatMessage[] | null {
  return list?.map(({ role, content }) => ({ role, content })) ?? null;
}

/** A `_ins.json` row: the problem with `response` and `gen_response_configs` null. */
export function insRow(problem: ProblemRecord): InsRow {
  return { ...magpieBase(problem, null, null), ...provenance(problem) };
}

/**
 * A `_ins_res.json` row: the problem answered by its solution, with `verified` and the verdict
 * once the problem was evaluated (its rewards record; null before), the agreement of its answers
 * and its lineage. This file keeps every solution, verified or not.
 */
export function insResRow(problem: ProblemRecord, solution: SolutionRecord, slot: SlotRecords = {}): InsResRow {
  const rewards = slot.rewards;
  return {
    ...magpieBase(problem, solution.response, solution.gen_response_configs),
    ...provenance(problem),
    reasoning: solution.reasoning,
    finish_reason: solution.finishReason,
    answer: solution.answer,
    verified: rewards ? rewards.sft.verified : null,
    verdict: rewards ? verdictRow(rewards.sft) : null,
    agreement: rewards ? agreementRow(rewards.agreement) : null,
    lineage: lineageRow(problem, { ...slot, solution }),
    ...findingsRow(problem, slot.tags),
  };
}

/**
 * A `_ins_5res.json` row: the problem with the sampler's responses and configs, then each
 * sample's reasoning and finish reason. `response` stays null, as in Magpie's PO files built
 * from an `_ins` file.
 */
export function ins5resRow(problem: ProblemRecord, samples: SamplesRecord, slot: SlotRecords = {}): Ins5resRow {
  return {
    ...magpieBase(problem, null, samples.gen_response_configs),
    responses: [...samples.responses],
    ...provenance(problem),
    reasonings: [...samples.reasonings],
    finish_reasons: [...samples.finishReasons],
    adaptive_sampling: adaptiveRow(samples.adaptive),
    lineage: lineageRow(problem, { ...slot, samples }),
  };
}

/**
 * A `_ins_5res_armorm.json` row: the `_ins_5res` row plus the scores and the preference pair,
 * each sample's answer, their agreement and the pair's evidence. A skipped pair keeps its row (so
 * every problem's scores stay auditable) with `chosen` and `rejected` null and `pair.skip_reason`
 * saying why; the DPO export leaves such rows out.
 */
export function ins5resArmormRow(problem: ProblemRecord, samples: SamplesRecord, rewards: RewardsRecord, slot: SlotRecords = {}): Ins5resArmormRow {
  return {
    ...magpieBase(problem, null, samples.gen_response_configs),
    responses: [...samples.responses],
    rewards_armorm: rewards.rewards_armorm.map(({ score }) => ({ score })),
    chosen: messages(rewards.chosen),
    rejected: messages(rewards.rejected),
    ...provenance(problem),
    reasonings: [...samples.reasonings],
    finish_reasons: [...samples.finishReasons],
    adaptive_sampling: adaptiveRow(samples.adaptive),
    answers: [...rewards.answers],
    agreement: agreementRow(rewards.agreement),
    pair: pairRow(rewards.pair),
    lineage: lineageRow(problem, { ...slot, samples, rewards }),
  };
}
