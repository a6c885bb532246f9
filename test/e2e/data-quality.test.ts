import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DataQualityOptionsInput, QualityOptionsInput, RecordEvent } from '@magpie/api';
import { waitFor } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';
import { storedRejections as rejectionsOf } from '../support/stored-rejections.js';

// Issue 12, items 6-8, through the real processes: two generator replicas share the duplicate
// index; runs of one dataset dedup against each other, runs without one do not; decontamination
// against the shipped fixture; the tags stage holds the run until every problem is tagged, and
// the CLI's dataset carries the tags and keeps the recipe's rejects out of the training exports.

const execFileAsync = promisify(execFile);
const BENCHMARKS = join(REPO_ROOT, 'services/generator/fixtures/decontamination');
let e2e: E2ePlatform;
let secondGenerator: string;
const outDir = mkdtempSync(join(tmpdir(), 'magpie-e2e-quality-'));

/** Numbers masked: two problems with the same skeleton differ only in their numbers. */
const skeleton = (text: string) => text.replace(/\d+(?:[.,]\d+)*/g, '0');

beforeAll(async () => {
  // Small slot tasks and a small window per replica, so a run is many tasks and both generator
  // replicas hold some at once.
  e2e = await startE2ePlatform({ serviceEnv: { SLOTS_PER_TASK: '4' }, componentEnv: { generator: { DECONTAMINATION_DIR: BENCHMARKS, MAX_NUM_SEQS: '8' } } });
  secondGenerator = await e2e.platform.startReplica('generator');
});
afterAll(() => e2e?.stop());

async function runToEnd(domain: string, count: number, seed: number, options: { data_quality?: DataQualityOptionsInput; quality?: QualityOptionsInput }): Promise<{ runId: string; records: RecordEvent[] }> {
  const started = await e2e.client.startRun({ domain, count, seed, ...options });
  const runId = started.run?.run_id ?? '';
  await waitFor(`run ${runId} to succeed`, async () => (await e2e.client.getRun({ run_id: runId })).status === 'RUN_STATUS_SUCCEEDED', 150_000, 250);
  const records: RecordEvent[] = [];
  for await (const event of e2e.client.streamRecords({ run_id: runId, from_cursor: '0' })) records.push(event);
  return { runId, records };
}

const problemsOf = (records: readonly RecordEvent[]) => records.filter((r) => r.body === 'problem').map((r) => ({ recordId: r.record_id, instruction: r.problem?.instruction ?? '' }));

describe('data quality across replicas and runs', () => {
  let first: { runId: string; records: RecordEvent[] };

  beforeAll(async () => {
    first = await runToEnd('algebra', 60, 11, { data_quality: { dataset: 'e2e-algebra', mask_values: true, tags: true } });
  });

  it('lets two generator replicas share one index: no two problems of the run differ only in their numbers', async () => {
    const problems = problemsOf(first.records);
    expect(problems).toHaveLength(60);
    expect(new Set(problems.map((p) => skeleton(p.instruction))).size).toBe(60);
    const metrics = await (await fetch(`${e2e.platform.healthUrl(secondGenerator)}/metrics`)).text();
    // The second replica handled messages of the run too.
    expect(metrics).toMatch(/^magpie_records_in_total\{[^}]*\} [1-9]\d*$/m);
    const rejections = await rejectionsOf(e2e.platform.natsUrl, first.runId, e2e.platform.natsCredentials('admin'));
    expect(rejections.filter((r) => r.reason === 'near_duplicate').every((r) => r.evidence.method === 'minhash_masked' && (r.evidence.similarity ?? 0) >= 0.85)).toBe(true);
  });

  it('holds a run with tags until every problem is tagged, and counts tags and the recipe flags', async () => {
    const tags = first.records.filter((r) => r.body === 'tags');
    expect(tags).toHaveLength(60);
    const run = await e2e.client.getRun({ run_id: first.runId });
    expect(run.counts?.tags).toBe(60);
    const flagged = tags.filter((t) => t.tags?.tag_filter_reasons.includes('difficulty_below_minimum')).length;
    expect(run.counts?.flags.find((f) => f.flag === 'FLAG_REASON_DIFFICULTY_BELOW_MINIMUM')?.count ?? 0).toBe(flagged);
    expect(tags.every((t) => t.tags?.difficulty_generator === 'meta-llama/Meta-Llama-3-8B-Instruct' && t.tags.task_category === 'Math')).toBe(true);
  });

  it('rejects twins of an earlier run of the same dataset, naming them, and never accepts one', async () => {
    const second = await runToEnd('algebra', 30, 12, { data_quality: { dataset: 'e2e-algebra', mask_values: true } });
    const earlier = new Map(problemsOf(first.records).map((p) => [p.recordId, p.instruction]));
    const rejections = await rejectionsOf(e2e.platform.natsUrl, second.runId, e2e.platform.natsCredentials('admin'));
    const acrossRuns = rejections.filter((r) => r.evidence.twinRecordId?.startsWith(`${first.runId}:`));
    expect(acrossRuns.length).toBeGreaterThan(0);
    for (const r of acrossRuns) expect(earlier.has(r.evidence.twinRecordId ?? '')).toBe(true);
    const earlierSkeletons = new Set([...earlier.values()].map(skeleton));
    for (const p of problemsOf(second.records)) expect(earlierSkeletons.has(skeleton(p.instruction)), p.instruction).toBe(false);
  });

  it('keeps runs without a dataset to themselves', async () => {
    const alone = await runToEnd('algebra', 20, 11, { data_quality: { mask_values: true } });
    const rejections = await rejectionsOf(e2e.platform.natsUrl, alone.runId, e2e.platform.natsCredentials('admin'));
    expect(rejections.filter((r) => r.evidence.twinRecordId && !r.evidence.twinRecordId.startsWith(`${alone.runId}:`))).toEqual([]);
  });
});

describe('magpie run with decontamination and tags', () => {
  let dir: string;
  let stdout: string;

  beforeAll(async () => {
    const out = join(outDir, 'discrete');
    const result = await execFileAsync(
      process.execPath,
      ['tools/cli/bin/magpie.js', 'run', '--domain', 'discrete', '--count', '24', '--out', out, '--gateway', e2e.grpcAddress, '--decontaminate', 'flag', '--tags', '--min-difficulty', 'medium'],
      { cwd: REPO_ROOT, timeout: 170_000 },
    );
    stdout = result.stdout;
    dir = join(out, readdirSync(out)[0] ?? '');
  }, 180_000);

  it("writes unitag's fields into Magpie's files and keeps what the recipe rejects out of the training exports", () => {
    const info = JSON.parse(readFileSync(join(dir, 'dataset_info.json'), 'utf8')) as {
      counts: { records: { tags: number } };
      data_quality: { decontamination: { mode: string }; tags: { enabled: boolean } };
      dataset: { training_excluded: { sft: Record<string, number> }; sft_unverified_excluded: number };
    };
    expect(info.counts.records.tags).toBe(24);
    expect(info.data_quality).toMatchObject({ decontamination: { mode: 'flag' }, tags: { enabled: true } });
    const insRes = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('_ins_res.json')) ?? ''), 'utf8')) as Record<string, unknown>[];
    expect(insRes).toHaveLength(24);
    for (const row of insRes) expect(row).toHaveProperty('difficulty_generator', 'meta-llama/Meta-Llama-3-8B-Instruct');
    const excluded = Object.values(info.dataset.training_excluded.sft).reduce((a, b) => a + b, 0);
    const sharegpt = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('_sharegpt.jsonl')) ?? ''), 'utf8').split('\n').filter(Boolean);
    // The training exports keep what the recipe keeps and the samples verified (verified-only by default).
    const kept = insRes.filter((r) => !r.contamination && ['medium', 'hard', 'very hard'].includes(String(r.difficulty)) && r.verified === true).length;
    expect(sharegpt).toHaveLength(kept);
    // Left out by the recipe or the decontamination (training_excluded), or as unverified.
    expect(excluded + info.dataset.sft_unverified_excluded).toBeGreaterThanOrEqual(24 - kept);
    expect(stdout).toContain(dir);
  });

  it('exports unverified solutions too for a run that asks for keep_unverified, to any client', async () => {
    const { runId } = await runToEnd('algebra', 12, 13, { quality: { keep_unverified: true } });
    const files = new Map<string, Buffer[]>();
    for await (const chunk of e2e.client.exportDataset({ run_id: runId, format: 'DATASET_FORMAT_JSONL' })) {
      files.set(chunk.file_name, [...(files.get(chunk.file_name) ?? []), chunk.data]);
    }
    const text = (suffix: string) => Buffer.concat([...files.entries()].find(([name]) => name.endsWith(suffix))?.[1] ?? []).toString('utf8');
    const info = JSON.parse(text('dataset_info.json')) as { exports: { keep_unverified: boolean }; dataset: { sft_unverified_excluded: number }; quality: { sft: { unverified: number } } };
    expect(info.exports.keep_unverified).toBe(true);
    expect(info.dataset.sft_unverified_excluded).toBe(0);
    // Seed 13 draws some unverified solutions, so the ShareGPT count proves they went in.
    expect(info.quality.sft.unverified).toBeGreaterThan(0);
    expect(text('_sharegpt.jsonl').split('\n').filter(Boolean)).toHaveLength(12);
  });
});
