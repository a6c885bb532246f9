import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMagpieClient, type MagpieClient } from '@magpie/api';
import type { DatasetInfo } from '@magpie/dataset';
import { fixtures } from '@magpie/testing';
import { startFakeGateway, type FakeGateway, type FakeGatewayBehaviour } from '../testing/fake-gateway.js';
import type { ProgressReporter, StageCounts } from './progress-reporter.js';
import { runDataset, type RunDatasetOptions, type RunResult } from './run-dataset.js';

const { RUN_ID, completeRun, problem, skippedRewards } = fixtures;

class RecordingProgress implements ProgressReporter {
  updates: StageCounts[] = [];
  stopped = false;
  update(counts: StageCounts): void {
    this.updates.push({ ...counts });
  }
  stop(): void {
    this.stopped = true;
  }
}

let outDir: string;
let gateway: FakeGateway | undefined;
let client: MagpieClient | undefined;
let out: string[];
let err: string[];
let progress: RecordingProgress;

beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'run-dataset-'));
  out = [];
  err = [];
  progress = new RecordingProgress();
});

afterEach(async () => {
  client?.close();
  gateway?.close();
  await rm(outDir, { recursive: true, force: true });
});

async function run(behaviour: FakeGatewayBehaviour, overrides: Partial<RunDatasetOptions> = {}): Promise<number> {
  gateway = await startFakeGateway(behaviour);
  client = createMagpieClient(gateway.address);
  return runDataset({
    client,
    request: { domain: 'algebra', count: 4, model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', subtopics: [], samplesPerProblem: 3, seed: 7 },
    outDir,
    waitMs: 5_000,
    platform: { name: 'magpie-reasoning', version: '9.9.9' },
    signal: new AbortController().signal,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    createProgress: () => progress,
    now: () => new Date(2025, 10, 25, 17, 0, 0),
    retryDelayMs: 10,
    settleMs: 1_000,
    progressIntervalMs: 20,
    ...overrides,
  });
}

const DATASET_DIR = 'DeepSeek-R1-Distill-Qwen-32B_algebra_20251125_170000';
// The file names carry the same instant as unix seconds (the directory's is local time).
const PREFIX = `Magpie_DeepSeek-R1-Distill-Qwen-32B_4_${Math.floor(new Date(2025, 10, 25, 17, 0, 0).getTime() / 1000)}`;

async function readInfo(): Promise<DatasetInfo> {
  return JSON.parse(await readFile(join(outDir, DATASET_DIR, 'dataset_info.json'), 'utf8')) as DatasetInfo;
}

describe('runDataset against a real gRPC gateway', () => {
  it('writes the dataset of a successful run and exits 0', async () => {
    const records = completeRun(4);
    const code = await run({ records: [...records, ...records.slice(0, 3)], finalStatus: 'succeeded' });
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(gateway?.startRequests[0]).toMatchObject({ domain: 'algebra', count: 4, seed: 7, samples_per_problem: 3, subtopics: [] });
    expect(gateway?.startRequests[0]?.client_request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(out[0]).toBe(`run ${RUN_ID} started`);
    expect(out[1]).toMatch(new RegExp(`^dataset: .*${DATASET_DIR}$`));
    expect(out).toContain(`  ${PREFIX}_ins_5res_armorm.jsonl  4`);
    expect(out.at(-1)).toBe(`run ${RUN_ID} succeeded`);
    expect((await readdir(join(outDir, DATASET_DIR))).sort()).toEqual([
      `${PREFIX}_dpo.jsonl`,
      `${PREFIX}_ins.json`,
      `${PREFIX}_ins_5res.json`,
      `${PREFIX}_ins_5res_armorm.json`,
      `${PREFIX}_ins_5res_armorm.jsonl`,
      `${PREFIX}_ins_res.json`,
      `${PREFIX}_ins_res.jsonl`,
      `${PREFIX}_messages.jsonl`,
      `${PREFIX}_sharegpt.jsonl`,
      'dataset_info.json',
    ]);
    const info = await readInfo();
    expect(info).toMatchObject({
      run_id: RUN_ID,
      status: 'succeeded',
      complete: true,
      platform: { name: 'magpie-reasoning', version: '9.9.9' },
      started_at: '2025-11-25T16:00:00.000Z',
      finished_at: '2025-11-25T16:05:00.000Z',
      // The run's counts are the platform's (GetRun), not a recount of what arrived, duplicates included.
      counts: { records: { problem: 4, solution: 4, samples: 4, rewards: 4, tags: 0 }, dead_lettered: 0, rejections: {}, flags: {} },
      dataset: { duplicates_ignored: 3, complete_problems: 4 },
    });
    expect(progress.updates.at(-1)).toEqual({ problem: 4, solution: 4, samples: 4, rewards: 4, tags: 0 });
    expect(out).toContain('counts: problems 4, solutions 4, samples 4, rewards 4; dead letters 0; rejected instructions 0');
    expect(progress.stopped).toBe(true);
  });

  it('resumes from the last cursor when the stream breaks with UNAVAILABLE', async () => {
    const code = await run({ records: completeRun(4), finalStatus: 'succeeded', breakAfter: 5 });
    expect(code).toBe(0);
    expect(gateway?.streamRequests.map((r) => r.from_cursor)).toEqual(['0', '5']);
    expect(err).toEqual(['magpie run: stream interrupted (gateway lost its bus connection); resuming after cursor 5']);
    expect(await readInfo()).toMatchObject({ counts: { records: { problem: 4, rewards: 4 } }, dataset: { complete_problems: 4, duplicates_ignored: 0 } });
  });

  it('sends pair rule, reward margin, filters and stage sampling, and records rejections and skipped pairs', async () => {
    const results: RunResult[] = [];
    const records = [...completeRun(3), ...completeRun(4).slice(12, 15), skippedRewards(3)];
    const code = await run(
      { records, finalStatus: 'succeeded', rejections: { near_duplicate: 2, too_short: 1 } },
      {
        request: {
          domain: 'algebra',
          count: 4,
          model: 'deepseek-ai/DeepSeek-R1',
          subtopics: [],
          samplesPerProblem: 5,
          generator: { temperature: 1.2, topP: 1, maxTokens: 3072 },
          solver: { temperature: 0.1 },
          pairRule: 'magpie',
          minRewardMargin: 0.25,
          filters: { nearDuplicateThreshold: 0.9, sanitize: true, minChars: 20, maxChars: 2000 },
          dataQuality: { dataset: 'algebra-v1', maskValues: true, decontamination: 'flag', tags: true, minQuality: null, minDifficulty: 'hard' },
        },
        onFinished: (result) => results.push(result),
      },
    );
    expect(code).toBe(0);
    expect(gateway?.startRequests[0]).toMatchObject({
      model: 'deepseek-ai/DeepSeek-R1',
      generator: { model: '', sampling: { temperature: 1.2, top_p: 1, max_tokens: 3072 } },
      solver: { model: '', sampling: { temperature: 0.1 } },
      sampler: null,
      pair_rule: 'magpie',
      min_reward_margin: 0.25,
      filters: { near_duplicate_threshold: 0.9, sanitize: true, min_chars: 20, max_chars: 2000 },
      data_quality: {
        dataset: 'algebra-v1',
        mask_values: true,
        decontamination: 'DECONTAMINATION_MODE_FLAG',
        tags: true,
        min_quality: 'INPUT_QUALITY_ANY',
        min_difficulty: 'DIFFICULTY_HARD',
        embedding_model: '',
        tagger_model: '',
      },
    });
    expect(gateway?.startRequests[0]?.data_quality).not.toHaveProperty('embedding_threshold');
    expect(gateway?.startRequests[0]?.solver?.sampling?.top_p).toBeUndefined();
    const info = await readInfo();
    expect(info).toMatchObject({
      counts: { rejections: { near_duplicate: 2, too_short: 1 } },
      skipped_pairs: { chosen_equals_rejected: 1 },
      dataset: { pairs_emitted: 3, pairs_skipped: 1 },
    });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ runId: RUN_ID, domain: 'algebra', status: 'succeeded', exitCode: 0 });
  });

  it('leaves pair rule, margin, filters and stage sampling unset when not asked for', async () => {
    await run({ records: completeRun(1), finalStatus: 'succeeded' });
    const request = gateway?.startRequests[0];
    expect(request).toMatchObject({ pair_rule: '', filters: null, data_quality: null, generator: null, solver: null, sampler: null });
    expect(request?.min_reward_margin).toBeUndefined();
  });

  it('prints one line and exits 2 when the gateway rejects the run', async () => {
    const code = await run({
      records: [],
      finalStatus: 'failed',
      startError: { code: grpc.status.INVALID_ARGUMENT, details: 'domain: unknown domain "topology"' },
    });
    expect(code).toBe(2);
    expect(err).toEqual(['magpie run: StartRun failed: INVALID_ARGUMENT: domain: unknown domain "topology"']);
    expect(out).toEqual([]);
    expect(await readdir(outDir)).toEqual([]);
  });

  it('writes what arrived and exits 1 when the run fails', async () => {
    const code = await run({ records: [problem(0), problem(1)], finalStatus: 'failed', reason: '2 records dead-lettered' });
    expect(code).toBe(1);
    const info = await readInfo();
    expect(info).toMatchObject({ status: 'failed', reason: '2 records dead-lettered', complete: false });
    expect(info.files.find((f) => f.name === `${PREFIX}_ins.json`)?.records).toBe(2);
    expect(out.at(-1)).toMatch(/^run run-test_1 failed \(the run failed: 0 of 4 problems are in every file/);
  });

  it('cancels the run on interrupt, writes what arrived and exits 130', async () => {
    const controller = new AbortController();
    progress.update = (counts) => {
      if (counts.problem === 2) controller.abort();
    };
    const code = await run({ records: [problem(0), problem(1)], finalStatus: 'succeeded', hang: true }, { signal: controller.signal });
    expect(code).toBe(130);
    expect(gateway?.cancelRequests).toEqual([{ run_id: RUN_ID, reason: 'cancelled from magpie run (interrupted)' }]);
    expect(err).toContain(`magpie run: interrupted; cancelling run ${RUN_ID}`);
    expect(await readInfo()).toMatchObject({ status: 'cancelled', counts: { records: { problem: 2 } } });
    expect(existsSync(join(outDir, DATASET_DIR, '.spool'))).toBe(false);
  });

  it('exits 130 without starting a run when interrupted while waiting for the gateway', async () => {
    const nowhere = createMagpieClient('127.0.0.1:1');
    const controller = new AbortController();
    try {
      const running = runDataset({
        client: nowhere,
        request: { domain: 'algebra', count: 1, model: 'm', subtopics: [], samplesPerProblem: 2 },
        outDir,
        waitMs: 30_000,
        platform: { name: 'p', version: '1' },
        signal: controller.signal,
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        createProgress: () => progress,
      });
      // Interrupted while it waits for a gateway that will not come.
      controller.abort();
      expect(await running).toBe(130);
      expect(await readdir(outDir)).toEqual([]);
    } finally {
      nowhere.close();
    }
  });

  it('exits 2 when the gateway is not reachable', async () => {
    const nowhere = createMagpieClient('127.0.0.1:1');
    try {
      const code = await runDataset({
        client: nowhere,
        request: { domain: 'algebra', count: 1, model: 'm', subtopics: [], samplesPerProblem: 2 },
        outDir,
        waitMs: 200,
        platform: { name: 'p', version: '1' },
        signal: new AbortController().signal,
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        createProgress: () => progress,
      });
      expect(code).toBe(2);
      expect(err).toEqual(['magpie run: gateway 127.0.0.1:1 is not reachable (waited 200 ms)']);
    } finally {
      nowhere.close();
    }
  });
});
