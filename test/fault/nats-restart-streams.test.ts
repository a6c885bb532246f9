import * as grpc from '@grpc/grpc-js';
import type { RecordEvent, WatchRunResponse } from '@magpie/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';

// kill -9 of nats-server (restarted on the same store, as a supervisor would) while clients hold
// StreamRecords and WatchRun open: the gateway re-creates its readers after the last cursor it
// sent, so the streams pause and go on, with no gap, no duplicate and no error; a unary call made
// while NATS is down answers UNAVAILABLE, never INTERNAL.
let platform: E2ePlatform;
const COUNT = 150;

beforeAll(async () => {
  platform = await startE2ePlatform({ simEnv: { SIM_DELAY_MS: '30' }, serviceEnv: { MAX_NUM_SEQS: '16' } });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe('streams across a nats-server crash', () => {
  it('StreamRecords and WatchRun go on after two kill -9 of nats-server, missing and repeating nothing', async () => {
    const { run } = await platform.client.startRun({ domain: 'algebra', count: COUNT });
    const runId = run?.run_id ?? '';
    const watched: WatchRunResponse[] = [];
    const watching = (async () => {
      for await (const message of platform.client.watchRun({ run_id: runId })) watched.push(message);
    })();
    const records: RecordEvent[] = [];
    const unaryDuringOutage: number[] = [];
    let crashes = 0;
    for await (const event of platform.client.streamRecords({ run_id: runId, from_cursor: '0' })) {
      records.push(event);
      if ((records.length === 60 || records.length === 300) && crashes < 2) {
        crashes++;
        await platform.platform.kill('nats');
        const code = await platform.client.getRun({ run_id: runId }, { deadlineMs: 5_000 }).then(
          () => grpc.status.OK,
          (err: grpc.ServiceError) => err.code,
        );
        unaryDuringOutage.push(code);
        await platform.platform.start('nats');
      }
    }
    await watching;
    expect(crashes).toBe(2);
    const cursors = records.map((r) => Number(r.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(new Set(records.map((r) => r.record_id)).size).toBe(records.length);
    expect(records).toHaveLength(4 * COUNT);
    const last = watched.at(-1);
    expect(last?.final).toBe(true);
    expect(last?.run?.status).toBe('RUN_STATUS_SUCCEEDED');
    expect(last?.run?.counts).toMatchObject({ problems: COUNT, solutions: COUNT, samples: COUNT, rewards: COUNT, dead_lettered: 0 });
    // Tokens come from every record of the run, read once by the gateway's aggregate.
    expect(Number(last?.tokens?.completion_tokens)).toBeGreaterThan(0);
    for (const code of unaryDuringOutage) expect([grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED, grpc.status.OK]).toContain(code);
    console.log(`nats restart: ${records.length} records, ${watched.length} progress messages, GetRun during the outages: ${unaryDuringOutage.map((c) => grpc.status[c]).join(', ')}`);
  });
});
