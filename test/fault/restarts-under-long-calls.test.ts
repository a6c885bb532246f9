import type { ChildExit } from '@magpie/launcher';
import { waitFor } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';
import { allRecords, expectExactlyOnce, waitForRunEnd } from '../support/run-checks.js';

// A rolling deploy during long chain-of-thought calls, shrunk: every backend call takes about
// 2.5 s, longer than the services' grace period (0.5 s) and than ACK_WAIT_MS (2 s), and the
// solver is stopped fifteen times while it has calls in flight: ten graceful SIGTERMs and five
// SIGKILLs. Neither kind of stop is a failure of the messages it held, so the run succeeds with
// no dead letter; long calls keep their lease (working()), so no call is repeated except those a
// stop threw away. The sampler and the reward stage join once the solver is done, so the
// simulator's chat calls until then are the solver's alone.
const COUNT = 32;
let platform: E2ePlatform;

beforeAll(async () => {
  platform = await startE2ePlatform({
    services: ['generator', 'solver', 'gateway'],
    shutdownGraceMs: 500,
    serviceEnv: { ACK_WAIT_MS: '2000', MAX_NUM_SEQS: '8', RETRY_BASE_MS: '100', RETRY_MAX_MS: '1000', PROBE_INTERVAL_MS: '500' },
  });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

/** Every call answers after 25 × its 100 ms floor: about 2.5 s. */
async function slowCalls(on: boolean): Promise<void> {
  const body = on ? { slow_rate: 1, slow_factor: 26 } : { slow_rate: 0 };
  await fetch(`${platform.simUrl}/admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Messages the solver is handling now (each one backend call), from its /metrics. */
async function solverInFlight(): Promise<number> {
  const text = await fetch(`${platform.platform.healthUrl('solver')}/metrics`).then((r) => r.text(), () => '');
  const match = /^magpie_in_flight\{[^}]*consumer="solver"[^}]*\} (\d+)/m.exec(text);
  return Number(match?.[1] ?? 0);
}

/** Chat calls the simulator has received: the solver's, while it is the only stage that chats. */
async function chatCalls(): Promise<number> {
  const text = await (await fetch(`${platform.simUrl}/metrics`)).text();
  return Number(/^magpie_sim_requests_total\{endpoint="\/v1\/chat\/completions"[^}]*\} (\d+)/m.exec(text)?.[1] ?? 0);
}

describe('restarts under long calls', () => {
  it('survives ten SIGTERMs and five SIGKILLs of the solver mid-call with every record once and no dead letter', async () => {
    await slowCalls(true);
    const startedAt = Date.now();
    const { run } = await platform.client.startRun({ domain: 'algebra', count: COUNT });
    const runId = run?.run_id ?? '';
    const plan = Array.from({ length: 5 }, () => ['TERM', 'TERM', 'KILL'] as const).flat();
    const exits: ChildExit[] = [];
    let inFlightAtStops = 0;
    for (const kind of plan) {
      // Only while the solver has calls out: every stop lands mid-call.
      await waitFor('solver calls in flight', async () => (await solverInFlight()) > 0, 60_000, 50);
      inFlightAtStops += await solverInFlight();
      if (kind === 'KILL') {
        await platform.platform.kill('solver');
        await platform.platform.start('solver');
      } else {
        const exit = await platform.platform.restart('solver');
        if (exit) exits.push(exit);
      }
    }
    const callsAfterStops = await chatCalls();
    const solvedAfterStops = (await platform.client.getRun({ run_id: runId })).counts?.solutions ?? 0;
    await waitFor('every solution', async () => (await platform.client.getRun({ run_id: runId })).counts?.solutions === COUNT, 120_000, 200);
    const calls = await chatCalls();
    const solverSeconds = Math.round((Date.now() - startedAt) / 1000);
    await slowCalls(false);
    await Promise.all([platform.platform.start('sampler'), platform.platform.start('reward')]);
    const final = await waitForRunEnd(platform.client, runId, 120_000);
    console.log(
      `restarts under long calls: ${COUNT} problems, ${plan.length} stops of the solver (10 SIGTERM, 5 SIGKILL) with ${inFlightAtStops} calls in flight; ` +
        `solver backend calls ${calls} (${calls - COUNT} thrown away by the stops), solved in ${solverSeconds} s; ` +
        `run ${final.status}, dead letters ${final.counts?.dead_lettered}, ${Math.round((Date.now() - startedAt) / 1000)} s`,
    );
    expect(final.status).toBe('RUN_STATUS_SUCCEEDED');
    expect(final.counts?.dead_lettered).toBe(0);
    // Every SIGTERM ended in a clean exit within the stop grace, never in a SIGKILL.
    expect(exits).toHaveLength(10);
    expect(exits.every((e) => e.code === 0 && e.signal === null)).toBe(true);
    expectExactlyOnce(await allRecords(platform.client, runId), COUNT);
    // After the last stop, each problem still unsolved took at most one more call: no call was
    // repeated because its lease ran out, although every call outlasts ACK_WAIT_MS.
    expect(calls - callsAfterStops).toBeLessThanOrEqual(COUNT - solvedAfterStops);
    expect(calls).toBeGreaterThanOrEqual(COUNT);
  });
});
