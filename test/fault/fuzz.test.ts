import { randomBytes } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { createMagpieClient, grpcStatusName, loadMagpieProto, type MagpieClient } from '@magpie/api';
import { Rng } from '@magpie/llm-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';

// Reproduce a failure with FUZZ_SEED=<the seed printed in the report>.
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_501);
const CALLS = 2_400;
const CONCURRENCY = 48;
const TOKEN = `fuzz-${randomBytes(12).toString('hex')}`;
const METHODS = ['StartRun', 'GetRun', 'ListRuns', 'CancelRun', 'StreamRecords', 'WatchRun', 'ExportDataset', 'ListModels', 'ListDomains'] as const;
const STREAMS: ReadonlySet<string> = new Set(['StreamRecords', 'WatchRun', 'ExportDataset']);
type Method = (typeof METHODS)[number];
/** Statuses a well-behaved gateway may answer a fuzzed call with. */
const PROPER = new Set<number>([
  grpc.status.OK,
  grpc.status.INVALID_ARGUMENT,
  grpc.status.NOT_FOUND,
  grpc.status.FAILED_PRECONDITION,
  grpc.status.RESOURCE_EXHAUSTED,
  grpc.status.UNAUTHENTICATED,
  grpc.status.DEADLINE_EXCEEDED,
  grpc.status.CANCELLED,
]);

// The simulator's seeded PRNG (mulberry32), so every run of this test sends the same calls.
const rng = new Rng(SEED);
const rand = (): number => rng.next();
const int = (n: number): number => Math.floor(rand() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => int(256)));

const STRINGS = ['', 'algebra', 'calculus', 'number_theory', 'majority', 'magpie', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', 'run-unknown', '../../etc/passwd', 'a.b.>', '*', '\u0000', '😀', 'é'];
function randomString(): string {
  switch (int(6)) {
    case 0:
      return pick(STRINGS);
    case 1:
      return 'x'.repeat(pick([63, 64, 65, 128, 129, 256, 257, 1_024, 1_025, 5_000]));
    case 2:
      return Array.from({ length: int(40) }, () => String.fromCodePoint(int(0x2fff) + 1)).join('');
    case 3:
      return `run-${int(1e9).toString(36)}`;
    case 4:
      return '\uFFFD';
    default:
      return bytes(int(20)).toString('latin1');
  }
}

/** Any JS value; the proto encoder coerces most, rejects some (those calls fall back to raw bytes). */
function randomValue(depth = 0): unknown {
  switch (int(depth > 1 ? 7 : 10)) {
    case 0:
      return randomString();
    case 1:
      return pick([0, 1, -1, 2 ** 31, 2 ** 32, 2 ** 53, -(2 ** 53), 1e308, Number.NaN, Infinity, -Infinity, 0.5]);
    case 2:
      return int(100);
    case 3:
      return rand() < 0.5;
    case 4:
      return null;
    case 5:
      return undefined;
    case 6:
      return pick(['18446744073709551615', '9007199254740993', '-1', 'abc', '1e3']);
    case 7:
      return Array.from({ length: pick([0, 1, 3, 65, 100]) }, () => randomValue(depth + 1));
    default:
      return { model: randomValue(depth + 1), sampling: { temperature: randomValue(depth + 1), top_p: randomValue(depth + 1) } };
  }
}

function randomRequest(method: Method, knownRunIds: readonly string[]): Record<string, unknown> {
  const runId = (): unknown => (rand() < 0.3 && knownRunIds.length > 0 ? pick(knownRunIds) : randomValue());
  const maybe = (value: () => unknown): unknown => (rand() < 0.6 ? value() : randomValue());
  switch (method) {
    case 'StartRun':
      // A third are valid small runs, so the active-run limit is reached and enforced.
      if (rand() < 0.35) return { domain: pick(['algebra', 'geometry']), count: 1 + int(3), request_id: rand() < 0.3 ? `fuzz-${int(20)}` : '' };
      return {
        domain: maybe(() => pick(['algebra', 'geometry', 'statistics', 'nope', ''])),
        count: maybe(() => pick([0, 1, 2, 3, 20, 21, 100_000, 4_294_967_295])),
        model: maybe(() => pick(['', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', 'unknown/model'])),
        generator: rand() < 0.2 ? randomValue() : null,
        subtopics: rand() < 0.3 ? randomValue() : [],
        seed: rand() < 0.3 ? randomValue() : undefined,
        samples_per_problem: rand() < 0.3 ? randomValue() : undefined,
        request_id: maybe(() => (rand() < 0.5 ? '' : `fuzz-${int(20)}`)),
        pair_rule: maybe(() => pick(['PAIR_RULE_UNSPECIFIED', 'PAIR_RULE_CORRECTNESS', 'PAIR_RULE_MAGPIE', 7, 'majority'])),
        domain_mix: rand() < 0.15 ? [{ domain: pick(['algebra', 'geometry', 'nope']), count: randomValue(), weight: randomValue() }, { domain: randomValue(), weight: 1 }] : [],
        labels: rand() < 0.15 ? { [pick(['team', 'Bad Key', '', 'x'.repeat(70)])]: randomString() } : {},
        min_reward_margin: rand() < 0.3 ? randomValue() : undefined,
        filters: rand() < 0.2 ? { min_chars: randomValue(), max_chars: randomValue(), near_duplicate_threshold: randomValue() } : null,
      };
    case 'GetRun':
      return { run_id: runId() };
    case 'ListRuns':
      return {
        page_size: maybe(() => pick([0, 1, 5, 1_000, 1_001, 4_294_967_295])),
        page_token: rand() < 0.2 ? randomString() : '',
        status: rand() < 0.3 ? pick(['RUN_STATUS_RUNNING', 'RUN_STATUS_SUCCEEDED', 9]) : 'RUN_STATUS_UNSPECIFIED',
        domain: rand() < 0.2 ? randomString() : '',
        label: rand() < 0.2 ? randomString() : '',
      };
    case 'CancelRun':
      return { run_id: rand() < 0.1 ? runId() : randomValue(), reason: maybe(() => randomString()) };
    case 'StreamRecords':
      return {
        run_id: runId(),
        from_cursor: maybe(() => pick(['0', '1', '5', '999999999', '9007199254740991', '9007199254740992', '18446744073709551615'])),
        kinds: rand() < 0.3 ? [pick(['RECORD_KIND_PROBLEM', 'RECORD_KIND_REWARDS', 'RECORD_KIND_UNSPECIFIED', 12])] : [],
      };
    case 'WatchRun':
      return { run_id: runId() };
    case 'ExportDataset':
      return { run_id: runId(), format: pick(['DATASET_FORMAT_UNSPECIFIED', 'DATASET_FORMAT_JSONL', 'DATASET_FORMAT_MAGPIE_JSON', 5]) };
    case 'ListModels':
    case 'ListDomains':
      return {};
  }
}

/** Bytes that are not a valid encoding of the request: random, truncated, or invalid UTF-8 in field 1. */
function garbage(valid: Buffer): Buffer {
  switch (int(5)) {
    case 0:
      return bytes(int(64));
    case 1:
      return valid.subarray(0, Math.max(0, valid.length - 1 - int(4)));
    case 2: {
      const copy = Buffer.from(valid);
      for (let i = 0; i < 3 && copy.length > 0; i++) copy[int(copy.length)] = int(256);
      return copy;
    }
    case 3: {
      const invalid = pick([[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0x80]]);
      const body = Buffer.from([...Buffer.from(pick(['run-', 'alg', ''])), ...invalid]);
      return Buffer.concat([Buffer.from([0x0a, body.length]), body]);
    }
    default:
      return Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x41]);
  }
}

function metadata(): grpc.Metadata {
  const md = new grpc.Metadata();
  const roll = rand();
  if (roll < 0.8) md.set('authorization', `Bearer ${TOKEN}`);
  else if (roll < 0.88) md.set('authorization', `Bearer ${TOKEN}x`);
  else if (roll < 0.93) md.set('authorization', pick(['Basic Zm9vOmJhcg==', 'Bearer', `bearer ${TOKEN}`, TOKEN]));
  return md;
}

interface Outcome {
  readonly method: string;
  readonly code: grpc.status;
  readonly details: string;
}

/** One fuzzed call, decided before anything is sent so the sequence depends on the seed only. */
interface Plan {
  readonly method: Method;
  readonly body: Buffer;
  readonly metadata: grpc.Metadata;
  readonly deadlineMs: number;
  /** Streams only: the client cancels after this long. */
  readonly cancelAfterMs?: number;
  readonly garbage: boolean;
  readonly unserializable: boolean;
}

let platform: E2ePlatform;
let authed: MagpieClient;
let raw: grpc.Client;
const service = loadMagpieProto().service;
const identity = (b: Buffer): Buffer => b;

function plan(knownRunIds: readonly string[]): Plan {
  const method = pick(METHODS);
  const definition = service[method];
  if (!definition) throw new Error(`no ${method}`);
  let body: Buffer;
  let unserializable = false;
  try {
    body = definition.requestSerialize(randomRequest(method, knownRunIds));
  } catch {
    unserializable = true;
    body = bytes(int(32));
  }
  const isGarbage = rand() < 0.35;
  if (isGarbage) body = garbage(body);
  const md = metadata();
  const deadlineMs = STREAMS.has(method) ? 100 + int(1_500) : 20 + int(3_000);
  const cancelAfterMs = STREAMS.has(method) && rand() < 0.1 ? int(300) : undefined;
  return { method, body, metadata: md, deadlineMs, garbage: isGarbage, unserializable, ...(cancelAfterMs === undefined ? {} : { cancelAfterMs }) };
}

function send(p: Plan): Promise<Outcome> {
  const { method } = p;
  const path = service[method]?.path ?? '';
  const deadline = Date.now() + p.deadlineMs;
  return new Promise((resolve) => {
    if (!STREAMS.has(method)) {
      raw.makeUnaryRequest(path, identity, identity, p.body, p.metadata, { deadline }, (err) =>
        resolve({ method, code: err ? err.code : grpc.status.OK, details: err?.details ?? '' }),
      );
      return;
    }
    const call = raw.makeServerStreamRequest(path, identity, identity, p.body, p.metadata, { deadline });
    call.on('data', () => undefined);
    call.on('error', () => undefined);
    call.on('status', (status: grpc.StatusObject) => resolve({ method, code: status.code, details: status.details }));
    // Some streams are cancelled by the client midway, as a user leaving early would.
    if (p.cancelAfterMs !== undefined) setTimeout(() => call.cancel(), p.cancelAfterMs);
  });
}

beforeAll(async () => {
  platform = await startE2ePlatform({
    serviceEnv: { GATEWAY_TOKEN: TOKEN, MAX_ACTIVE_RUNS: '3', MAX_RUN_COUNT: '20' },
  });
  authed = createMagpieClient(platform.grpcAddress, { token: TOKEN });
  raw = new grpc.Client(platform.grpcAddress, grpc.credentials.createInsecure());
}, 120_000);

afterAll(async () => {
  raw?.close();
  authed?.close();
  await platform?.stop();
});

describe(`fuzzing the gateway (seed ${SEED})`, () => {
  it(`answers ${CALLS} random and malformed calls with proper statuses and stays healthy`, async () => {
    const knownRunIds: string[] = [];
    for (const domain of ['algebra', 'geometry']) {
      const started = await authed.startRun({ domain, count: 2, request_id: `fuzz-known-${domain}` });
      knownRunIds.push(started.run?.run_id ?? '');
    }
    const plans = Array.from({ length: CALLS }, () => plan(knownRunIds));
    // Over the gateway's 4 MiB receive limit: grpc-js itself answers these (RESOURCE_EXHAUSTED).
    for (const method of ['StartRun', 'StreamRecords'] as const) {
      const md = new grpc.Metadata();
      md.set('authorization', `Bearer ${TOKEN}`);
      plans.splice(int(plans.length), 1, { method, body: Buffer.alloc(5 * 1024 * 1024, 0x41), metadata: md, deadlineMs: 10_000, garbage: true, unserializable: false });
    }
    const outcomes: Outcome[] = [];
    let nextIndex = 0;
    const worker = async (): Promise<void> => {
      while (nextIndex < plans.length) {
        const p = plans[nextIndex++];
        if (p) outcomes.push(await send(p));
      }
    };
    const startedAt = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
    const elapsedMs = Date.now() - startedAt;
    const garbageCalls = plans.filter((p) => p.garbage).length;
    const unserializable = plans.filter((p) => p.unserializable).length;

    const byStatus: Record<string, number> = {};
    const byMethod: Record<string, Record<string, number>> = {};
    for (const o of outcomes) {
      const name = grpcStatusName(o.code);
      byStatus[name] = (byStatus[name] ?? 0) + 1;
      const m = (byMethod[o.method] ??= {});
      m[name] = (m[name] ?? 0) + 1;
    }
    console.log(JSON.stringify({ seed: SEED, calls: outcomes.length, garbageCalls, unserializable, elapsedMs, byStatus, byMethod }));

    const improper = outcomes.filter((o) => !PROPER.has(o.code));
    expect(improper.slice(0, 10), `improper statuses (seed ${SEED})`).toEqual([]);
    expect(outcomes).toHaveLength(CALLS);
    for (const method of METHODS) expect(byMethod[method], method).toBeDefined();
    expect(byStatus.INVALID_ARGUMENT).toBeGreaterThan(100);
    expect(byStatus.UNAUTHENTICATED).toBeGreaterThan(50);
    expect(byStatus.OK).toBeGreaterThan(50);
    expect(byStatus.RESOURCE_EXHAUSTED).toBeGreaterThan(0);
    // INVALID_ARGUMENT always names a field (or `request` for undecodable bytes).
    for (const o of outcomes.filter((x) => x.code === grpc.status.INVALID_ARGUMENT)) expect(o.details).toMatch(/^[a-z_]+(\[\d+\])?(\.[a-z_]+)*: /);

    // Still healthy: a valid call works and the process is alive.
    const run = await authed.getRun({ run_id: knownRunIds[0] ?? '' }, { deadlineMs: 5_000 });
    expect(run.run_id).toBe(knownRunIds[0]);
    expect(platform.platform.isRunning('gateway')).toBe(true);
    const pid = platform.platform.pidOf('gateway');
    expect(pid && process.kill(pid, 0)).toBe(true);
  }, 120_000);
});
