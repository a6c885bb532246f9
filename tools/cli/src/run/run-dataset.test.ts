import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMagpieClient, type MagpieClient } from '@magpie/api';
import { datasetDirName, type DatasetInfo } from '@magpie/dataset';
import { fixtures, waitFor } from '@magpie/testing';
import { startFakeGateway, type FakeGateway, type FakeGatewayBehaviour } from '../testing/fake-gateway.js';
import type { RecordCounts, RunCounts } from '@magpie/contracts';
import { findFreePorts } from '@magpie/launcher';
import { createTranslator } from '../i18n/translator.js';
import type { ProgressReporter } from './progress-reporter.js';
import { runDataset, type RunDatasetOptions, type RunResult } from './run-dataset.js';

const { RUN_ID, completeRun, problem, rewards, samples, skippedRewards, solution } = fixtures;

class RecordingProgress implements ProgressReporter {
  updates: RecordCounts[] = [];
  notices: string[] = [];
  stopped = false;
  update(counts: RunCounts): void {
    this.updates.push({ ...counts.records });
  }
  notice(line: string): void {
    this.notices.push(line);
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
    signal: new AbortController().signal,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    t: createTranslator('en'),
    createProgress: () => progress,
    now: () => new Date(2025, 10, 25, 17, 0, 0),
    retryDelayMs: 10,
    settleMs: 1_000,
    ...overrides,
  });
}

// The run's start names the directory (local time) and, as unix seconds, the files the gateway built.
const CREATED_AT = new Date(fixtures.runState().createdAt);
const DATASET_DIR = datasetDirName('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', 'algebra', CREATED_AT);
const PREFIX = `Magpie_DeepSeek-R1-Distill-Qwen-32B_4_${Math.floor(CREATED_AT.getTime() / 1000)}`;

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
    expect(gateway?.startRequests[0]?.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(out[0]).toBe(`run ${RUN_ID} started`);
    expect(out[1]).toMatch(new RegExp(`^dataset: .*${DATASET_DIR}$`));
    expect(out.some((line) => new RegExp(`^  ${PREFIX}_ins_5res_armorm\\.jsonl +4$`).test(line))).toBe(true);
    expect(out.at(-1)).toBe(`run ${RUN_ID} succeeded`);
    expect((await readdir(join(outDir, DATASET_DIR))).filter((name) => !name.endsWith('.parquet')).sort()).toEqual([
      `${PREFIX}_dpo.jsonl`,
      `${PREFIX}_ins.json`,
      `${PREFIX}_ins_5res.json`,
      `${PREFIX}_ins_5res_armorm.json`,
      `${PREFIX}_ins_5res_armorm.jsonl`,
      `${PREFIX}_ins_res.json`,
      `${PREFIX}_ins_res.jsonl`,
      `${PREFIX}_messages.jsonl`,
      `${PREFIX}_sharegpt.jsonl`,
      'README.md',
      'dataset_info.json',
    ]);
    const info = await readInfo();
    expect(info).toMatchObject({
      run_id: RUN_ID,
      status: 'succeeded',
      complete: true,
        started_at: '2025-11-25T16:00:00.000Z',
      finished_at: '2025-11-25T16:05:00.000Z',
      // The run's counts are the platform's (GetRun), not a recount of what arrived, duplicates included.
      counts: { records: { problem: 4, solution: 4, samples: 4, rewards: 4, tags: 0 }, dead_lettered: 0, rejections: {}, flags: {} },
      dataset: { duplicates_ignored: 3, complete_problems: 4 },
    });
    expect(progress.updates.at(-1)).toEqual({ problem: 4, solution: 4, samples: 4, rewards: 4, tags: 0 });
    expect(out).toContain('counts: problems 4, solutions 4, samples 4, rewards 4; dead letters 0; rejected instructions 0');
    expect(progress.stopped).toBe(true);
    // The files are the gateway's (ExportDataset), not rebuilt here from a record stream.
    expect(gateway?.streamRequests).toEqual([]);
    expect(gateway?.calls.exportDataset).toBe(3);
    expect((await readdir(join(outDir, DATASET_DIR))).filter((name) => name.endsWith('.parquet'))).toHaveLength(6);
  });

  it('opens the progress stream again when it breaks with UNAVAILABLE, and still downloads the whole dataset', async () => {
    const code = await run({ records: completeRun(4), finalStatus: 'succeeded', breakAfter: 5 });
    expect(code).toBe(0);
    expect(gateway?.calls.watchRun).toBe(2);
    expect(err).toEqual([]);
    expect(progress.notices).toEqual(['magpie run: progress stream interrupted (WatchRun failed: UNAVAILABLE: the gateway lost its bus connection); reconnecting']);
    expect(await readInfo()).toMatchObject({ counts: { records: { problem: 4, rewards: 4 } }, dataset: { complete_problems: 4, duplicates_ignored: 0 } });
  });

  it('retries ExportDataset while the gateway is still building the files', async () => {
    const code = await run({ records: completeRun(2), finalStatus: 'succeeded', exportUnavailable: 2 });
    expect(code).toBe(0);
    expect(progress.notices.filter((line) => line.includes('ExportDataset: the gateway is unavailable (the dataset of run'))).toHaveLength(2);
    expect(await readInfo()).toMatchObject({ status: 'succeeded', dataset: { complete_problems: 2 } });
  });

  it('refuses files whose checksum does not match what the gateway announced: nothing is left behind, exit 2', async () => {
    const code = await run({ records: completeRun(2), finalStatus: 'succeeded', exportCorrupt: true });
    expect(code).toBe(2);
    expect(await readdir(outDir)).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^magpie run: the dataset of run ${RUN_ID} could not be downloaded \\(.*the gateway announced \\d+ bytes with 0{64}\\); \`magpie report ${RUN_ID}\` downloads it again$`));
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
      pair_rule: 'PAIR_RULE_MAGPIE',
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

  it('sends the quality options, keeps unverified records in the exports only when asked, and prints the quality summary', async () => {
    // Slot 0 verified, slot 1 not: by default slot 1 stays out of messages, ShareGPT and DPO.
    const records = [...completeRun(1), problem(1), solution(1), samples(1), rewards(1)];
    const base = { domain: 'algebra', count: 4, model: 'deepseek-ai/DeepSeek-R1', subtopics: [], samplesPerProblem: 5 };
    await run({ records, finalStatus: 'succeeded' }, { request: { ...base, quality: { verifyShare: 0.8, stylePairs: true, adaptiveSampling: true } } });
    expect(gateway?.startRequests[0]?.quality).toMatchObject({ verify_share: 0.8, style_pairs: true, adaptive_sampling: true });
    const strict = await readInfo();
    expect(strict).toMatchObject({
      exports: { keep_unverified: false },
      dataset: { sft_unverified_excluded: 1, pairs_unverified_excluded: 1 },
      quality: { sft: { verified: 1, unverified: 1, verified_share: 0.5 }, pairs: { kept: 2, skipped: 0 } },
    });
    expect(strict.files.find((f) => f.name === `${PREFIX}_messages.jsonl`)?.records).toBe(1);
    expect(out).toContain('verified SFT: 1/2 (50.0 %); unverified: majority_below_share 1');
    client?.close();
    gateway?.close();
    out.length = 0;
    await rm(outDir, { recursive: true, force: true });
    await run({ records, finalStatus: 'succeeded' }, { request: { ...base, quality: { keepUnverified: true } } });
    expect(gateway?.startRequests[0]?.quality).toMatchObject({ keep_unverified: true });
    const kept = await readInfo();
    expect(kept).toMatchObject({ exports: { keep_unverified: true }, dataset: { sft_unverified_excluded: 0, pairs_unverified_excluded: 0 } });
    expect(kept.files.find((f) => f.name === `${PREFIX}_dpo.jsonl`)?.records).toBe(2);
  });

  it('leaves pair rule, margin, filters and stage sampling unset when not asked for', async () => {
    await run({ records: completeRun(1), finalStatus: 'succeeded' });
    const request = gateway?.startRequests[0];
    expect(request).toMatchObject({ pair_rule: 'PAIR_RULE_UNSPECIFIED', filters: null, quality: null, data_quality: null, generator: null, solver: null, sampler: null });
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

  it('downloads what a failed run made and exits 1', async () => {
    const code = await run({ records: [problem(0), problem(1)], finalStatus: 'failed', reason: '2 records dead-lettered' });
    expect(code).toBe(1);
    const info = await readInfo();
    expect(info).toMatchObject({ status: 'failed', reason: '2 records dead-lettered', complete: false });
    expect(info.files.find((f) => f.name === `${PREFIX}_ins.json`)?.records).toBe(2);
    expect(out.at(-1)).toMatch(/^run run-test_1 failed \(the run failed: 0 of 4 problems are in every file/);
  });

  it('cancels the run on interrupt, downloads what it made and exits 130', async () => {
    const controller = new AbortController();
    progress.update = (counts) => {
      if (counts.records.problem === 2) controller.abort();
    };
    const code = await run({ records: [problem(0), problem(1)], finalStatus: 'succeeded', hang: true }, { signal: controller.signal });
    expect(code).toBe(130);
    expect(gateway?.cancelRequests).toEqual([{ run_id: RUN_ID, reason: 'cancelled from magpie run (interrupted)' }]);
    expect(progress.notices).toContain(`magpie run: interrupted; cancelling run ${RUN_ID}`);
    expect(await readInfo()).toMatchObject({ status: 'cancelled', counts: { records: { problem: 2 } } });
    expect((await readdir(join(outDir, DATASET_DIR))).filter((name) => name.startsWith('.'))).toEqual([]);
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
        signal: controller.signal,
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        t: createTranslator('en'),
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
        waitMs: 400,
        signal: new AbortController().signal,
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        t: createTranslator('en'),
        createProgress: () => progress,
        noticeAfterMs: 50,
      });
      expect(code).toBe(2);
      expect(err).toEqual([
        'magpie run: gateway 127.0.0.1:1 is not answering; start the platform with `magpie up` (or point --gateway / MAGPIE_GATEWAY at a running gateway). Retrying for up to 0 s…',
        'magpie run: gateway 127.0.0.1:1 is not reachable (waited 0 s); start the platform with `magpie up` or pass --gateway',
      ]);
    } finally {
      nowhere.close();
    }
  });
});

describe('runDataset when the gateway is unavailable for a while', () => {
  it('retries StartRun with the same request id, so the retry starts no second run', async () => {
    const code = await run({ records: completeRun(2), finalStatus: 'succeeded', startUnavailable: 2 });
    expect(code).toBe(0);
    const ids = gateway?.startRequests.map((r) => r.request_id) ?? [];
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(err.filter((line) => line.includes('StartRun: the gateway is unavailable'))).toHaveLength(2);
  });

  it('retries the final GetRun and writes succeeded, never failed, for a run that succeeded', async () => {
    // Progress reads once, before the run ends, so every failure meets the final read.
    const code = await run({ records: completeRun(4), finalStatus: 'succeeded', finalGetRunUnavailable: 3 });
    expect(code).toBe(0);
    expect(await readInfo()).toMatchObject({ status: 'succeeded', complete: true, counts: { records: { rewards: 4 } } });
    expect(progress.notices.filter((line) => line.includes('GetRun: the gateway is unavailable'))).toHaveLength(3);
    expect(out.at(-1)).toBe(`run ${RUN_ID} succeeded`);
  });

  it('never calls a run failed when its final state cannot be read within --wait-ms: exit 2, no files, and how to fetch them later', async () => {
    const code = await run({ records: completeRun(2), finalStatus: 'succeeded', finalGetRunUnavailable: Number.POSITIVE_INFINITY }, { waitMs: 600 });
    expect(code).toBe(2);
    expect(await readdir(outDir)).toEqual([]);
    expect(err.at(-1)).toMatch(new RegExp(`^magpie run: run ${RUN_ID} could not be seen to end \\(GetRun failed: UNAVAILABLE: .*\\); no dataset was downloaded\\. \`magpie report ${RUN_ID}\` downloads it once the run has ended$`));
    expect(out.some((line) => / (failed|unknown)/.test(line))).toBe(false);
  });

  it('says how to start the platform within seconds, then runs once a gateway appears on the address', async () => {
    const [port = 0] = await findFreePorts(1);
    client = createMagpieClient(`127.0.0.1:${port}`, { channelOptions: { 'grpc.initial_reconnect_backoff_ms': 100, 'grpc.max_reconnect_backoff_ms': 500 } });
    const startedAt = Date.now();
    let noticedAfterMs = 0;
    const running = runDataset({
      client,
      request: { domain: 'algebra', count: 2, model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', subtopics: [], samplesPerProblem: 3 },
      outDir,
      waitMs: 20_000,
        signal: new AbortController().signal,
      out: (line) => out.push(line),
      err: (line) => {
        if (!noticedAfterMs) noticedAfterMs = Date.now() - startedAt;
        err.push(line);
      },
      t: createTranslator('en'),
      createProgress: () => progress,
      retryDelayMs: 10,
      settleMs: 1_000,
      });
    await waitFor('the gateway notice', () => err.length > 0, 10_000, 20);
    expect(noticedAfterMs).toBeLessThan(5_000);
    expect(err[0]).toContain('start the platform with `magpie up`');
    gateway = await startFakeGateway({ records: completeRun(4), finalStatus: 'succeeded', port });
    expect(await running).toBe(0);
    expect(out.at(-1)).toBe(`run ${RUN_ID} succeeded`);
  });
});

