import { connectNats, jetstream, jetstreamManager, provisionStreams, Publisher, type NatsConnection } from '@magpie/bus';
import { AnyRecord, DeadLetter, MsgIds, RUN_SPEC_DEFAULTS, RejectedInstruction, Subjects, recordIdFor, type ProblemRecord, type RunState } from '@magpie/contracts';
import { createLogger } from '@magpie/logging';
import { NatsServerFixture, waitFor } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordLog } from './record-log.js';
import { RunStore } from './run-store.js';
import { RunTracker } from './run-tracker.js';

let nats: NatsServerFixture;
let nc: NatsConnection;
let store: RunStore;
let log: RecordLog;
let publisher: Publisher;
let tracker: RunTracker;

beforeAll(async () => {
  nats = await NatsServerFixture.start();
  nc = await connectNats({ servers: nats.url, name: 'runs-test' });
  const jsm = await jetstreamManager(nc);
  await provisionStreams(jsm, { duplicateWindowMs: 60_000, retentionMs: 3_600_000 });
  store = await RunStore.open(nc);
  log = new RecordLog({ js: jetstream(nc), jsm });
  publisher = new Publisher({ js: jetstream(nc) });
  tracker = new RunTracker({ store, log, publisher, logger: createLogger({ name: 't', level: 'silent' }), statusCacheMs: 0 });
}, 30_000);

afterAll(async () => {
  await nc?.close();
  await nats?.stop();
});

function runState(runId: string, count: number): RunState {
  const sampling = { temperature: 0.5, topP: 1, maxTokens: 100 };
  const now = new Date().toISOString();
  return {
    schemaVersion: 1,
    runId,
    status: 'running',
    createdAt: now,
    updatedAt: now,
    spec: {
      domain: 'algebra',
      subtopics: [],
      count,
      generator: { model: 'm', sampling },
      solver: { model: 'm', sampling },
      sampler: { model: 'm', sampling, samplesPerProblem: 5 },
      reward: { model: 'r', pairRule: 'majority', minRewardMargin: 0 },
      filters: { minChars: 10, maxChars: 4000, nearDuplicateThreshold: 0.85, sanitize: false, requireMath: true },
      seed: 1,
      dedup: RUN_SPEC_DEFAULTS.dedup,
      decontamination: RUN_SPEC_DEFAULTS.decontamination,
      tags: RUN_SPEC_DEFAULTS.tags,
    },
  };
}

function problem(runId: string, id: number): ProblemRecord {
  return {
    schemaVersion: 1,
    kind: 'problem',
    runId,
    recordId: recordIdFor(runId, 'problem', id),
    id,
    domain: 'algebra',
    subtopic: 'linear_equations',
    pre_query_template: 't',
    instruction: `Solve ${id}x = ${id * 2}.`,
    response: null,
    created: 1,
    gen_input_configs: { temperature: 1, top_p: 1, input_generator: 'm', seed: 1 },
    gen_response_configs: null,
    finishReason: 'stop',
    usage: { promptTokens: 1, completionTokens: 1 },
  };
}

async function publishProblem(p: ProblemRecord): Promise<void> {
  await publisher.publish(Subjects.record(p.runId, 'problem'), AnyRecord, p, p.recordId);
}

describe('RunStore', () => {
  it('creates, reads and lists runs, refusing a duplicate id', async () => {
    await store.create(runState('store-a', 3));
    await expect(store.create(runState('store-a', 3))).rejects.toThrow(/exists/);
    expect((await store.get('store-a'))?.spec.count).toBe(3);
    expect(await store.get('nope')).toBeUndefined();
    expect((await store.list()).map((r) => r.runId)).toContain('store-a');
  });

  it('makes terminal transitions final and idempotent', async () => {
    await store.create(runState('store-b', 3));
    const first = await store.transition('store-b', 'cancelled', 'user asked');
    const second = await store.transition('store-b', 'cancelled', 'again');
    const third = await store.transition('store-b', 'succeeded');
    expect(first.changed).toBe(true);
    expect(second.changed).toBe(false);
    expect(third.changed).toBe(false);
    expect(third.state.status).toBe('cancelled');
    expect(third.state.reason).toBe('user asked');
    await expect(store.transition('missing', 'failed')).rejects.toThrow(/not found/);
  });

  it('binds a client request id to the first run only', async () => {
    expect(await store.reserveClientRequest('req-1', 'run-1')).toBe('run-1');
    expect(await store.reserveClientRequest('req-1', 'run-2')).toBe('run-1');
  });
});

describe('RecordLog', () => {
  it('counts records per kind, dead letters and rejections by reason, never counting a republished message twice', async () => {
    await publishProblem(problem('log-a', 0));
    await publishProblem(problem('log-a', 0));
    await publishProblem(problem('log-a', 1));
    const rejection = (choiceIndex: number, reason: 'empty' | 'near_duplicate'): RejectedInstruction => ({
      schemaVersion: 1,
      runId: 'log-a',
      taskIndex: 0,
      attempt: 0,
      choiceIndex,
      reason,
      instruction: '',
      evidence: {},
    });
    for (const [i, reason] of [[0, 'empty'], [1, 'empty'], [1, 'empty'], [2, 'near_duplicate']] as const) {
      await publisher.publish(Subjects.rejection('log-a', reason), RejectedInstruction, rejection(i, reason), MsgIds.rejection('log-a', 0, 0, i));
    }
    const letter: DeadLetter = {
      schemaVersion: 1,
      stage: 'solver',
      consumer: 'solver',
      originalSubject: Subjects.record('log-a', 'problem'),
      originalStreamSequence: 9,
      payload: '{}',
      error: 'boom',
      deliveryCount: 5,
      deadLetteredAt: new Date().toISOString(),
    };
    await publisher.publish(Subjects.deadLetter('log-a', 'solver'), DeadLetter, letter, MsgIds.deadLetter('RECORDS', 9));
    await publisher.publish(Subjects.deadLetter('log-a', 'solver'), DeadLetter, letter, MsgIds.deadLetter('RECORDS', 9));
    expect(await log.counts('log-a')).toEqual({
      records: { problem: 2, solution: 0, samples: 0, rewards: 0 },
      deadLettered: 1,
      rejections: { empty: 2, near_duplicate: 1 },
    });
    expect(await log.counts('log-nothing')).toEqual({ records: { problem: 0, solution: 0, samples: 0, rewards: 0 }, deadLettered: 0, rejections: {} });
  });

  it('reads exactly the records stored now, without waiting for more', async () => {
    const started = Date.now();
    const ids: number[] = [];
    for await (const r of log.readStored('log-a', 'problem')) ids.push(r.record.id);
    expect(ids).toEqual([0, 1]);
    for await (const _ of log.readStored('log-empty', 'problem')) ids.push(-1);
    expect(ids).toEqual([0, 1]);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('replays, follows live records, resumes from a cursor and ends when the run finishes', async () => {
    const runId = 'log-b';
    await store.create(runState(runId, 5));
    for (let i = 0; i < 3; i++) await publishProblem(problem(runId, i));
    const seen: { cursor: number; id: number }[] = [];
    let ended = false;
    const reading = (async () => {
      for await (const r of log.read(runId, { fromCursor: 0, isFinished: async () => !(await tracker.isActive(runId)) })) {
        seen.push({ cursor: r.cursor, id: r.record.id });
      }
      ended = true;
    })();
    // The replay is done and the reader is still open: whatever comes next was not there when it started.
    await waitFor('the replay', () => seen.length === 3, 10_000, 10);
    expect(ended).toBe(false);
    const published: number[] = [];
    for (let i = 3; i < 5; i++) {
      const p = problem(runId, i);
      published.push((await publisher.publish(Subjects.record(runId, 'problem'), AnyRecord, p, p.recordId)).seq);
    }
    await waitFor('the live records', () => seen.length === 5, 10_000, 10);
    expect(ended).toBe(false);
    await store.transition(runId, 'succeeded');
    await reading;
    expect(seen.map((s) => s.id)).toEqual([0, 1, 2, 3, 4]);
    // The followed records are the ones published after the replay, by their stream sequence.
    expect(seen.slice(3).map((s) => s.cursor)).toEqual(published);
    expect(Math.min(...published)).toBeGreaterThan(Math.max(...seen.slice(0, 3).map((s) => s.cursor)));

    const resumed: number[] = [];
    const from = seen[2]?.cursor ?? 0;
    for await (const r of log.read(runId, { fromCursor: from, isFinished: () => Promise.resolve(true) })) resumed.push(r.record.id);
    expect(resumed).toEqual([3, 4]);
  });
});

describe('RunTracker', () => {
  it('succeeds a run once every stage has count records, exactly once', async () => {
    const runId = 'track-a';
    await store.create(runState(runId, 1));
    await publishProblem(problem(runId, 0));
    await tracker.recordOutput(runId);
    expect((await store.get(runId))?.status).toBe('running');
    const p = problem(runId, 0);
    const base = { schemaVersion: 1 as const, runId, id: 0, problemRecordId: p.recordId, instruction: p.instruction };
    const cfg = { prompt: null, temperature: 0, top_p: 1, repetition_penalty: 1, max_tokens: 10, stop_tokens: [], output_generator: 'm', engine: 'vllm' as const };
    const usage = { promptTokens: 1, completionTokens: 1 };
    await publisher.publish(Subjects.record(runId, 'solution'), AnyRecord, { ...base, kind: 'solution', recordId: recordIdFor(runId, 'solution', 0), response: 'x', reasoning: null, answer: null, finishReason: 'stop', gen_response_configs: cfg, usage }, 's');
    await publisher.publish(Subjects.record(runId, 'samples'), AnyRecord, { ...base, kind: 'samples', recordId: recordIdFor(runId, 'samples', 0), responses: ['a', 'b'], reasonings: [null, null], finishReasons: ['stop', 'stop'], gen_response_configs: cfg, usage }, 'sa');
    const chat = (c: string) => [{ role: 'user' as const, content: p.instruction }, { role: 'assistant' as const, content: c }];
    await publisher.publish(Subjects.record(runId, 'rewards'), AnyRecord, { schemaVersion: 1, runId, id: 0, kind: 'rewards', recordId: recordIdFor(runId, 'rewards', 0), problemRecordId: p.recordId, samplesRecordId: 'sa', rewards_armorm: [{ score: 1 }, { score: 0 }], answers: [null, null], pair: { rule: 'magpie', chosenIndex: 0, rejectedIndex: 1, margin: 1, majorityAnswer: null, skipReason: null }, chosen: chat('a'), rejected: chat('b'), reward_model: 'r' }, 'r');
    await Promise.all([tracker.recordOutput(runId), tracker.recordOutput(runId)]);
    expect((await store.get(runId))?.status).toBe('succeeded');
  });

  it('cancels idempotently and reports inactive runs', async () => {
    await store.create(runState('track-b', 10));
    expect(await tracker.isActive('track-b')).toBe(true);
    expect((await tracker.cancel('track-b', 'stop')).changed).toBe(true);
    expect((await tracker.cancel('track-b', 'stop')).changed).toBe(false);
    expect(await tracker.isActive('track-b')).toBe(false);
    expect(await tracker.isActive('unknown-run')).toBe(false);
  });
});
