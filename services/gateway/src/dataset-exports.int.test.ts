import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNats, KvBucket, ObjectBucket, type NatsConnection } from '@magpie/bus';
import { AnyRecord, Subjects, recordIdFor, type DatasetExportManifest, type RunState } from '@magpie/contracts';
import { writeRunDataset } from '@magpie/dataset';
import { createLogger } from '@magpie/logging';
import { openPlatform, type Platform } from '@magpie/runs';
import { NatsServerFixture, fixtures, waitFor } from '@magpie/testing';
import { DatasetExports } from './dataset-exports.js';

let nats: NatsServerFixture;
let nc: NatsConnection;
let platform: Platform;
let kv: KvBucket;
let objects: ObjectBucket;
const logger = createLogger({ name: 'exports-test', level: 'silent' });
const pkg = { name: 'magpie-test', version: '1' };

beforeAll(async () => {
  nats = await NatsServerFixture.start();
  nc = await connectNats({ servers: nats.url, name: 'exports-test' });
  platform = await openPlatform({ nc, logger, duplicateWindowMs: 60_000, retentionMs: 3_600_000 });
  kv = await KvBucket.open(nc, 'exports', { history: 1 });
  objects = await ObjectBucket.open(nc, 'datasets-test');
}, 30_000);

afterAll(async () => {
  await nc?.close();
  await nats?.stop();
});

function exportsReplica(staleLockMs = 60_000): DatasetExports {
  return new DatasetExports({ kv, objects, log: platform.log, counts: (s) => platform.log.counts(s.runId), logger, platform: pkg, staleLockMs, pollMs: 20 });
}

function recordsOf(runId: string, count: number): AnyRecord[] {
  return fixtures.completeRun(count).map((r) => AnyRecord.parse({ ...r, runId, recordId: recordIdFor(runId, r.kind, r.id) }));
}

async function publish(records: readonly AnyRecord[]): Promise<void> {
  for (const r of records) await platform.publisher.publish(Subjects.record(r.runId, r.kind), AnyRecord, r, r.recordId);
}

async function started(runId: string, count: number): Promise<RunState> {
  const state = fixtures.runState({ runId, spec: { ...fixtures.SPEC, count } });
  await platform.store.create(state);
  return state;
}

async function ended(runId: string): Promise<RunState> {
  await platform.store.transition(runId, 'succeeded');
  const state = await platform.store.get(runId);
  if (!state) throw new Error(`run ${runId} is gone`);
  return state;
}

/** SHA-256 of every file a whole build of the run's records writes, by name. */
async function wholeBuild(state: RunState, records: readonly AnyRecord[]): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'exports-test-'));
  try {
    const { summary } = await writeRunDataset({ dir, state, records, platform: pkg, counts: await platform.log.counts(state.runId) });
    const out: Record<string, string> = {};
    for (const f of summary.files) out[f.name] = createHash('sha256').update(await readFile(join(dir, f.name))).digest('hex');
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function stored(manifest: DatasetExportManifest): Record<string, string> {
  return Object.fromEntries(Object.values(manifest.formats).flatMap((files) => files.map((f) => [f.name, f.sha256])));
}

describe('DatasetExports', () => {
  it('builds the files of a run it follows while the run runs, the same as a whole build', async () => {
    const runId = 'run-exports-live';
    const records = recordsOf(runId, 16);
    const running = await started(runId, 16);
    const builder = exportsReplica();
    const other = exportsReplica();
    builder.follow(running);
    // The lock is the builder's: the other replica does not follow the run.
    await waitFor('the build lock', async () => (await kv.get(`lock.${runId}`)) !== undefined, 10_000, 10);
    other.follow(running);
    await publish(records.slice(0, 40));
    await publish(records.slice(40));
    const state = await ended(runId);
    const [built, waited] = await Promise.all([builder.ensure(state, 10_000), other.ensure(state, 10_000)]);
    expect(waited).toEqual(built);
    expect(stored(built)).toEqual(await wholeBuild(state, records));
    await Promise.all([builder.stop(), other.stop()]);
  });

  it('builds a run whole when its builder died while it ran: another replica takes over the stale lock', async () => {
    const runId = 'run-exports-died';
    const records = recordsOf(runId, 10);
    const running = await started(runId, 10);
    const dying = exportsReplica(400);
    dying.follow(running);
    await waitFor('the build lock', async () => (await kv.get(`lock.${runId}`)) !== undefined, 10_000, 10);
    await publish(records.slice(0, 20));
    // Gone mid-run (as a restarted gateway): its lock is no longer renewed.
    await dying.stop();
    await publish(records.slice(20));
    const state = await ended(runId);
    const successor = exportsReplica(400);
    const manifest = await successor.ensure(state, 10_000);
    expect(stored(manifest)).toEqual(await wholeBuild(state, records));
    await successor.stop();
  });
});
