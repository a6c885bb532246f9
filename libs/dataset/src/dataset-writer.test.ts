import { mkdtemp, readdir, readFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyQualitySummary, type AnyRecord } from '@magpie/contracts';
import { DatasetWriter, type DatasetWriterOptions } from './dataset-writer.js';
import type { DatasetInfo, DatasetRunInfo } from './dataset-info.js';
import { DatasetWriterError } from './errors.js';
import {
  DPO_FIELDS,
  GEN_RESPONSE_CONFIGS_FIELDS,
  INS_5RES_ARMORM_FIELDS,
  INS_5RES_FIELDS,
  INS_FIELDS,
  INS_RES_FIELDS,
  MESSAGES_FIELDS,
  SHAREGPT_FIELDS,
} from './magpie-fields.js';
import { fixtures } from '@magpie/testing';

const { RUN_ID, SPEC, completeRun, contaminatedProblem, problem, rewards, samples, skippedRewards, solution, tags, verifiedRewards } = fixtures;

const RUN: DatasetRunInfo = {
  spec: SPEC,
  status: 'succeeded',
  startedAt: '2025-11-25T16:00:00.000Z',
  finishedAt: '2025-11-25T16:05:00.000Z',
  platform: { name: 'magpie-reasoning', version: '0.1.0' },
};

const PREFIX = 'Magpie_DeepSeek-R1-Distill-Qwen-32B_4_1764086400';
const f = (suffix: string): string => `${PREFIX}_${suffix}`;
/** The JSONL and Parquet copies and exports of a 4-problem run where every problem is in every file. */
const COPIES_OF_4 = ['ins_res.jsonl', 'ins_5res_armorm.jsonl', 'sharegpt.jsonl', 'messages.jsonl', 'dpo.jsonl']
  .concat(['ins', 'ins_res', 'ins_5res_armorm', 'sharegpt', 'messages', 'dpo'].map((kind) => `${kind}.parquet`))
  .map((suffix) => ({ name: f(suffix), records: 4 }));

let dir: string;

function options(overrides: Partial<DatasetWriterOptions> = {}): DatasetWriterOptions {
  return { dir, domain: 'algebra', runId: RUN_ID, model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', count: 4, timestamp: 1_764_086_400, ...overrides };
}

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'dataset-writer-')), 'out');
});

afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

async function readJson(name: string): Promise<Record<string, unknown>[]> {
  return JSON.parse(await readFile(join(dir, name), 'utf8')) as Record<string, unknown>[];
}

async function readJsonl(name: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(dir, name), 'utf8');
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Newest first: every stage record arrives before its problem and ids arrive descending. */
function arrivalOrder<T>(items: T[]): T[] {
  return [...items].reverse();
}

async function writeAll(records: AnyRecord[], run: DatasetRunInfo = RUN, overrides: Partial<DatasetWriterOptions> = {}) {
  const writer = await DatasetWriter.create(options(overrides));
  for (const record of records) await writer.add(record);
  return writer.finish(run);
}

describe('DatasetWriter', () => {
  it('joins records that arrive in any order and sorts every file by id', async () => {
    const records = arrivalOrder(completeRun(4));
    expect(records[0]?.kind).not.toBe('problem');
    const summary = await writeAll(records);

    for (const name of [f('ins.json'), f('ins_res.json'), f('ins_5res.json'), f('ins_5res_armorm.json')]) {
      expect((await readJson(name)).map((row) => row.id)).toEqual([0, 1, 2, 3]);
    }
    expect(summary.files).toEqual([
      { name: f('ins.json'), records: 4 },
      { name: f('ins_res.json'), records: 4 },
      { name: f('ins_5res.json'), records: 4 },
      { name: f('ins_5res_armorm.json'), records: 4 },
      ...COPIES_OF_4,
      { name: 'dataset_info.json', records: 1 },
      { name: 'README.md', records: 1 },
    ]);
    expect(summary.info.complete).toBe(true);
  });

  it("writes Magpie's fields first, then ours, in every file (the lists in magpie-fields.ts)", async () => {
    await writeAll(completeRun(2));
    const [ins] = await readJson(f('ins.json'));
    expect(Object.keys(ins ?? {})).toEqual([...INS_FIELDS]);
    expect(ins).toEqual({
      id: 0,
      pre_query_template: '<｜begin▁of▁sentence｜><｜User｜>',
      instruction: 'Solve x^2 - 1 = 0. Ünïcode ✓',
      response: null,
      created: 1_732_550_000,
      gen_input_configs: { temperature: 1.2, top_p: 1, input_generator: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', seed: 42 },
      gen_response_configs: null,
      record_id: `${RUN_ID}:problem:0`,
      run_id: RUN_ID,
      domain: 'algebra',
      subtopic: 'quadratics',
    });

    const [res] = await readJson(f('ins_res.json'));
    expect(Object.keys(res ?? {})).toEqual([...INS_RES_FIELDS]);
    expect(res).toMatchObject({ response: 'x = ±√1', reasoning: 'think hard', finish_reason: 'stop', answer: '\\pm\\sqrt{1}' });
    expect(res?.gen_response_configs).toEqual(solution(0).gen_response_configs);
    expect(Object.keys(res?.gen_response_configs as object)).toEqual([...GEN_RESPONSE_CONFIGS_FIELDS]);

    const [fiveRes] = await readJson(f('ins_5res.json'));
    expect(Object.keys(fiveRes ?? {})).toEqual([...INS_5RES_FIELDS]);
    expect(fiveRes).toMatchObject({ response: null, responses: ['a', 'b', 'c'], gen_response_configs: samples(0).gen_response_configs });

    const [armorm] = await readJson(f('ins_5res_armorm.json'));
    expect(Object.keys(armorm ?? {})).toEqual([...INS_5RES_ARMORM_FIELDS]);
    expect(armorm).toMatchObject({
      rewards_armorm: verifiedRewards(0).rewards_armorm,
      chosen: verifiedRewards(0).chosen,
      rejected: verifiedRewards(0).rejected,
      answers: verifiedRewards(0).answers,
      finish_reasons: samples(0).finishReasons,
      reasonings: samples(0).reasonings,
      pair: { rule: 'correctness', kind: 'style', verified: true },
      lineage: { solver_seed: 1_000, sampler_seeds: [2_000], reward_model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1' },
    });
    expect(res).toMatchObject({ verified: true, verdict: { outcome: 'verified' }, agreement: { level: 'unanimous' } });

    expect(await readJsonl(f('ins_res.jsonl'))).toEqual(await readJson(f('ins_res.json')));
    expect(await readJsonl(f('ins_5res_armorm.jsonl'))).toEqual(await readJson(f('ins_5res_armorm.json')));
    for (const row of await readJsonl(f('sharegpt.jsonl'))) expect(Object.keys(row)).toEqual([...SHAREGPT_FIELDS]);
    for (const row of await readJsonl(f('messages.jsonl'))) expect(Object.keys(row)).toEqual([...MESSAGES_FIELDS]);
    for (const row of await readJsonl(f('dpo.jsonl'))) expect(Object.keys(row)).toEqual([...DPO_FIELDS]);
  });

  it('writes one JSONL line per row and exports only what each training format can use', async () => {
    const records = [
      ...completeRun(3),
      solution(3), // problem 3 solved but cut off: in _ins_res, not verified, so in no training export
      problem(3),
      samples(3),
      skippedRewards(3),
    ].map((r) => (r.kind === 'solution' && r.id === 3 ? { ...r, finishReason: 'length' as const } : r));
    const summary = await writeAll(records);
    const lines = async (name: string): Promise<number> => (await readFile(join(dir, name), 'utf8')).split('\n').length - 1;
    expect(await lines(f('ins_res.jsonl'))).toBe(4);
    expect(await lines(f('ins_5res_armorm.jsonl'))).toBe(4);
    expect(await lines(f('sharegpt.jsonl'))).toBe(3);
    expect(await lines(f('messages.jsonl'))).toBe(3);
    expect(await lines(f('dpo.jsonl'))).toBe(3);
    const armorm = await readJsonl(f('ins_5res_armorm.jsonl'));
    expect(armorm[3]).toMatchObject({ id: 3, chosen: null, rejected: null, pair: { skip_reason: 'chosen_equals_rejected' } });
    expect((await readJsonl(f('ins_res.jsonl')))[3]).toMatchObject({ id: 3, finish_reason: 'length', verified: false });
    expect(summary.info).toMatchObject({
      dataset: { pairs_emitted: 3, pairs_skipped: 1, sft_excluded: 0, sft_unverified_excluded: 1, pairs_unverified_excluded: 0 },
      skipped_pairs: { chosen_equals_rejected: 1 },
      exports: { keep_unverified: false },
    });
    const byName = Object.fromEntries(summary.files.map((file) => [file.name, file.records]));
    expect(byName).toMatchObject({ [f('sharegpt.jsonl')]: 3, [f('messages.jsonl')]: 3, [f('dpo.jsonl')]: 3 });
  });

  it('keeps unverified solutions and pairs out of the training exports by default, and in them with keepUnverified', async () => {
    // Slot 0 verified; slot 1 evaluated but unverified (pair kept, its chosen answer unverified); slot 2 cut off; slot 3 never evaluated.
    const records = [
      ...[0, 1, 2, 3].map((id) => problem(id)),
      ...[0, 1, 2, 3].map((id) => (id === 2 ? { ...solution(id), finishReason: 'length' as const, answer: null } : solution(id))),
      ...[0, 1, 2].map((id) => samples(id)),
      verifiedRewards(0),
      rewards(1),
      { ...rewards(2), sft: { ...rewards(2).sft, answer: null, verified: false, outcome: 'no_answer' as const } },
    ];
    const strict = await writeAll(records, { ...RUN, status: 'cancelled' });
    expect(strict.info.dataset).toMatchObject({ sft_excluded: 0, sft_unverified_excluded: 3, pairs_unverified_excluded: 2 });
    expect((await readJsonl(f('messages.jsonl'))).length).toBe(1);
    expect((await readJsonl(f('sharegpt.jsonl'))).map((r) => [r.record_id, r.verified])).toEqual([[`${RUN_ID}:problem:0`, true]]);
    expect(await readJsonl(f('dpo.jsonl'))).toEqual([{ prompt: problem(0).instruction, chosen: 'c', rejected: 'b' }]);
    // _ins_res keeps every solution, with its flag.
    expect((await readJson(f('ins_res.json'))).map((r) => r.verified)).toEqual([true, false, false, null]);

    await rm(dir, { recursive: true, force: true });
    const all = await writeAll(records, { ...RUN, status: 'cancelled' }, { keepUnverified: true });
    expect(all.info.dataset).toMatchObject({ sft_excluded: 1, sft_unverified_excluded: 0, pairs_unverified_excluded: 0 });
    expect(all.info.exports).toEqual({ keep_unverified: true });
    expect((await readJsonl(f('sharegpt.jsonl'))).map((r) => r.verified)).toEqual([true, false, false, null]);
    expect(await readJsonl(f('messages.jsonl'))).toHaveLength(3);
    expect(await readJsonl(f('dpo.jsonl'))).toHaveLength(3);
  });

  it('lays JSON arrays out like json.dump(indent=2) and writes [] for an empty file', async () => {
    await writeAll([problem(0)], { ...RUN, status: 'failed', reason: 'dead letters' });
    const text = await readFile(join(dir, f('ins.json')), 'utf8');
    expect(text.startsWith('[\n  {\n    "id": 0,\n    "pre_query_template": ')).toBe(true);
    expect(text).toContain('\n    "gen_input_configs": {\n      "temperature": 1.2,');
    expect(text.endsWith('\n  }\n]\n')).toBe(true);
    expect(await readFile(join(dir, f('ins_res.json')), 'utf8')).toBe('[]\n');
    expect(await readFile(join(dir, f('ins_res.jsonl')), 'utf8')).toBe('');
  });

  it('ignores duplicates by record id and counts them', async () => {
    const writer = await DatasetWriter.create(options());
    expect(await writer.add(problem(0))).toBe(true);
    expect(await writer.add(problem(0))).toBe(false);
    expect(await writer.add(solution(0))).toBe(true);
    expect(await writer.add({ ...solution(0), response: 'a replayed copy' })).toBe(false);
    expect(await writer.add({ ...solution(0), recordId: 'other-id-same-slot' })).toBe(false);
    const summary = await writer.finish({ ...RUN, status: 'cancelled', reason: 'user' });
    expect(summary.info.dataset.duplicates_ignored).toBe(3);
    expect(summary.files.filter((file) => /_ins(_res)?\.json$/.test(file.name)).map((file) => file.records)).toEqual([1, 1]);
    expect(await readJson(f('ins_res.json'))).toHaveLength(1);
    expect((await readJson(f('ins_res.json')))[0]?.response).toBe('x = ±√1');
  });

  it('accepts concurrent adds, duplicates included', async () => {
    const writer = await DatasetWriter.create(options());
    const records = completeRun(4);
    const accepted = await Promise.all([...records, ...records].map((r) => writer.add(r)));
    expect(accepted.filter(Boolean)).toHaveLength(16);
    await writer.finish(RUN);
    expect(await readJsonl(f('ins_5res_armorm.jsonl'))).toHaveLength(4);
  });

  it('puts a problem in a later file only when that stage record exists', async () => {
    const records = [
      ...[0, 1, 2, 3].map((id) => problem(id)),
      solution(0),
      solution(2),
      samples(0),
      samples(1),
      rewards(0),
      rewards(3), // no samples for 3: not in the armorm files
      solution(9), // no problem 9: an orphan, in no file
    ];
    const summary = await writeAll(arrivalOrder(records), { ...RUN, status: 'cancelled', reason: 'user cancelled' });

    expect((await readJson(f('ins.json'))).map((r) => r.id)).toEqual([0, 1, 2, 3]);
    expect((await readJson(f('ins_res.json'))).map((r) => r.id)).toEqual([0, 2]);
    expect((await readJson(f('ins_5res.json'))).map((r) => r.id)).toEqual([0, 1]);
    expect((await readJson(f('ins_5res_armorm.json'))).map((r) => r.id)).toEqual([0]);
    expect(await readJsonl(f('ins_res.jsonl'))).toHaveLength(2);
    expect(await readJsonl(f('ins_5res_armorm.jsonl'))).toHaveLength(1);

    const info = JSON.parse(await readFile(join(dir, 'dataset_info.json'), 'utf8')) as DatasetInfo;
    expect(info).toEqual(summary.info);
    expect(info.complete).toBe(false);
    expect(info.status).toBe('cancelled');
    expect(info.reason).toBe('user cancelled');
    expect(info.note).toMatch(/was cancelled: 1 of 4 problems are in every file/);
    // The run's own counts come from the platform; without them the file says so rather than recount.
    expect(info.counts).toBeNull();
    expect(info.dataset).toEqual({
      complete_problems: 1,
      duplicates_ignored: 0,
      orphaned: 1,
      pairs_emitted: 2,
      pairs_skipped: 0,
      sft_excluded: 0,
      training_excluded: { sft: {}, dpo: {} },
      sft_unverified_excluded: 2,
      pairs_unverified_excluded: 2,
    });
    // 0 and 3 have pairs (a pair needs only its problem), but neither chosen answer is verified.
    expect(await readJsonl(f('dpo.jsonl'))).toHaveLength(0);
    expect(info.quality).toBeNull();
  });

  it('writes dataset_info.json with stages, sampling, filters, rejections, usage, platform, times and files', async () => {
    const quality = {
      ...emptyQualitySummary(),
      agreement: { unanimous: 3, strict: 1, plurality: 0, tie: 0, no_answer: 0 },
      sft: { verified: 3, unverified: 1, verifiedShare: 0.75, unverifiedByOutcome: { majority_below_share: 1 } },
      pairs: { kept: 4, keptByKind: { style: 3, correctness: 1 }, skipped: 0, skippedByReason: {} },
      adaptiveSampling: { stoppedEarly: 3, extended: 1, completionTokensSaved: 9_000, extensionPromptTokens: 120 },
      duplicates: { exact: 0, near: 3 },
    };
    const counts = {
      records: { problem: 4, solution: 4, samples: 4, rewards: 4, tags: 0 },
      deadLettered: 0,
      rejections: { too_short: 2, near_duplicate: 3 },
      flags: {},
      quality,
    };
    const summary = await writeAll(completeRun(4), { ...RUN, counts });
    const info = JSON.parse(await readFile(join(dir, 'dataset_info.json'), 'utf8')) as DatasetInfo;
    expect(info).toEqual(summary.info);
    expect(info).toMatchObject({
      run_id: RUN_ID,
      domain: 'algebra',
      subtopics: ['quadratics'],
      problems_per_subtopic: { polynomials: 2, quadratics: 2 },
      status: 'succeeded',
      reason: null,
      complete: true,
      platform: { name: 'magpie-reasoning', version: '0.1.0' },
      started_at: '2025-11-25T16:00:00.000Z',
      finished_at: '2025-11-25T16:05:00.000Z',
      count: 4,
      samples_per_problem: 3,
      reward_model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1',
      seed: 7,
      file_prefix: PREFIX,
      timestamp: 1_764_086_400,
      stages: {
        generator: { model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', temperature: 1.2, top_p: 1, max_tokens: 1024 },
        solver: { model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', temperature: 0.1, top_p: 1, max_tokens: 16384 },
        sampler: { model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', temperature: 0.8, top_p: 0.95, max_tokens: 16384, samples_per_problem: 3 },
        reward: { model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1', pair_rule: 'correctness', min_reward_margin: 0, style_pairs: false, verify_share: 0.6 },
      },
      adaptive_sampling: null,
      exports: { keep_unverified: false },
      filters: { min_chars: 10, max_chars: 4000, near_duplicate_threshold: 0.85, sanitize: false, require_math: true },
      data_quality: {
        dataset: null,
        dedup: { mask_values: false, embedding_model: null, embedding_threshold: 0.975 },
        decontamination: { mode: 'off', ngram: 13 },
        tags: { enabled: false, model: 'meta-llama/Meta-Llama-3-8B-Instruct', min_quality: 'good', min_difficulty: 'medium', min_reward: null },
      },
      counts: { records: { problem: 4, solution: 4, samples: 4, rewards: 4, tags: 0 }, dead_lettered: 0, rejections: { near_duplicate: 3, too_short: 2 }, flags: {} },
      quality: {
        agreement: { unanimous: 3, strict: 1, plurality: 0, tie: 0, no_answer: 0 },
        sft: { verified: 3, unverified: 1, verified_share: 0.75, unverified_by_outcome: { majority_below_share: 1 } },
        pairs: { kept: 4, kept_by_kind: { correctness: 1, style: 3 }, skipped: 0, skipped_by_reason: {} },
        adaptive_sampling: { stopped_early: 3, extended: 1, completion_tokens_saved: 9_000, extension_prompt_tokens: 120 },
        duplicates: { exact: 0, near: 3 },
        contamination: { flagged: 0, removed: 0 },
      },
      dataset: {
        complete_problems: 4,
        duplicates_ignored: 0,
        orphaned: 0,
        pairs_emitted: 4,
        pairs_skipped: 0,
        sft_excluded: 0,
        training_excluded: { sft: {}, dpo: {} },
        sft_unverified_excluded: 0,
        pairs_unverified_excluded: 0,
      },
      skipped_pairs: {},
      usage: {
        // problem(id) completion tokens are 30 + id
        generator: { prompt_tokens: 48, completion_tokens: 126, total_tokens: 174 },
        solver: { prompt_tokens: 160, completion_tokens: 1600, total_tokens: 1760 },
        sampler: { prompt_tokens: 480, completion_tokens: 4800, total_tokens: 5280 },
      },
    });
    expect(Object.keys(info.counts?.rejections ?? {})).toEqual(['near_duplicate', 'too_short']);
    expect(info.files).toEqual([
      { name: f('ins.json'), records: 4 },
      { name: f('ins_res.json'), records: 4 },
      { name: f('ins_5res.json'), records: 4 },
      { name: f('ins_5res_armorm.json'), records: 4 },
      ...COPIES_OF_4,
    ]);
  });

  it("carries tags and contamination into Magpie's files and keeps what the recipe rejects out of the training exports", async () => {
    // 0: tags pass; 1: easy (below medium); 2: contaminated (flag mode); 3: untagged.
    const records = [...completeRun(4).filter((r) => !(r.kind === 'problem' && r.id === 2)), contaminatedProblem(2), tags(0), tags(1), tags(2)];
    const recipe = { ...SPEC.tags, enabled: true, minReward: 0.2 };
    const summary = await writeAll(records, { ...RUN, spec: { ...SPEC, tags: recipe } });
    const insRes = await readJson(f('ins_res.json'));
    expect(insRes[0]).toMatchObject({ difficulty: 'medium', input_quality: 'good', task_category: 'Math', difficulty_generator: 'meta-llama/Meta-Llama-3-8B-Instruct' });
    expect(insRes[2]).toMatchObject({ contamination: { file: 'gsm8k.jsonl', line: 3, item_id: 'gsm8k-test-3' } });
    expect(insRes[3]).toMatchObject({ difficulty: null, other_task_category: null, contamination: null });
    expect((await readJsonl(f('messages.jsonl'))).length).toBe(1);
    expect((await readJsonl(f('sharegpt.jsonl'))).map((r) => r.instruction)).toEqual([problem(0).instruction]);
    // The fixture's chosen reward is 0.25: at least the minimum, so problem 0's pair stays.
    expect(await readJsonl(f('dpo.jsonl'))).toHaveLength(1);
    expect(summary.info.dataset.training_excluded).toEqual({
      sft: { contaminated: 1, difficulty_below_minimum: 1, untagged: 1 },
      dpo: { contaminated: 1, difficulty_below_minimum: 1, untagged: 1 },
    });
    // Rewritten with a minimum above the chosen reward, the last pair goes too, with its reason.
    const strict = await writeAll(records, { ...RUN, spec: { ...SPEC, tags: { ...recipe, minReward: 0.3 } } });
    expect(await readJsonl(f('dpo.jsonl'))).toHaveLength(0);
    expect(strict.info.dataset.training_excluded.dpo).toMatchObject({ reward_below_minimum: 4 });
    expect(await readJsonl(f('messages.jsonl'))).toHaveLength(1);
  });

  it('leaves only the final files: no spool, no partial files', async () => {
    await writeAll(completeRun(1));
    expect((await readdir(dir)).sort()).toEqual([
      f('dpo.jsonl'),
      f('dpo.parquet'),
      f('ins.json'),
      f('ins.parquet'),
      f('ins_5res.json'),
      f('ins_5res_armorm.json'),
      f('ins_5res_armorm.jsonl'),
      f('ins_5res_armorm.parquet'),
      f('ins_res.json'),
      f('ins_res.jsonl'),
      f('ins_res.parquet'),
      f('messages.jsonl'),
      f('messages.parquet'),
      f('sharegpt.jsonl'),
      f('sharegpt.parquet'),
      'README.md',
      'dataset_info.json',
    ]);
  });

  it('refuses records of another run or domain, and adds after finish', async () => {
    const writer = await DatasetWriter.create(options());
    await expect(writer.add({ ...problem(0), runId: 'another-run' })).rejects.toThrow(DatasetWriterError);
    await expect(writer.add({ ...problem(0), domain: 'geometry' })).rejects.toThrow(/domain geometry/);
    await writer.finish(RUN);
    await expect(writer.add(problem(1))).rejects.toThrow(/after finish/);
    await expect(writer.finish(RUN)).rejects.toThrow(/twice/);
  });

  it('refuses a directory that already holds a spool', async () => {
    await mkdir(join(dir, '.spool'), { recursive: true });
    await expect(DatasetWriter.create(options())).rejects.toThrow(DatasetWriterError);
  });

  it('discard removes the spool and writes nothing', async () => {
    const writer = await DatasetWriter.create(options());
    await writer.add(problem(0));
    await writer.discard();
    expect(await readdir(dir)).toEqual([]);
  });
});
