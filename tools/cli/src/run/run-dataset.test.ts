import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createMagpieClient,
  loadMagpieProto,
  recordToProto,
  runToProto,
  type CancelRunRequest,
  type MagpieClient,
  type MagpieServiceHandlers,
  type StartRunRequest,
  type StreamRecordsRequest,
} from '@magpie/api';
import type { AnyRecord, RunStatus } from '@magpie/contracts';
import type { DatasetInfo } from '@magpie/dataset';
import type { ProgressReporter, StageCounts } from './progress-reporter.js';
import { runDataset, type RunDatasetOptions } from './run-dataset.js';
import { fixtures } from '@magpie/testing';

const { RUN_ID, completeRun, problem, runState } = fixtures;

interface FakeGatewayBehaviour {
  readonly records: readonly AnyRecord[];
  readonly finalStatus: RunStatus;
  readonly reason?: string;
  /** The first stream fails with UNAVAILABLE after this many records. */
  readonly breakAfter?: number;
  /** Keep the stream open after the records, as for a run still in progress. */
  readonly hang?: boolean;
  readonly startError?: { code: grpc.status; details: string };
}

interface FakeGateway {
  readonly address: string;
  readonly startRequests: StartRunRequest[];
  readonly streamRequests: StreamRecordsRequest[];
  readonly cancelRequests: CancelRunRequest[];
  close(): void;
}

const NO_COUNTS = { problem: 0, solution: 0, samples: 0, rewards: 0 };

/** A real grpc.Server with the real proto, serving one run from a fixed list of records. */
async function startFakeGateway(behaviour: FakeGatewayBehaviour): Promise<FakeGateway> {
  const startRequests: StartRunRequest[] = [];
  const streamRequests: StreamRecordsRequest[] = [];
  const cancelRequests: CancelRunRequest[] = [];
  let status: RunStatus = 'running';
  const handlers: MagpieServiceHandlers = {
    StartRun: (call, callback) => {
      startRequests.push(call.request);
      if (behaviour.startError) callback(behaviour.startError);
      else callback(null, { run: runToProto(runState({ status: 'running' }), NO_COUNTS, 0), created: true });
    },
    GetRun: (_call, callback) => {
      callback(null, runToProto(runState({ status, ...(status === 'running' || !behaviour.reason ? {} : { reason: behaviour.reason }) }), NO_COUNTS, 0));
    },
    ListRuns: (_call, callback) => callback(null, { runs: [] }),
    CancelRun: (call, callback) => {
      cancelRequests.push(call.request);
      status = 'cancelled';
      callback(null, runToProto(runState({ status: 'cancelled', reason: call.request.reason }), NO_COUNTS, 0));
    },
    StreamRecords: (call) => {
      streamRequests.push(call.request);
      const from = Number(call.request.from_cursor);
      const first = streamRequests.length === 1;
      let sent = 0;
      for (const [index, record] of behaviour.records.entries()) {
        const cursor = index + 1;
        if (cursor <= from) continue;
        if (first && behaviour.breakAfter !== undefined && sent === behaviour.breakAfter) {
          call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'gateway lost its bus connection' });
          return;
        }
        call.write(recordToProto(record, cursor));
        sent += 1;
      }
      if (behaviour.hang) return;
      status = behaviour.finalStatus;
      call.end();
    },
  };
  const server = new grpc.Server();
  server.addService(loadMagpieProto().service, handlers);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  });
  return { address: `127.0.0.1:${port}`, startRequests, streamRequests, cancelRequests, close: () => server.forceShutdown() };
}

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
    ...overrides,
  });
}

const DATASET_DIR = 'DeepSeek-R1-Distill-Qwen-32B_algebra_20251125_170000';

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
    expect(out).toContain('  algebra_ins_5res_armorm.jsonl  4');
    expect(out.at(-1)).toBe(`run ${RUN_ID} succeeded`);
    expect((await readdir(join(outDir, DATASET_DIR))).sort()).toEqual([
      'algebra_ins.json',
      'algebra_ins_5res.json',
      'algebra_ins_5res_armorm.json',
      'algebra_ins_5res_armorm.jsonl',
      'algebra_ins_res.json',
      'algebra_ins_res.jsonl',
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
      counts: { duplicates_ignored: 3 },
    });
    expect(progress.updates.at(-1)).toEqual({ problem: 4, solution: 4, samples: 4, rewards: 4, duplicates: 0 });
    expect(progress.stopped).toBe(true);
  });

  it('resumes from the last cursor when the stream breaks with UNAVAILABLE', async () => {
    const code = await run({ records: completeRun(4), finalStatus: 'succeeded', breakAfter: 5 });
    expect(code).toBe(0);
    expect(gateway?.streamRequests.map((r) => r.from_cursor)).toEqual(['0', '5']);
    expect(err).toEqual(['magpie run: stream interrupted (gateway lost its bus connection); resuming after cursor 5']);
    expect((await readInfo()).counts).toMatchObject({ problems: 4, rewards: 4, complete_problems: 4, duplicates_ignored: 0 });
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
    expect(info.files.find((f) => f.name === 'algebra_ins.json')?.records).toBe(2);
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
    expect(await readInfo()).toMatchObject({ status: 'cancelled', counts: { problems: 2 } });
    expect(existsSync(join(outDir, DATASET_DIR, '.spool'))).toBe(false);
  });

  it('exits 130 without starting a run when interrupted while waiting for the gateway', async () => {
    const nowhere = createMagpieClient('127.0.0.1:1');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    try {
      const code = await runDataset({
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
      expect(code).toBe(130);
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
