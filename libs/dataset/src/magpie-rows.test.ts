import { describe, expect, it } from 'vitest';
import { fixtures } from '@magpie/testing';
import { dpoRow } from './dpo-row.js';
import {
  DPO_FIELDS,
  GEN_INPUT_CONFIGS_FIELDS,
  GEN_RESPONSE_CONFIGS_FIELDS,
  INS_5RES_ARMORM_FIELDS,
  INS_5RES_FIELDS,
  INS_FIELDS,
  INS_RES_FIELDS,
  MAGPIE_INS_5RES_ARMORM_FIELDS,
  MAGPIE_INS_5RES_FIELDS,
  MAGPIE_INS_FIELDS,
  MAGPIE_SHAREGPT_FIELDS,
  AGREEMENT_FIELDS,
  LINEAGE_FIELDS,
  MESSAGES_FIELDS,
  PAIR_FIELDS,
  VERDICT_FIELDS,
  SHAREGPT_FIELDS,
  SHAREGPT_GEN_INPUT_CONFIGS_FIELDS,
} from './magpie-fields.js';
import { ins5resArmormRow, ins5resRow, insResRow, insRow } from './magpie-rows.js';
import { isSftReady, messagesRow } from './messages-row.js';
import { sharegptRow } from './sharegpt-row.js';

const { RUN_ID, adaptiveSamples, problem, rewards, samples, skippedRewards, solution, verifiedRewards } = fixtures;
const keys = (row: unknown): string[] => Object.keys(row as object);

describe("Magpie's field lists", () => {
  // Written out by hand from the reference (§2-§6), not derived, so a change to the constants fails here.
  it('match the reference', () => {
    const ins = ['id', 'pre_query_template', 'instruction', 'response', 'created', 'gen_input_configs', 'gen_response_configs'];
    expect([...MAGPIE_INS_FIELDS]).toEqual(ins);
    expect([...MAGPIE_INS_5RES_FIELDS]).toEqual([...ins, 'responses']);
    expect([...MAGPIE_INS_5RES_ARMORM_FIELDS]).toEqual([...ins, 'responses', 'rewards_armorm', 'chosen', 'rejected']);
    expect([...GEN_INPUT_CONFIGS_FIELDS]).toEqual(['temperature', 'top_p', 'input_generator', 'seed']);
    expect([...GEN_RESPONSE_CONFIGS_FIELDS]).toEqual([
      'prompt',
      'temperature',
      'top_p',
      'repetition_penalty',
      'max_tokens',
      'stop_tokens',
      'output_generator',
      'engine',
    ]);
    expect([...MAGPIE_SHAREGPT_FIELDS]).toEqual(['conversation_id', 'instruction', 'response', 'conversations', 'gen_input_configs', 'gen_response_configs']);
  });

  it('put every extra field after the Magpie fields', () => {
    expect(INS_FIELDS.slice(0, 7)).toEqual([...MAGPIE_INS_FIELDS]);
    expect(INS_RES_FIELDS.slice(0, 7)).toEqual([...MAGPIE_INS_FIELDS]);
    expect(INS_5RES_FIELDS.slice(0, 8)).toEqual([...MAGPIE_INS_5RES_FIELDS]);
    expect(INS_5RES_ARMORM_FIELDS.slice(0, 11)).toEqual([...MAGPIE_INS_5RES_ARMORM_FIELDS]);
    expect(SHAREGPT_FIELDS.slice(0, 6)).toEqual([...MAGPIE_SHAREGPT_FIELDS]);
    const provenance = ['record_id', 'run_id', 'domain', 'subtopic'];
    const findings = [
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
      'contamination',
    ];
    expect(INS_RES_FIELDS.slice(7)).toEqual([...provenance, 'reasoning', 'finish_reason', 'answer', 'verified', 'verdict', 'agreement', 'lineage', ...findings]);
    expect(SHAREGPT_FIELDS.slice(6)).toEqual([...provenance, 'finish_reason', 'answer', 'verified', 'lineage', ...findings]);
    expect(INS_5RES_FIELDS.slice(8)).toEqual([...provenance, 'reasonings', 'finish_reasons', 'adaptive_sampling', 'lineage']);
    expect(INS_5RES_ARMORM_FIELDS.slice(11)).toEqual([
      ...provenance,
      'reasonings',
      'finish_reasons',
      'adaptive_sampling',
      'answers',
      'agreement',
      'pair',
      'lineage',
    ]);
  });
});

describe('row builders', () => {
  it('write exactly the listed fields, in order, for every file', () => {
    expect(keys(insRow(problem(0)))).toEqual([...INS_FIELDS]);
    expect(keys(insResRow(problem(0), solution(0)))).toEqual([...INS_RES_FIELDS]);
    expect(keys(ins5resRow(problem(0), samples(0)))).toEqual([...INS_5RES_FIELDS]);
    const armorm = ins5resArmormRow(problem(0), samples(0), rewards(0));
    expect(keys(armorm)).toEqual([...INS_5RES_ARMORM_FIELDS]);
    expect(keys(armorm.pair)).toEqual([...PAIR_FIELDS]);
    expect(keys(armorm.agreement)).toEqual([...AGREEMENT_FIELDS]);
    expect(keys(armorm.lineage)).toEqual([...LINEAGE_FIELDS]);
    expect(keys(insResRow(problem(0), solution(0), { rewards: rewards(0) }).verdict)).toEqual([...VERDICT_FIELDS]);
    expect(keys(insRow(problem(0)).gen_input_configs)).toEqual([...GEN_INPUT_CONFIGS_FIELDS]);
    expect(keys(insResRow(problem(0), solution(0)).gen_response_configs)).toEqual([...GEN_RESPONSE_CONFIGS_FIELDS]);
    expect(keys(sharegptRow(problem(0), solution(0), 1))).toEqual([...SHAREGPT_FIELDS]);
    expect(keys(messagesRow(problem(0), solution(0)))).toEqual([...MESSAGES_FIELDS]);
    expect(keys(dpoRow(problem(0), rewards(0)))).toEqual([...DPO_FIELDS]);
  });

  it('carry the solver extras, the verdict once the problem is evaluated, and the lineage', () => {
    expect(insResRow(problem(1), solution(1))).toMatchObject({
      reasoning: 'think hard',
      finish_reason: 'stop',
      answer: '\\pm\\sqrt{2}',
      verified: null,
      verdict: null,
      agreement: null,
      lineage: { generator_seed: 42, solver_seed: 1_001, sampler_seeds: [], reward_model: null },
    });
    const evaluated = insResRow(problem(0), solution(0), { samples: samples(0), rewards: verifiedRewards(0) });
    expect(evaluated).toMatchObject({
      verified: true,
      verdict: { outcome: 'verified', agreeing_samples: 3, samples: 3, required_share: 0.6 },
      agreement: { level: 'unanimous', votes_cast: 4, majority_answer: '2', groups: [{ answer: '2', members: [0, 1, 2, 3], votes: 4, sample_votes: 3 }] },
      lineage: { generator_seed: 42, solver_seed: 1_000, sampler_seeds: [2_000], reward_model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1' },
    });
    expect(insResRow(problem(0), solution(0), { rewards: rewards(0) })).toMatchObject({ verified: false, verdict: { outcome: 'majority_below_share' } });
  });

  it("carry each sample's reasoning, finish reason and adaptive sampling in the 5res rows", () => {
    expect(ins5resRow(problem(0), samples(0))).toMatchObject({ reasonings: ['r1', null, 'r3'], finish_reasons: ['stop', 'length', 'stop'], adaptive_sampling: null, lineage: { sampler_seeds: [2_000] } });
    expect(ins5resRow(problem(1), adaptiveSamples(1)).adaptive_sampling).toEqual({
      initial_samples: 3,
      max_samples: 8,
      extended: false,
      completion_tokens_saved: 2_000,
      extension_prompt_tokens: 0,
    });
  });

  it('carry the answers, their agreement and the pair with its votes in the armorm rows', () => {
    expect(ins5resArmormRow(problem(0), samples(0), rewards(0))).toMatchObject({
      finish_reasons: ['stop', 'length', 'stop'],
      answers: ['2', null, '3'],
      agreement: { level: 'strict', voters: 4, votes_cast: 3, majority_votes: 2, strict: true },
      pair: {
        rule: 'correctness',
        kind: 'correctness',
        chosen_index: 0,
        rejected_index: 2,
        chosen_answer: '2',
        rejected_answer: '3',
        chosen_votes: 2,
        rejected_votes: 1,
        margin: -0.14,
        majority_answer: '2',
        verified: false,
        skip_reason: null,
      },
      lineage: { solver_seed: 1_000, sampler_seeds: [2_000], reward_model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1' },
    });
  });

  it('keep a skipped pair as a row with chosen/rejected null and the skip reason, and leave it out of DPO', () => {
    const row = ins5resArmormRow(problem(1), samples(1), skippedRewards(1));
    expect(row).toMatchObject({ chosen: null, rejected: null, pair: { skip_reason: 'chosen_equals_rejected', chosen_index: null } });
    expect(row.rewards_armorm).toEqual(rewards(1).rewards_armorm);
    expect(dpoRow(problem(1), skippedRewards(1))).toBeUndefined();
    expect(dpoRow(problem(0), rewards(0))).toEqual({ prompt: problem(0).instruction, chosen: 'a', rejected: 'c' });
  });
});

describe('ShareGPT and messages exports', () => {
  it("convert like Magpie's data_concatenation, with the reasoning in <think>", () => {
    const row = sharegptRow(problem(3), solution(3), 1_764_086_400);
    const response = '<think>\nthink hard\n</think>\n\nx = ±√4';
    expect(row).toEqual({
      conversation_id: 'DeepSeek-R1-Distill-Qwen-32B_algebra_1764086400_3',
      instruction: 'Solve x^2 - 4 = 0. Ünïcode ✓',
      response,
      conversations: [
        { from: 'human', value: 'Solve x^2 - 4 = 0. Ünïcode ✓' },
        { from: 'gpt', value: response },
      ],
      gen_input_configs: {
        temperature: 1.2,
        top_p: 1,
        input_generator: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
        seed: 42,
        pre_query_template: '<｜begin▁of▁sentence｜><｜User｜>',
      },
      gen_response_configs: solution(3).gen_response_configs,
      record_id: `${RUN_ID}:problem:3`,
      run_id: RUN_ID,
      domain: 'algebra',
      subtopic: 'polynomials',
      finish_reason: 'stop',
      answer: '\\pm\\sqrt{4}',
      verified: null,
      lineage: { generator_seed: 42, solver_seed: 1_003, sampler_seeds: [], reward_model: null },
      intent: null,
      knowledge: null,
      difficulty: null,
      difficulty_generator: null,
      input_quality: null,
      quality_explanation: null,
      quality_generator: null,
      task_category: null,
      other_task_category: null,
      task_category_generator: null,
      contamination: null,
    });
    expect(keys(row.gen_input_configs)).toEqual([...SHAREGPT_GEN_INPUT_CONFIGS_FIELDS]);
  });

  it('use the plain response when the model did not reason', () => {
    expect(sharegptRow(problem(0), solution(0, null), 1).response).toBe('x = ±√1');
    expect(messagesRow(problem(0), solution(0, null))).toEqual({
      messages: [
        { role: 'user', content: 'Solve x^2 - 1 = 0. Ünïcode ✓' },
        { role: 'assistant', content: 'x = ±√1' },
      ],
    });
  });

  it('keep cut-off or empty solutions out of the SFT export', () => {
    expect(isSftReady(solution(0))).toBe(true);
    expect(isSftReady({ ...solution(0), finishReason: 'length' })).toBe(false);
    expect(isSftReady({ ...solution(0), response: '  ' })).toBe(false);
  });
});
