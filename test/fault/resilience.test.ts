import * as grpc from '@grpc/grpc-js';
import type { RecordEvent, Run } from '@magpie/api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAGE_NAMES, waitFor, type ServiceName } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';
import { allRecords as allRecordsOf, expectExactlyOnce, waitForRunEnd } from '../support/run-checks.js';

// Fault suite: real processes killed with SIGKILL, a NATS restart, a simulator that fails and
// hangs. Timeouts are short so that the suite stays within minutes.
let platform: E2ePlatform;

beforeAll(async () => {
  platform = await startE2ePlatform({
    // A little latency per call keeps the chaos run long enough for several kills of every stage.
    simEnv: { SIM_DELAY_MS: '40' },
    shutdownGraceMs: 2_000,
    serviceEnv: {
      // Few sequences per replica make runs take long enough to kill every stage mid-run.
      MAX_NUM_SEQS: '40',
      LLM_TIMEOUT_MS: '3000',
      // Kills are not failures (only handler failures count towards MAX_FAILURES); a short lease
      // gets a killed stage's messages to its successor quickly.
      ACK_WAIT_MS: '3000',
      // With 11 % of calls failing, five failures in a row hit one message of the ~1,000 in about
      // 2 % of runs; eight in about one in 10^5. This is about the injected failure rate, not kills.
      MAX_FAILURES: '8',
      RETRY_BASE_MS: '100',
      RETRY_MAX_MS: '1000',
      PROBE_INTERVAL_MS: '500',
    },
  });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

const waitForEnd = (runId: string, timeoutMs: number, during?: (run: Run) => Promise<void>) => waitForRunEnd(platform.client, runId, timeoutMs, during);
const allRecords = (runId: string) => allRecordsOf(platform.client, runId);

function logOf(name: string): string {
  return readFileSync(join(platform.platform.logDir, `${name}.log`), 'utf8');
}

describe('backend down', () => {
  it('pauses the stages and resumes when the backend returns, losing nothing', async () => {
    const { run } = await platform.client.startRun({ domain: 'algebra', count: 60 });
    const runId = run?.run_id ?? '';
    let outage = false;
    const final = await waitForEnd(runId, 120_000, async (current) => {
      if (!outage && (current.counts?.problems ?? 0) > 0) {
        outage = true;
        const logged = Object.fromEntries(STAGE_NAMES.map((stage) => [stage, logOf(stage).length]));
        await platform.platform.kill('llm-sim');
        // Down until every stage has noticed and stopped pulling; well short of any dead-letter limit.
        await waitFor('every stage to pause', () => STAGE_NAMES.every((stage) => logOf(stage).slice(logged[stage]).includes('pausing: backend unavailable')), 30_000, 100);
        await platform.platform.start('llm-sim');
      }
    });
    expect(outage).toBe(true);
    expect(final.status).toBe('RUN_STATUS_SUCCEEDED');
    expect(final.counts?.dead_lettered).toBe(0);
    expectExactlyOnce(await allRecords(runId), 60);
  });
});

describe('StreamRecords across a gateway restart', () => {
  it('resumes from the last cursor with no gap and no duplicate', async () => {
    const { run } = await platform.client.startRun({ domain: 'calculus', count: 40 });
    const runId = run?.run_id ?? '';
    const firstPart: RecordEvent[] = [];
    try {
      for await (const event of platform.client.streamRecords({ run_id: runId, from_cursor: '0' })) {
        firstPart.push(event);
        if (firstPart.length === 25) await platform.platform.kill('gateway');
      }
    } catch (err) {
      expect((err as grpc.ServiceError).code).toBe(grpc.status.UNAVAILABLE);
    }
    expect(firstPart.length).toBeGreaterThanOrEqual(25);
    await platform.platform.start('gateway');
    await platform.client.waitForReady(30_000);
    const lastCursor = firstPart[firstPart.length - 1]?.cursor ?? '0';
    const rest: RecordEvent[] = [];
    for await (const event of platform.client.streamRecords({ run_id: runId, from_cursor: lastCursor })) rest.push(event);
    const everything = await allRecords(runId);
    expect([...firstPart, ...rest].map((e) => e.cursor)).toEqual(everything.map((e) => e.cursor));
    expect(everything).toHaveLength(160);
  });
});

describe('chaos', () => {
  it('finishes a 300-problem run while stages are killed, NATS restarts and the backend fails 10 % and hangs 1 %', async () => {
    await fetch(`${platform.simUrl}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // The remaining calls are slowed (≥ 200 ms each), so the run lasts long enough for the kills.
      body: JSON.stringify({ error_rate: 0.1, hang_rate: 0.01, slow_rate: 0.89, slow_factor: 2 }),
    });
    const { run } = await platform.client.startRun({ domain: 'number_theory', count: 300, request_id: 'chaos-1' });
    const runId = run?.run_id ?? '';
    // A seeded sequence of victims so a failure can be replayed.
    let seed = 42;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const stages: ServiceName[] = ['generator', 'solver', 'sampler', 'reward'];
    const kills: string[] = [];
    let natsRestarted = false;
    let lastKill = Date.now();
    // Kills are tied to progress, not only to time, so every stage is hit however fast the run goes:
    // one victim at each of these fractions of all outputs (NATS restarts at 30 %), plus one more
    // every 1.5 s in between.
    const milestones = [0.05, 0.15, 0.3, 0.45, 0.6, 0.75];
    stages.sort(() => random() - 0.5);
    const planned: string[] = [stages[0], stages[1], 'nats', stages[2], stages[3], stages[0]] as string[];
    const final = await waitForEnd(runId, 300_000, async (current) => {
      const c = current.counts;
      const progress = ((c?.problems ?? 0) + (c?.solutions ?? 0) + (c?.samples ?? 0) + (c?.rewards ?? 0)) / (4 * 300);
      const due = milestones.findIndex((m, i) => progress >= m && planned[i] !== '');
      let victim: string | undefined;
      if (due >= 0) {
        victim = planned[due];
        planned[due] = '';
      } else if (Date.now() - lastKill >= 1_500) {
        victim = stages[Math.floor(random() * stages.length)];
      }
      if (!victim) return;
      lastKill = Date.now();
      kills.push(victim);
      if (victim === 'nats') {
        natsRestarted = true;
        await platform.platform.restart('nats', 500);
        return;
      }
      await platform.platform.kill(victim);
      await platform.platform.start(victim);
    });
    await fetch(`${platform.simUrl}/admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error_rate: 0, hang_rate: 0, slow_rate: 0 }) });
    console.log(`chaos: ${kills.length} disruptions (${kills.join(', ')}); final ${JSON.stringify(final.counts)}`);
    expect(natsRestarted).toBe(true);
    for (const stage of stages) expect(kills, `${stage} was killed`).toContain(stage);
    // Every dead letter is accounted for in the run status; with these retry limits there should be none.
    expect(final.counts?.dead_lettered).toBe(0);
    expect(final.status).toBe('RUN_STATUS_SUCCEEDED');
    expectExactlyOnce(await allRecords(runId), 300);
  });
});
