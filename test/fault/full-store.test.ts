import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isStoreFull } from '@magpie/bus';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { STAGE_NAMES, waitFor } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';
import { allRecords, expectExactlyOnce, waitForRunEnd } from '../support/run-checks.js';

// The NATS store fills up mid-run (JetStream's max_file_store; by default nats-server sets it to
// 75 % of the disk's free space, so a full disk looks the same): the run pauses with the reason on
// GetRun, does not fail, and finishes with every record once after an operator frees space.
const COUNT = 24;
const STORE_BYTES = 24 * 1024 * 1024;
let platform: E2ePlatform;
let admin: NatsConnection;
let jsm: JetStreamManager;

beforeAll(async () => {
  platform = await startE2ePlatform({
    natsMaxFileStoreBytes: STORE_BYTES,
    // Slow enough calls that the run is still going when the store fills.
    simEnv: { SIM_DELAY_MS: '300' },
    serviceEnv: { MAX_NUM_SEQS: '4', RETRY_BASE_MS: '100', RETRY_MAX_MS: '1000', PROBE_INTERVAL_MS: '500' },
  });
  admin = await connect({ servers: platform.platform.natsUrl, ...platform.platform.natsCredentials('admin') });
  jsm = await jetstreamManager(admin);
}, 120_000);

afterAll(async () => {
  await admin?.close();
  await platform?.stop();
});

/** What an unrelated tenant of the same server might do: fill what is left of the store. */
async function fillStore(): Promise<number> {
  await jsm.streams.add({ name: 'FILLER', subjects: ['filler.>'] });
  const js = jetstream(admin);
  const chunk = 'x'.repeat(512 * 1024);
  for (let stored = 0; ; stored++) {
    const refused = await js.publish('filler.bytes', chunk).then(
      () => false,
      (err: unknown) => isStoreFull(err),
    );
    if (refused) return stored;
  }
}

function logOf(name: string): string {
  return readFileSync(join(platform.platform.logDir, `${name}.log`), 'utf8');
}

describe('a full NATS store', () => {
  it('pauses the run with the reason on GetRun, without failing it, and resumes when space returns, losing nothing', async () => {
    const { run } = await platform.client.startRun({ domain: 'geometry', count: COUNT });
    const runId = run?.run_id ?? '';
    await waitFor('the run under way', async () => ((await platform.client.getRun({ run_id: runId })).counts?.problems ?? 0) > 0, 60_000, 100);
    const chunks = await fillStore();

    const paused = await waitFor('the pause on GetRun', async () => {
      const current = await platform.client.getRun({ run_id: runId });
      return /the NATS store is full/.test(current.reason) ? current : undefined;
    }, 60_000, 200);
    expect(paused.status).toBe('RUN_STATUS_RUNNING');
    expect(paused.reason).toMatch(/^paused: the NATS store is full \(.*insufficient resources.*\); nothing is lost, the run resumes when space returns \(since .+, seen by the (generator|solver|sampler|reward)\)$/);
    const pausedStages = await waitFor('a stage to log the pause', () => {
      const stages = STAGE_NAMES.filter((s) => logOf(s).includes('pausing: NATS store full'));
      return stages.length > 0 ? stages : undefined;
    }, 10_000, 100);
    // It stays paused, not failed, however long the store stays full (here: a few of its retries).
    const pausedAt = Date.now();
    const stillPaused = await waitFor('the pause to last a few retries', async () => {
      const current = await platform.client.getRun({ run_id: runId });
      return current.status !== 'RUN_STATUS_RUNNING' || Date.now() - pausedAt >= 5_000 ? current : undefined;
    }, 30_000, 250);
    expect(stillPaused.status).toBe('RUN_STATUS_RUNNING');
    expect(stillPaused.reason).toMatch(/the NATS store is full/);
    expect(stillPaused.counts?.dead_lettered).toBe(0);

    // The operator frees space.
    await jsm.streams.delete('FILLER');
    const final = await waitForRunEnd(platform.client, runId, 120_000);
    console.log(
      `full store: ${chunks} × 512 KiB filled the ${STORE_BYTES / 1024 / 1024} MiB store; paused stages ${pausedStages.join(', ')}; ` +
        `GetRun said "${paused.reason}"; after freeing space: ${final.status}, ${JSON.stringify(final.counts)}`,
    );
    expect(final.status).toBe('RUN_STATUS_SUCCEEDED');
    expect(final.reason).toBe('');
    expect(final.counts?.dead_lettered).toBe(0);
    expectExactlyOnce(await allRecords(platform.client, runId), COUNT);
    expect(pausedStages.some((s) => logOf(s).includes('resuming: the NATS store has room again'))).toBe(true);
  });
});
