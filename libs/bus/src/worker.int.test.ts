import { GenerationTask, MsgIds, Streams, Subjects } from '@magpie/contracts';
import { waitFor } from '@magpie/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import { connectNats } from './connect-nats.js';
import { TransientError } from './errors.js';
import { provisionStreams } from './provision-streams.js';
import { Worker } from './worker.js';
import { workerFixtureForSuite, type WorkerFixture } from './worker-fixture.js';

const fixture = workerFixtureForSuite();

const task = (runId: string, taskIndex: number) => fixture().task(runId, taskIndex);
const publishTask = (t: GenerationTask) => fixture().publishTask(t);
const worker = (...args: Parameters<WorkerFixture['worker']>) => fixture().worker(...args);
const deadLetters = (runId: string) => fixture().deadLetters(runId);

describe('stream provisioning', () => {
  it('is idempotent and keeps existing messages', async () => {
    await publishTask(task('prov1', 0));
    await provisionStreams(fixture().jsm, { duplicateWindowMs: 60_000, retentionMs: 3_600_000 });
    const info = await fixture().jsm.streams.info(Streams.genTasks.name, { subjects_filter: Subjects.genTask('prov1') });
    expect(info.state.subjects?.[Subjects.genTask('prov1')]).toBe(1);
  });
});

describe('publisher', () => {
  it('stores the same output published twice only once', async () => {
    const t = task('dedup1', 0);
    const first = await fixture().publisher.publish(Subjects.genTask(t.runId), GenerationTask, t, MsgIds.genTask(t.runId, 0));
    const second = await fixture().publisher.publish(Subjects.genTask(t.runId), GenerationTask, t, MsgIds.genTask(t.runId, 0));
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.seq).toBe(first.seq);
    const info = await fixture().jsm.streams.info(Streams.genTasks.name, { subjects_filter: Subjects.genTask('dedup1') });
    expect(info.state.subjects?.[Subjects.genTask('dedup1')]).toBe(1);
  });

  it('refuses a payload that fails its schema', async () => {
    const bad = { ...task('bad1', 0), slotCount: -1 };
    await expect(fixture().publisher.publish(Subjects.genTask('bad1'), GenerationTask, bad, 'x')).rejects.toThrow(/invalid payload/);
  });
});

describe('worker', () => {
  it('redelivers a message when the worker that had it dies without acking', async () => {
    const runId = 'redeliver1';
    const conn = await connectNats({ servers: fixture().nats.url, name: 'doomed' });
    let firstSeen = false;
    const doomed = new Worker<GenerationTask>({
      js: jetstream(conn),
      jsm: await jetstreamManager(conn),
      stream: Streams.genTasks.name,
      durableName: `test-${runId}`,
      filterSubject: Subjects.genTask(runId),
      schema: GenerationTask,
      publisher: fixture().publisher,
      failures: fixture().failures,
      stage: 'generator',
      logger: fixture().logger,
      concurrency: 1,
      ackWaitMs: 1_500,
      handler: () => {
        firstSeen = true;
        return new Promise(() => undefined); // hangs, like a process that died mid-call
      },
    });
    await doomed.start();
    await publishTask(task(runId, 0));
    await waitFor('first delivery', () => firstSeen, 10_000);
    await conn.close(); // the worker is gone without ack or nak

    const deliveries: number[] = [];
    const survivor = worker(runId, {
      handler: (_payload, ctx) => {
        deliveries.push(ctx.deliveryCount);
        return Promise.resolve();
      },
    });
    await survivor.start();
    await waitFor('redelivery', () => deliveries.length > 0, 15_000);
    await survivor.stop();
    expect(deliveries).toEqual([2]);
  });

  it('dead-letters a message after maxFailures handler failures and reports it', async () => {
    const runId = 'dlq1';
    const attempts: number[] = [];
    const reported: string[] = [];
    const w = worker(runId, {
      handler: (_p, ctx) => {
        attempts.push(ctx.deliveryCount);
        return Promise.reject(new TransientError('backend 503'));
      },
      onDeadLetter: (_letter, rid) => {
        reported.push(rid ?? '');
        return Promise.resolve();
      },
    });
    await w.start();
    await publishTask(task(runId, 0));
    const letters = await waitFor('a dead letter', async () => {
      const l = await deadLetters(runId);
      return l.length > 0 ? l : undefined;
    }, 15_000);
    await w.stop();
    expect(attempts).toEqual([1, 2, 3]);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.deliveryCount).toBe(3);
    expect(letters[0]?.error).toMatch(/^failed 3 times; last error: backend 503/);
    expect(letters[0]?.originalSubject).toBe(Subjects.genTask(runId));
    expect(reported).toEqual([runId]);
  });

  it('dead-letters an invalid payload without calling the handler', async () => {
    const runId = 'invalid1';
    let called = false;
    const w = worker(runId, {
      handler: () => {
        called = true;
        return Promise.resolve();
      },
    });
    await w.start();
    await fixture().js.publish(Subjects.genTask(runId), JSON.stringify({ schemaVersion: 1, runId, nonsense: true }));
    const letters = await waitFor('a dead letter', async () => {
      const l = await deadLetters(runId);
      return l.length > 0 ? l : undefined;
    }, 10_000);
    await w.stop();
    expect(called).toBe(false);
    expect(letters[0]?.error).toMatch(/invalid payload/);
    expect(letters[0]?.deliveryCount).toBe(1);
  });

  it('never runs more handlers at once than its concurrency', async () => {
    const runId = 'conc1';
    let running = 0;
    let maxRunning = 0;
    let done = 0;
    // Each handler holds on until two run at once, so the test sees the cap reached, not just respected.
    const gate = () => {
      let open = (): void => undefined;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { opened, open };
    };
    let bothRunning = gate();
    const w = worker(runId, {
      concurrency: 2,
      handler: async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        if (running === 2) bothRunning.open();
        await bothRunning.opened;
        running--;
        if (running === 0) bothRunning = gate();
        done++;
      },
    });
    await w.start();
    for (let i = 0; i < 8; i++) await publishTask(task(runId, i));
    await waitFor('all handled', () => done === 8, 15_000);
    await w.stop();
    expect(maxRunning).toBe(2);
  });

  it('keeps a long handler alive past ack_wait with working()', async () => {
    const runId = 'long1';
    const deliveries: number[] = [];
    let finished = false;
    const w = worker(runId, {
      ackWaitMs: 1_000,
      handler: async (_p, ctx) => {
        deliveries.push(ctx.deliveryCount);
        // Two and a half ack_waits of work: without working() the server would redeliver meanwhile.
        await new Promise((r) => setTimeout(r, 2_500));
        finished = true;
      },
    });
    await w.start();
    await publishTask(task(runId, 0));
    await waitFor('the handler to finish', () => finished, 15_000, 20);
    const info = await waitFor('the ack', async () => {
      const i = await fixture().jsm.consumers.info(Streams.genTasks.name, `test-${runId}`);
      return i.num_ack_pending === 0 && i.num_pending === 0 ? i : undefined;
    }, 10_000, 20);
    await w.stop();
    expect(deliveries).toEqual([1]);
    expect(info.num_redelivered).toBe(0);
  });
});
