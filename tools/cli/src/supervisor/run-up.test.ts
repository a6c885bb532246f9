import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFreePorts } from '@magpie/launcher';
import { waitFor } from '@magpie/testing';
import { runUp, type RunUpOptions } from './run-up.js';
import { testComponent } from '../testing/test-components.js';
import type { UpState } from './up-state-file.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'run-up-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function options(overrides: Partial<RunUpOptions> & Pick<RunUpOptions, 'signal' | 'log' | 'plan'>): RunUpOptions {
  return {
    natsPort: 1,
    simPort: 2,
    grpcPort: 50_999,
    stateDir: join(dir, 'state'),
    readyTimeoutMs: 10_000,
    shutdownGraceMs: 2_000,
    repoRoot: dir,
    nodePath: process.execPath,
    searchPath: undefined,
    baseEnv: {},
    ...overrides,
  };
}

describe('runUp', () => {
  it('runs until the signal, keeps up.json while running, then stops in reverse and cleans up', async () => {
    const [a = 0, b = 0] = await findFreePorts(2);
    const controller = new AbortController();
    const lines: string[] = [];
    const stateDir = join(dir, 'state');
    const exitCode = runUp(
      options({
        signal: controller.signal,
        log: (line) => lines.push(line),
        plan: (resolvedStateDir) =>
          Promise.resolve([
          testComponent({ name: 'bus', port: a, dir: resolvedStateDir }),
          testComponent({ name: 'api', port: b, dir: resolvedStateDir }),
          ]),
      }),
    );
    await waitFor('ready', () => lines.includes('magpie up: ready (gateway 127.0.0.1:50999)'), 20_000, 20);
    expect(lines.filter((l) => / ready on /.test(l)).map((l) => l.split(' ')[2])).toEqual(['bus', 'api']);

    const state = JSON.parse(await readFile(join(stateDir, 'up.json'), 'utf8')) as UpState;
    expect(state).toMatchObject({ pid: process.pid, gateway: '127.0.0.1:50999' });
    expect(state.components.map((c) => [c.name, c.ports])).toEqual([
      ['bus', { health: a }],
      ['api', { health: b }],
    ]);
    expect(state.components.every((c) => c.pid > 0 && c.log.endsWith(`${c.name}.log`))).toBe(true);
    expect(state.components.map((c) => [c.health, c.restarts, c.state])).toEqual([
      [{ kind: 'http', url: `http://127.0.0.1:${a}/healthz` }, 0, 'running'],
      [{ kind: 'http', url: `http://127.0.0.1:${b}/healthz` }, 0, 'running'],
    ]);

    controller.abort();
    expect(await exitCode).toBe(0);
    expect(existsSync(join(stateDir, 'up.json'))).toBe(false);
    expect((await readFile(join(stateDir, 'stop-order'), 'utf8')).trim().split('\n')).toEqual(['api', 'bus']);
    expect(existsSync(join(stateDir, 'logs'))).toBe(true);
  });

  it('exits 1 with the reason when a component cannot start, stopping what had started', async () => {
    const [a = 0, b = 0] = await findFreePorts(2);
    const lines: string[] = [];
    const stateDir = join(dir, 'state');
    const code = await runUp(
      options({
        signal: new AbortController().signal,
        log: (line) => lines.push(line),
        plan: (resolvedStateDir) =>
          Promise.resolve([
          testComponent({ name: 'bus', port: a, dir: resolvedStateDir }),
          testComponent({ name: 'api', port: b, dir: resolvedStateDir, readyAfterMs: 5_000, exitAfterMs: 100, exitCode: 9 }),
          ]),
      }),
    );
    expect(code).toBe(1);
    expect(lines).toContain(`magpie up: api exited before it was ready (exit code 9); see ${join(stateDir, 'logs', 'api.log')}`);
    expect((await readFile(join(stateDir, 'stop-order'), 'utf8')).trim()).toBe('bus');
    expect(existsSync(join(stateDir, 'up.json'))).toBe(false);
  });

  it('refuses to start when a platform port is taken', async () => {
    const [busy = 0] = await findFreePorts(1);
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(busy, '127.0.0.1', resolve));
    const lines: string[] = [];
    try {
      const code = await runUp({ ...options({ signal: new AbortController().signal, log: (l) => lines.push(l), plan: undefined }), natsPort: busy });
      expect(code).toBe(1);
      expect(lines.join('\n')).toMatch(new RegExp(`port ${busy} \\(nats\\) is already in use`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
