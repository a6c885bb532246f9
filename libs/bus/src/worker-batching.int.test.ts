import { GenerationTask, MsgIds, Streams, Subjects } from '@magpie/contracts';
import { waitFor } from '@magpie/testing';
import { describe, expect, it } from 'vitest';
import { Publisher } from './publisher.js';
import { workerFixtureForSuite } from './worker-fixture.js';

// Publishes and acks go out batched (SendBatch): what that must not change.
const fixture = workerFixtureForSuite();

function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const consumerInfo = (runId: string) => fixture().jsm.consumers.info(Streams.genTasks.name, `test-${runId}`);

describe('batched publishes', () => {
  it('resolve each with its own PubAck, are stored in the order asked for, and never exceed maxPending', async () => {
    const runId = 'batchpub1';
    const publisher = new Publisher({ js: fixture().js, maxPending: 4 });
    let maxPending = 0;
    const tasks = Array.from({ length: 40 }, (_, i) => fixture().task(runId, i));
    const acks = await Promise.all(
      tasks.map(async (t) => {
        const ack = publisher.publish(Subjects.genTask(runId), GenerationTask, t, MsgIds.genTask(runId, t.taskIndex));
        maxPending = Math.max(maxPending, publisher.pending);
        return ack;
      }),
    );
    expect(maxPending).toBe(4);
    expect(publisher.pending).toBe(0);
    expect(acks.every((a) => !a.duplicate)).toBe(true);
    // Sequences follow the calls: the first publish got the lowest, one apart each.
    expect(acks.map((a) => a.seq - (acks[0]?.seq ?? 0))).toEqual(tasks.map((_, i) => i));
  });
});

describe('batched acks', () => {
  it('ack only once the handler resolved, also when freeSlot let the next message start before', async () => {
    const runId = 'batchack1';
    const firstMayFinish = gate();
    const started: number[] = [];
    const w = fixture().worker(runId, {
      concurrency: 1,
      handler: async (task, ctx) => {
        started.push(task.taskIndex);
        if (task.taskIndex !== 0) return;
        // The first message's work is done; its ack waits (as for a run's completion check).
        ctx.freeSlot();
        await firstMayFinish.opened;
      },
    });
    await w.start();
    await fixture().publishTask(fixture().task(runId, 0));
    await fixture().publishTask(fixture().task(runId, 1));
    // With one slot, the second message only starts because the first freed its slot.
    await waitFor('the second message to be handled', () => started.includes(1), 10_000, 10);
    const whileWaiting = await waitFor('the second ack', async () => {
      const info = await consumerInfo(runId);
      return info.delivered.consumer_seq === 2 && info.num_ack_pending === 1 ? info : undefined;
    }, 10_000, 20);
    // Only the first is unacked: the floor stops before it.
    expect(whileWaiting.ack_floor.consumer_seq).toBe(0);
    firstMayFinish.open();
    await waitFor('both acked', async () => (await fixture().backlog(runId)) === 0, 10_000, 20);
    await w.stop();
    expect(started).toEqual([0, 1]);
    expect((await consumerInfo(runId)).num_redelivered).toBe(0);
  });

  it('still terminate an invalid payload: dead-lettered, and the ack floor moves past it (a nak would not move it)', async () => {
    const runId = 'batchterm1';
    let called = false;
    const w = fixture().worker(runId, {
      handler: () => {
        called = true;
        return Promise.resolve();
      },
    });
    await w.start();
    const stored = await fixture().js.publish(Subjects.genTask(runId), JSON.stringify({ schemaVersion: 1, runId, slotCount: 'many' }));
    await waitFor('a dead letter', async () => (await fixture().deadLetters(runId)).length === 1, 10_000);
    const info = await waitFor('the term', async () => {
      const i = await consumerInfo(runId);
      return i.ack_floor.stream_seq >= stored.seq ? i : undefined;
    }, 10_000, 20);
    await w.stop();
    expect(called).toBe(false);
    expect(info.num_redelivered).toBe(0);
    expect(info.num_pending + info.num_ack_pending).toBe(0);
  });
});
