import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnyRecord, Streams, Subjects, recordIdFor } from '@magpie/contracts';
import { fixtures, waitFor } from '@magpie/testing';
import { describe, expect, it } from 'vitest';
import { isStoreFull } from './errors.js';
import type { WorkerContext } from './worker.js';
import { workerFixtureForSuite } from './worker-fixture.js';

// A full JetStream store (nats-server's max_file_store, which it otherwise derives from the free
// disk space) pauses the worker: no failure is counted, nothing is dead-lettered, and the message
// is handled once space returns.
const fixture = workerFixtureForSuite(() => {
  const configFile = join(mkdtempSync(join(tmpdir(), 'magpie-full-store-')), 'nats.conf');
  writeFileSync(configFile, 'jetstream { max_file_store: 4MB }\n');
  return { configFile };
});

/** Fills what is left of the store with a throwaway stream; resolves once JetStream refuses more. */
async function fillStore(): Promise<void> {
  await fixture().jsm.streams.add({ name: 'FILLER', subjects: ['filler.>'] });
  const chunk = 'x'.repeat(256 * 1024);
  for (;;) {
    const refused = await fixture().js.publish('filler.bytes', chunk).then(
      () => false,
      (err: unknown) => isStoreFull(err),
    );
    if (refused) return;
  }
}

describe('a full NATS store', () => {
  it('pauses the worker without counting failures and resumes once space returns, storing the output once', async () => {
    const runId = 'full1';
    const problem: AnyRecord = { ...fixtures.problem(0), runId, recordId: recordIdFor(runId, 'problem', 0) };
    const seen: WorkerContext[] = [];
    const paused: string[] = [];
    let resumed = 0;
    await fixture().publishTask(fixture().task(runId, 0));
    await fillStore();
    const w = fixture().worker(runId, {
      maxFailures: 2,
      handler: async (_task, ctx) => {
        seen.push(ctx);
        await fixture().publisher.publish(Subjects.record(runId, 'problem'), AnyRecord, problem, problem.recordId);
      },
      onStorePaused: (message) => paused.push(message),
      onStoreResumed: () => resumed++,
    });
    await w.start();
    // More tries than maxFailures allows failures: none of them counted.
    await waitFor('three tries against the full store', () => seen.length >= 3, 20_000, 20);
    expect(paused[0]).toMatch(/^paused: the NATS store is full \(cannot store records\.v1\.full1\.problem: insufficient resources\); nothing is lost/);
    expect(seen.every((c) => c.failures === 0)).toBe(true);
    expect(resumed).toBe(0);

    await fixture().jsm.streams.delete('FILLER');
    await waitFor('the output and the ack', async () => resumed === 1 && (await fixture().backlog(runId)) === 0, 30_000, 50);
    await w.stop();
    const info = await fixture().jsm.streams.info(Streams.records.name, { subjects_filter: Subjects.record(runId, 'problem') });
    expect(info.state.subjects?.[Subjects.record(runId, 'problem')]).toBe(1);
    expect(await fixture().deadLetters(runId)).toEqual([]);
  });
});
