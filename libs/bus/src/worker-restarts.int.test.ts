import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { waitFor } from '@magpie/testing';
import { describe, expect, it } from 'vitest';
import { connectNats } from './connect-nats.js';
import { TransientError } from './errors.js';
import type { WorkerContext } from './worker.js';
import { workerFixtureForSuite } from './worker-fixture.js';

// Restarts are not failures: a message handed back on SIGTERM, or left behind by a killed
// process, comes back without a failure counted; only handler failures lead to a dead letter.
const fixture = workerFixtureForSuite();

/** A handler that holds its message until the worker releases it (its signal aborts). */
function holdUntilReleased(seen: WorkerContext[]): (payload: unknown, ctx: WorkerContext) => Promise<void> {
  return (_payload, ctx) => {
    seen.push(ctx);
    return new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error), { once: true }));
  };
}

describe('worker restarts', () => {
  it('counts neither shutdowns nor a crash as failures: 3 releases, a kill and 2 failures still end in success', async () => {
    const runId = 'restarts1';
    const seen: WorkerContext[] = [];
    await fixture().publishTask(fixture().task(runId, 0));
    // Three graceful stops while the handler is busy: as many deliveries as maxFailures (3) already.
    for (let i = 0; i < 3; i++) {
      const w = fixture().worker(runId, { handler: holdUntilReleased(seen) });
      await w.start();
      await waitFor(`delivery ${i + 1}`, () => seen.length === i + 1, 10_000, 20);
      await w.stop(200);
    }
    // A crash: the process holding the message vanishes without ack or nak.
    const conn = await connectNats({ servers: fixture().nats.url, name: 'doomed' });
    const doomed = fixture().worker(runId, { js: jetstream(conn), jsm: await jetstreamManager(conn), handler: holdUntilReleased(seen) });
    await doomed.start();
    await waitFor('the delivery to the doomed worker', () => seen.length === 4, 10_000, 20);
    await conn.close();
    // Then two real failures and a success.
    let done = false;
    const survivor = fixture().worker(runId, {
      handler: (_p, ctx) => {
        seen.push(ctx);
        if (ctx.failures < 2) return Promise.reject(new TransientError(`backend 503 (${ctx.failures})`));
        done = true;
        return Promise.resolve();
      },
    });
    await survivor.start();
    await waitFor('the success', async () => done && (await fixture().backlog(runId)) === 0, 20_000, 50);
    await survivor.stop();
    expect(seen.map((c) => c.deliveryCount)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(seen.map((c) => c.failures)).toEqual([0, 0, 0, 0, 0, 1, 2]);
    expect(await fixture().deadLetters(runId)).toEqual([]);
    // Forgotten once acked, so the bucket does not grow with every message that ever failed.
    expect(await fixture().failures.failures(`test-${runId}`, 'GEN_TASKS', seen[0]?.streamSequence ?? 0)).toBe(0);
  });

  it('on stop, finishes what can finish within the grace period and releases the rest at once', async () => {
    const runId = 'graceful1';
    const events: string[] = [];
    const started = new Map<number, number>();
    // Task 0..2 teach the worker that a task takes about 1.5 s; then task 3 is stopped near its
    // end (kept) and task 4 just after its start (released without waiting for the grace period).
    const w = fixture().worker(runId, {
      concurrency: 4,
      handler: async (task, ctx) => {
        started.set(task.taskIndex, Date.now());
        events.push(`start ${task.taskIndex}`);
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, 1_500);
          ctx.signal.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              events.push(`released ${task.taskIndex}`);
              reject(ctx.signal.reason as Error);
            },
            { once: true },
          );
        });
        events.push(`done ${task.taskIndex}`);
      },
    });
    await w.start();
    for (let i = 0; i < 3; i++) await fixture().publishTask(fixture().task(runId, i));
    await waitFor('the first three tasks', async () => events.filter((e) => e.startsWith('done')).length === 3 && (await fixture().backlog(runId)) === 0, 20_000, 20);
    await fixture().publishTask(fixture().task(runId, 3));
    await waitFor('task 3 to be well under way', () => Date.now() - (started.get(3) ?? Infinity) >= 1_000, 10_000, 10);
    await fixture().publishTask(fixture().task(runId, 4));
    await waitFor('task 4 to start', () => started.has(4), 10_000, 10);
    events.push('stop');
    await w.stop(1_000);
    events.push('stopped');
    // Task 4 is handed back the moment the stop begins; task 3 is finished and acked.
    expect(events.slice(events.indexOf('stop'))).toEqual(['stop', 'released 4', 'done 3', 'stopped']);
    const next: WorkerContext[] = [];
    const other = fixture().worker(runId, {
      handler: (_task, ctx) => {
        next.push(ctx);
        return Promise.resolve();
      },
    });
    await other.start();
    await waitFor('the released task', async () => next.length === 1 && (await fixture().backlog(runId)) === 0, 10_000, 20);
    await other.stop();
    expect(next.map((c) => ({ deliveryCount: c.deliveryCount, failures: c.failures }))).toEqual([{ deliveryCount: 2, failures: 0 }]);
  });

  it('still dead-letters a message that never finishes, after maxDeliveries deliveries of any kind', async () => {
    const runId = 'poison1';
    const seen: WorkerContext[] = [];
    await fixture().publishTask(fixture().task(runId, 0));
    for (let i = 0; i < 2; i++) {
      const w = fixture().worker(runId, { maxDeliveries: 2, handler: holdUntilReleased(seen) });
      await w.start();
      await waitFor(`delivery ${i + 1}`, () => seen.length === i + 1, 10_000, 20);
      await w.stop(100);
    }
    const last = fixture().worker(runId, { maxDeliveries: 2, handler: holdUntilReleased(seen) });
    await last.start();
    const letters = await waitFor('the dead letter', async () => {
      const l = await fixture().deadLetters(runId);
      return l.length > 0 ? l : undefined;
    }, 10_000);
    await last.stop(100);
    expect(seen).toHaveLength(2);
    expect(letters[0]?.error).toMatch(/^delivered 3 times without finishing \(0 handler failures; the other deliveries ended with their process/);
  });
});
