import * as grpc from '@grpc/grpc-js';
import type { MagpieClient, RecordEvent, Run } from '@magpie/api';
import { expect } from 'vitest';

/**
 * Polls GetRun until the run leaves RUNNING and returns it; `during` runs between polls (the
 * disruptions of a fault test). UNAVAILABLE and INTERNAL answers while NATS or the gateway restart
 * are waited out.
 */
export async function waitForRunEnd(client: MagpieClient, runId: string, timeoutMs: number, during?: (run: Run) => Promise<void>): Promise<Run> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await client.getRun({ run_id: runId }, { deadlineMs: 10_000 }).catch((err: unknown) => {
      const code = (err as grpc.ServiceError).code;
      if (code === grpc.status.UNAVAILABLE || code === grpc.status.INTERNAL) return undefined;
      throw err;
    });
    if (run && run.status !== 'RUN_STATUS_RUNNING') return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still running after ${timeoutMs} ms: ${JSON.stringify(run?.counts)}`);
    if (run && during) await during(run);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Every record of a run, replayed from the start. */
export async function allRecords(client: MagpieClient, runId: string): Promise<RecordEvent[]> {
  const out: RecordEvent[] = [];
  for await (const event of client.streamRecords({ run_id: runId, from_cursor: '0' })) out.push(event);
  return out;
}

/** Exactly `count` records of each kind, none twice by id, and `count` distinct problems. */
export function expectExactlyOnce(records: RecordEvent[], count: number): void {
  for (const kind of ['problem', 'solution', 'samples', 'rewards'] as const) {
    const ids = records.filter((r) => r.body === kind).map((r) => r.id);
    expect(ids, `${kind} ids`).toHaveLength(count);
    expect(new Set(ids).size, `${kind} ids are unique`).toBe(count);
  }
  const instructions = records.filter((r) => r.body === 'problem').map((r) => r.problem?.instruction);
  expect(new Set(instructions).size, 'problems are unique by content').toBe(count);
}
