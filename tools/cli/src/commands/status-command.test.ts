import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCliConfig } from '../config.js';
import { findFreePorts } from '@magpie/launcher';
import { waitFor } from '@magpie/testing';
import { runUp } from '../supervisor/run-up.js';
import { testComponent } from '../testing/test-components.js';
import type { UpState } from '../supervisor/up-state-file.js';
import { fakeIo } from '../testing/fake-io.js';
import { defineStatusCommand, executeStatusCommand, type StatusCommandOptions } from './status-command.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'status-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const readState = async (stateDir: string): Promise<UpState | undefined> =>
  readFile(join(stateDir, 'up.json'), 'utf8').then(
    (text) => JSON.parse(text) as UpState,
    () => undefined,
  );

async function status(stateDir: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = fakeIo();
  const code = await executeStatusCommand({ stateDir, timeoutMs: 1_000 }, io);
  return { code, out: io.outLines, err: io.errLines };
}

describe('magpie status', () => {
  it('parses --state-dir, defaulting to MAGPIE_STATE_DIR', async () => {
    const parse = async (argv: string[], env: Record<string, string> = {}): Promise<StatusCommandOptions> => {
      let received: StatusCommandOptions | undefined;
      const command = defineStatusCommand(loadCliConfig(env), (options) => {
        received = options;
        return Promise.resolve();
      });
      await new Command('magpie').addCommand(command).parseAsync(['status', ...argv], { from: 'user' });
      if (!received) throw new Error('action not called');
      return received;
    };
    expect((await parse([])).stateDir).toBe('.magpie');
    expect((await parse([], { MAGPIE_STATE_DIR: '/tmp/x' })).stateDir).toBe('/tmp/x');
    expect((await parse(['--state-dir', 'elsewhere'])).stateDir).toBe('elsewhere');
  });

  it('exits 2 when no magpie up is running', async () => {
    const result = await status(join(dir, 'none'));
    expect(result.code).toBe(2);
    expect(result.err).toEqual([`magpie status: no magpie up is running (no ${join(dir, 'none', 'up.json')})`]);
  });

  it('exits 2 for an up.json whose supervisor is gone', async () => {
    await mkdir(join(dir, 'stale'));
    const stale: UpState = { pid: 2 ** 22 + 12_345, started_at: 'then', gateway: '127.0.0.1:1', components: [] };
    await writeFile(join(dir, 'stale', 'up.json'), JSON.stringify(stale));
    const result = await status(join(dir, 'stale'));
    expect(result.code).toBe(2);
    expect(result.err[0]).toMatch(/magpie up \(pid \d+\) is not running/);
  });

  it('reports a real supervisor: healthy, then restarting after a crash, then healthy with the new pid and a restart', async () => {
    const [a = 0, b = 0] = await findFreePorts(2);
    const stateDir = join(dir, 'state');
    const controller = new AbortController();
    const lines: string[] = [];
    const up = runUp({
      natsPort: 1,
      simPort: 2,
      grpcPort: 50_998,
      stateDir,
      readyTimeoutMs: 10_000,
      shutdownGraceMs: 2_000,
      repoRoot: dir,
      nodePath: process.execPath,
      searchPath: undefined,
      baseEnv: {},
      signal: controller.signal,
      log: (line) => lines.push(line),
      // Long enough to look at the component while it waits out its backoff.
      restart: { baseMs: 1_500, maxMs: 1_500, resetAfterMs: 60_000 },
      plan: (resolved) => Promise.resolve([testComponent({ name: 'bus', port: a, dir: resolved }), testComponent({ name: 'api', port: b, dir: resolved })]),
    });
    try {
      await waitFor('ready', () => lines.some((l) => l.startsWith('magpie up: ready')), 20_000, 20);
      const healthy = await status(stateDir);
      expect(healthy.code).toBe(0);
      const before = await readState(stateDir);
      const apiPid = before?.components.find((c) => c.name === 'api')?.pid ?? 0;
      expect(healthy.out[0]).toMatch(new RegExp(`^magpie up \\(pid ${process.pid}\\) since .*; gateway 127\\.0\\.0\\.1:50998$`));
      expect(healthy.out[1]).toMatch(/^NAME\s+PID\s+PORTS\s+HEALTH\s+RESTARTS\s+CHECK$/);
      expect(healthy.out[3]).toMatch(new RegExp(`^api\\s+${apiPid}\\s+health=${b}\\s+healthy\\s+0\\s+http://127\\.0\\.0\\.1:${b}/healthz$`));

      process.kill(apiPid, 'SIGKILL');
      await waitFor('api restarting', async () => (await readState(stateDir))?.components.find((c) => c.name === 'api')?.state === 'restarting', 20_000, 20);
      const crashed = await status(stateDir);
      expect(crashed.code).toBe(1);
      expect(crashed.out[3]).toMatch(/^api\s+\d+\s+health=\d+\s+restarting\s+0/);
      expect(crashed.out.at(-1)).toBe('not healthy: api');
      expect(lines).toContain(`magpie up: api exited unexpectedly (signal SIGKILL); restart attempt 1 in 1500 ms; see ${join(stateDir, 'logs', 'api.log')}`);

      await waitFor('api running again', async () => (await readState(stateDir))?.components.find((c) => c.name === 'api')?.state === 'running', 20_000, 20);
      const after = await readState(stateDir);
      const restarted = after?.components.find((c) => c.name === 'api');
      expect(restarted?.restarts).toBe(1);
      expect(restarted?.pid).not.toBe(apiPid);
      const recovered = await status(stateDir);
      expect(recovered.code).toBe(0);
      expect(recovered.out[3]).toMatch(new RegExp(`^api\\s+${restarted?.pid}\\s+health=${b}\\s+healthy\\s+1\\s`));
    } finally {
      controller.abort();
      expect(await up).toBe(0);
    }
    expect((await status(stateDir)).code).toBe(2);
  });
});
