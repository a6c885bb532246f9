import { connectNats, jetstream, jetstreamManager, provisionStreams, Publisher, type NatsConnection } from '@magpie/bus';
import {
  AnyRecord,
  DeadLetter,
  FlaggedRecord,
  MsgIds,
  RejectedInstruction,
  Subjects,
  emptyQualitySummary,
  recordIdFor,
  type ProblemRecord,
  type QualityCounter,
  type RunState,
} from '@magpie/contracts';
import { createLogger } from '@magpie/logging';
import { NatsServerFixture, fixtures, waitFor } from '@magpie/testing';
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
  return fixtures.runState({ runId, spec: { ...fixtures.SPEC, count } });
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
      records: { problem: 2, solution: 0, samples: 0, rewards: 0, tags: 0 },
      deadLettered: 1,
      rejections: { empty: 2, near_duplicate: 1 },
      flags: {},
      quality: { ...emptyQualitySummary(), duplicates: { exact: 0, near: 1 } },
    });
    expect(await log.counts('log-nothing')).toEqual({
      records: { problem: 0, solution: 0, samples: 0, rewards: 0, tags: 0 },
      deadLettered: 0,
      rejections: {},
      flags: {},
      quality: emptyQualitySummary(),
    });
  });

  it('counts flags on kept problems, and contamination from the flags and the rejections', async () => {
    const runId = 'log-flags';
    await publishProblem(problem(runId, 0));
    const flagged: FlaggedRecord = {
      schemaVersion: 1,
      runId,
      recordId: recordIdFor(runId, 'problem', 0),
      flag: 'contaminated',
      evidence: { contamination: { file: 'gsm8k.jsonl', line: 3, itemId: null, ngram: 'a b c', n: 3 } },
    };
    // Republished under the same msg id, as a redelivery would: it counts once.
    for (let i = 0; i < 2; i++) await publisher.publish(Subjects.flag(runId, 'contaminated'), FlaggedRecord, flagged, MsgIds.flag(flagged.recordId, 'contaminated'));
    const removed: RejectedInstruction = {
      schemaVersion: 1,
      runId,
      taskIndex: 1,
      attempt: 0,
      choiceIndex: 0,
      reason: 'contaminated',
      instruction: 'x',
      evidence: { contamination: { file: 'gsm8k.jsonl', line: 4, itemId: null, ngram: 'd e f', n: 3 } },
    };
    await publisher.publish(Subjects.rejection(runId, 'contaminated'), RejectedInstruction, removed, MsgIds.rejection(runId, 1, 0, 0));
    const counts = await log.counts(runId);
    expect(counts.flags).toEqual({ contaminated: 1 });
    expect(counts.rejections).toEqual({ contaminated: 1 });
    expect(counts.quality.contamination).toEqual({ flagged: 1, removed: 1 });
  });

  it('reads the quality summary from the counters, counting each slot once per facet', async () => {
    const runId = 'log-q';
    const add = async (slot: number, counter: QualityCounter, delta = 1): Promise<void> => {
      await publisher.increment(Subjects.qualityCounter(runId, counter), delta, MsgIds.qualityCounter(runId, slot, counter));
    };
    // Slot 0 twice, as a redelivered message would: it counts once.
    for (const slot of [0, 0, 1, 2]) await add(slot, { facet: 'agreement', value: slot === 2 ? 'tie' : 'unanimous' });
    for (const slot of [0, 0, 1]) await add(slot, { facet: 'sft', value: 'verified' });
    await add(2, { facet: 'sft', value: 'no_strict_majority' });
    await add(0, { facet: 'pair_skipped', value: 'all_agree' });
    await add(1, { facet: 'pair_kept', value: 'style' });
    await add(2, { facet: 'pair_skipped', value: 'no_strict_majority' });
    await add(0, { facet: 'sampling', value: 'stopped' });
    await add(0, { facet: 'tokens', value: 'saved' }, 5_000);
    await add(0, { facet: 'tokens', value: 'saved' }, 5_000);
    await add(1, { facet: 'tokens', value: 'saved' }, 1_500);
    await add(2, { facet: 'sampling', value: 'extended' });
    await add(2, { facet: 'tokens', value: 'extension_prompt' }, 40);
    const { quality } = await log.counts(runId);
    expect(quality).toEqual({
      agreement: { unanimous: 2, strict: 0, plurality: 0, tie: 1, no_answer: 0 },
      sft: { verified: 2, unverified: 1, verifiedShare: 2 / 3, unverifiedByOutcome: { no_strict_majority: 1 } },
      pairs: { kept: 1, keptByKind: { style: 1 }, skipped: 2, skippedByReason: { all_agree: 1, no_strict_majority: 1 } },
      adaptiveSampling: { stoppedEarly: 1, extended: 1, completionTokensSaved: 6_500, extensionPromptTokens: 40 },
      duplicates: { exact: 0, near: 0 },
      contamination: { flagged: 0, removed: 0 },
    });
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

  it('ends a live read at once when told the run ended, with every record stored before', async () => {
    const runId = 'log-ended';
    for (let i = 0; i < 3; i++) await publishProblem(problem(runId, i));
    let end: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (end = resolve));
    let finished = false;
    const ids: number[] = [];
    const reading = (async () => {
      for await (const r of log.read(runId, { fromCursor: 0, isFinished: () => Promise.resolve(finished), ended })) ids.push(r.record.id);
    })();
    await waitFor('the replay', () => ids.length === 3, 10_000, 10);
    // Stored while the reader waits on a fetch; the run ends right after.
    for (let i = 3; i < 5; i++) await publishProblem(problem(runId, i));
    const endedAt = Date.now();
    finished = true;
    end();
    await reading;
    expect(ids).toEqual([0, 1, 2, 3, 4]);
    // Well under the fetch's 1 s expiry, which a read not told of the end waits out.
    expect(Date.now() - endedAt).toBeLessThan(700);
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
    const ids = (kind: 'solution' | 'samples' | 'rewards') => ({ runId, recordId: recordIdFor(runId, kind, 0), problemRecordId: p.recordId });
    for (const record of [
      { ...fixtures.solution(0), ...ids('solution') },
      { ...fixtures.samples(0), ...ids('samples') },
      { ...fixtures.rewards(0), ...ids('rewards') },
    ]) {
      await publisher.publish(Subjects.record(runId, record.kind), AnyRecord, record, record.recordId);
    }
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
