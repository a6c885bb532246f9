import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Streams, Subjects, recordIdFor, type AnyRecord } from '@magpie/contracts';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { fixtures, waitFor, type ServiceName } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';

// The attack of issue 13 against a platform with NATS authentication on (as every local platform
// now runs): while a run's generator has not filled its slots yet, a client publishes forged
// problems for them, first without credentials, then with each other service's. Every attempt is
// refused, and the dataset `magpie run` writes holds the generator's problems only.
const execFileAsync = promisify(execFile);
const COUNT = 8;
const FORGED = 'FORGED: what is 1 + 1?';
let platform: E2ePlatform;
const open: NatsConnection[] = [];

beforeAll(async () => {
  // Seconds per backend call, so the slots are still empty when the forger strikes.
  platform = await startE2ePlatform({ simEnv: { SIM_DELAY_MS: '3000' } });
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(open.map((nc) => nc.close()));
  await platform?.stop();
});

function forgedProblem(runId: string, slot: number): AnyRecord {
  return { ...fixtures.problem(slot), runId, recordId: recordIdFor(runId, 'problem', slot), instruction: `${FORGED} (${slot})` };
}

/** Publishes a forged problem for every slot as `user` would; the number of publishes JetStream stored. */
async function forgeAs(user: Exclude<ServiceName, 'generator'>, runId: string): Promise<number> {
  const nc = await connect({ servers: platform.platform.natsUrl, ...platform.platform.natsCredentials(user), reconnect: false });
  open.push(nc);
  const js = jetstream(nc);
  const outcomes = await Promise.all(
    Array.from({ length: COUNT }, (_, slot) => {
      const record = forgedProblem(runId, slot);
      // The record id as Nats-Msg-Id: stored, it would make the generator's own publish a duplicate.
      return js.publish(Subjects.record(runId, 'problem'), JSON.stringify(record), { msgID: record.recordId, timeout: 1_000 }).then(
        () => true,
        () => false,
      );
    }),
  );
  return outcomes.filter(Boolean).length;
}

describe('forged records', () => {
  it('refuses forged problems from an anonymous client and from every other service, and the dataset holds none', async () => {
    const out = mkdtempSync(join(tmpdir(), 'magpie-forged-'));
    const cli = execFileAsync(
      process.execPath,
      ['tools/cli/bin/magpie.js', 'run', '--domain', 'algebra', '--count', String(COUNT), '--out', out, '--gateway', platform.grpcAddress],
      { cwd: REPO_ROOT, timeout: 150_000 },
    );
    const runId = await waitFor('the run', async () => (await platform.client.listRuns({})).runs?.[0]?.run_id, 30_000, 50);
    // Forged while the generator's first call is still out: no problem is stored yet.
    expect((await platform.client.getRun({ run_id: runId })).counts?.problems ?? 0).toBe(0);

    // No credentials, or wrong ones: not even a connection, so nothing can be read or written.
    await expect(connect({ servers: platform.platform.natsUrl, reconnect: false })).rejects.toThrow(/authorization violation/i);
    await expect(connect({ servers: platform.platform.natsUrl, user: 'admin', pass: 'guess', reconnect: false })).rejects.toThrow(/authorization violation/i);
    // Each service may publish only what it produces: problems are the generator's.
    const users = ['solver', 'sampler', 'reward', 'gateway'] as const;
    const stored = Object.fromEntries(await Promise.all(users.map(async (user) => [user, await forgeAs(user, runId)] as const)));
    expect(stored).toEqual({ solver: 0, sampler: 0, reward: 0, gateway: 0 });
    // All of it happened before the generator stored its first problem.
    expect((await platform.client.getRun({ run_id: runId })).counts?.problems ?? 0).toBe(0);

    const { stdout } = await cli;
    expect(stdout).toMatch(new RegExp(`run ${runId} succeeded`));
    const [dir] = readdirSync(out);
    const files = readdirSync(join(out, dir ?? ''));
    const insFile = files.find((f) => /^Magpie_.*_ins\.json$/.test(f)) ?? '';
    const rows = JSON.parse(readFileSync(join(out, dir ?? '', insFile), 'utf8')) as { instruction: string }[];
    const info = JSON.parse(readFileSync(join(out, dir ?? '', 'dataset_info.json'), 'utf8')) as { complete: boolean };
    const forgedRows = rows.filter((r) => r.instruction.includes('FORGED'));
    console.log(`forged records: ${COUNT * 4} forged publishes refused; dataset rows ${rows.length}, forged rows ${forgedRows.length}, complete ${info.complete}`);
    expect(rows).toHaveLength(COUNT);
    expect(forgedRows).toEqual([]);
    expect(info.complete).toBe(true);
    // The stream itself holds exactly the generator's problems.
    const admin = await connect({ servers: platform.platform.natsUrl, ...platform.platform.natsCredentials('admin') });
    open.push(admin);
    const state = await (await jetstreamManager(admin)).streams.info(Streams.records.name, { subjects_filter: Subjects.record(runId, 'problem') });
    expect(state.state.subjects?.[Subjects.record(runId, 'problem')]).toBe(COUNT);
  });
});
