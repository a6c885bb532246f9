import type { ProblemRecord, SolutionRecord } from '@magpie/contracts';
import { findingsRow, lineageRow, type SlotRecords } from './quality-rows.js';
import { assistantContent } from './assistant-content.js';
import type { SHAREGPT_FIELDS, RowOf } from './magpie-fields.js';
import { inputConfigs, provenance, responseConfigs } from './magpie-rows.js';

export type SharegptRow = RowOf<typeof SHAREGPT_FIELDS>;

/**
 * Magpie's `conversation_id` is `<id_prefix>_<id + start_id>` with a prefix taken from the model
 * name; our prefix adds the domain and the dataset's timestamp so ids stay unique when the
 * exports of several runs (e.g. `magpie generate-all`) are concatenated, as Magpie's start_id did.
 */
export function conversationId(problem: ProblemRecord, timestamp: number): string {
  const model = problem.gen_input_configs.input_generator;
  return `${model.slice(model.lastIndexOf('/') + 1)}_${problem.domain}_${timestamp}_${problem.id}`;
}

/**
 * A `_sharegpt.jsonl` row in the shape of Magpie's data_concatenation.ipynb: `conversations` is
 * [human, gpt] and `gen_input_configs` carries the `pre_query_template`. `response` and the gpt
 * turn hold the reasoning in `<think>` (see assistantContent); the tag fields of a unitag run
 * (difficulty, quality…) are not produced by this platform and are left out.
 */
export function sharegptRow(problem: ProblemRecord, solution: SolutionRecord, timestamp: number, slot: SlotRecords = {}): SharegptRow {
  const response = assistantContent(solution);
  return {
    conversation_id: conversationId(problem, timestamp),
    instruction: problem.instruction,
    response,
    conversations: [
      { from: 'human', value: problem.instruction },
      { from: 'gpt', value: response },
    ],
    gen_input_configs: { ...inputConfigs(problem.gen_input_configs), pre_query_template: problem.pre_query_template },
    gen_response_configs: responseConfigs(solution.gen_response_configs),
    ...provenance(problem),
    finish_reason: solution.finishReason,
    answer: solution.answer,
    verified: slot.rewards ? slot.rewards.sft.verified : null,
    lineage: lineageRow(problem, { ...slot, solution }),
    ...findingsRow(problem, slot.tags),
  };
}
