import * as grpc from '@grpc/grpc-js';
import { grpcStatusName, loadMagpieProto, type MagpieClient } from '@magpie/api';
import { connectNats } from '@magpie/bus';
import { fixtures } from '@magpie/testing';
import { RunStore } from '@magpie/runs';
import type { RunStatus } from '@magpie/contracts';

const STATUSES: readonly RunStatus[] = ['running', 'succeeded', 'failed', 'cancelled'];
const DOMAINS = ['algebra', 'calculus', 'geometry', 'statistics', 'number_theory'] as const;

/**
 * Stores `count` run documents straight into the runs bucket, as if that many runs had been started
 * over time: a quarter in each status (ended ones finished an hour later than created), five
 * domains, a `batch` label on every tenth, as the NATS user of `credentials`. Returns their ids,
 * newest first.
 */
export async function seedRuns(natsUrl: string, count: number, credentials: { readonly user: string; readonly pass: string }): Promise<string[]> {
  const nc = await connectNats({ servers: natsUrl, name: 'read-load-seed', ...credentials });
  try {
    const store = await RunStore.open(nc);
    const base = Date.parse('2026-01-01T00:00:00Z');
    const ids: string[] = [];
    for (let start = 0; start < count; start += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, count - start) }, (_, j) => {
          const i = start + j;
          const status = STATUSES[i % STATUSES.length] ?? 'running';
          const createdAt = new Date(base + i * 60_000).toISOString();
          const ended = status === 'running' ? {} : { finishedAt: new Date(base + i * 60_000 + 3_600_000).toISOString() };
          const runId = `run-load-${String(i).padStart(4, '0')}`;
          ids.push(runId);
          const state = fixtures.runState({ runId, status, createdAt, updatedAt: createdAt, ...ended, ...(i % 10 === 0 ? { labels: { batch: 'tenth' } } : {}) });
          return store.create({ ...state, spec: { ...state.spec, domain: DOMAINS[i % DOMAINS.length] ?? 'algebra', subtopics: [] } });
        }),
      );
    }
    return ids.reverse();
  } finally {
    await nc.close();
  }
}

export interface ReadLoadResult {
  /** Calls answered, by status name. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** GetRun latencies in milliseconds, sorted. */
  readonly getRunMs: readonly number[];
  readonly listRunsMs: readonly number[];
  readonly wallMs: number;
}

/** The value at a quantile of sorted numbers. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/**
 * `listRuns` ListRuns and `getRuns` GetRun calls all at once (GetRun over `runIds` round-robin),
 * each with a 30 s deadline. The ListRuns load comes through its own channel and is not decoded
 * (as if from many other clients), so the GetRun latencies measured here are the gateway's, not
 * this process's decoding of thousands of runs.
 */
export async function readLoad(client: MagpieClient, runIds: readonly string[], load: { listRuns: number; getRuns: number }): Promise<ReadLoadResult> {
  const method = loadMagpieProto().service.ListRuns;
  const loadChannel = new grpc.Client(client.address, grpc.credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 });
  const listRuns = (request: object): Promise<unknown> =>
    new Promise((resolve, reject) => {
      loadChannel.makeUnaryRequest(method.path, method.requestSerialize, (bytes: Buffer) => bytes, request, new grpc.Metadata(), { deadline: Date.now() + 30_000 }, (err, res) =>
        err ? reject(err) : resolve(res),
      );
    });
  const byStatus: Record<string, number> = {};
  const getRunMs: number[] = [];
  const listRunsMs: number[] = [];
  const timed = async (calls: number[], work: () => Promise<unknown>): Promise<void> => {
    const startedAt = performance.now();
    const code = await work().then(
      () => grpc.status.OK,
      (err: unknown) => (err as grpc.ServiceError).code ?? grpc.status.UNKNOWN,
    );
    calls.push(performance.now() - startedAt);
    const name = grpcStatusName(code);
    byStatus[name] = (byStatus[name] ?? 0) + 1;
  };
  const startedAt = performance.now();
  try {
    await Promise.all([
      ...Array.from({ length: load.listRuns }, (_, i) => timed(listRunsMs, () => listRuns({ page_size: 50 + (i % 3) * 25, status: i % 4 === 0 ? 'RUN_STATUS_RUNNING' : 'RUN_STATUS_UNSPECIFIED' }))),
      ...Array.from({ length: load.getRuns }, (_, i) => timed(getRunMs, () => client.getRun({ run_id: runIds[i % runIds.length] ?? '' }, { deadlineMs: 30_000 }))),
    ]);
  } finally {
    loadChannel.close();
  }
  return { byStatus, getRunMs: getRunMs.sort((a, b) => a - b), listRunsMs: listRunsMs.sort((a, b) => a - b), wallMs: performance.now() - startedAt };
}
