import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComponentNotReadyError } from './errors.js';
import { findFreePorts } from './free-port.js';
import { Supervisor } from './supervisor.js';
import { testComponent } from './test-components.js';

let dir: string;
let lines: string[];
let supervisor: Supervisor;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'supervisor-'));
  lines = [];
  supervisor = new Supervisor({ readyTimeoutMs: 10_000, stopGraceMs: 2_000, probeIntervalMs: 50, log: (line) => lines.push(line) });
});

afterEach(async () => {
  await supervisor.stopAll();
  await rm(dir, { recursive: true, force: true });
});

const waitFor = async (predicate: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const giveUpAt = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > giveUpAt) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('Supervisor', () => {
  it('starts components in order, each once the previous is ready, and stops them in reverse', async () => {
    const [a = 0, b = 0, c = 0] = await findFreePorts(3);
    const started: string[][] = [];
    supervisor = new Supervisor({
      readyTimeoutMs: 10_000,
      stopGraceMs: 2_000,
      probeIntervalMs: 50,
      log: (line) => lines.push(line),
      onStarted: (running) => started.push(running.map((r) => r.spec.name)),
    });
    await supervisor.startAll([
      testComponent({ name: 'first', port: a, dir, readyAfterMs: 300 }),
      testComponent({ name: 'second', port: b, dir }),
      testComponent({ name: 'third', port: c, dir }),
    ]);
    expect(started).toEqual([['first'], ['first', 'second'], ['first', 'second', 'third']]);
    expect(lines.filter((l) => l.includes(' ready on '))).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^first ready on http://127.0.0.1:${a}/healthz \\(pid \\d+; health ${a}; log .*first\\.log\\)$`));

    const children = supervisor.running.map((r) => r.child);
    await supervisor.stopAll();
    expect(children.every((child) => !child.running)).toBe(true);
    expect((await readFile(join(dir, 'stop-order'), 'utf8')).trim().split('\n')).toEqual(['third', 'second', 'first']);
    expect(lines.some((l) => l.includes('exited unexpectedly'))).toBe(false);
  });

  it('reports a child that exits on its own with its exit code and log file, and does not restart it', async () => {
    const [a = 0, b = 0] = await findFreePorts(2);
    await supervisor.startAll([
      testComponent({ name: 'steady', port: a, dir }),
      testComponent({ name: 'crasher', port: b, dir, exitAfterMs: 2_000, exitCode: 7 }),
    ]);
    const crasher = supervisor.running[1]?.child;
    await crasher?.exited;
    await waitFor(() => lines.some((l) => l.includes('crasher exited')));
    expect(lines).toContain(`crasher exited unexpectedly (exit code 7); see ${join(dir, 'logs', 'crasher.log')}`);
    expect(supervisor.running[0]?.child.running).toBe(true);
  });

  it('fails fast when a child exits before it is ready', async () => {
    const [a = 0, b = 0] = await findFreePorts(2);
    const error: unknown = await supervisor
      .startAll([testComponent({ name: 'ok', port: a, dir }), testComponent({ name: 'broken', port: b, dir, readyAfterMs: 5_000, exitAfterMs: 100, exitCode: 4 })])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComponentNotReadyError);
    expect((error as Error).message).toBe(`broken exited before it was ready (exit code 4); see ${join(dir, 'logs', 'broken.log')}`);
    expect(supervisor.running.map((r) => r.spec.name)).toEqual(['ok', 'broken']);
  });

  it('gives up on a component that never becomes ready', async () => {
    const [a = 0] = await findFreePorts(1);
    supervisor = new Supervisor({ readyTimeoutMs: 300, stopGraceMs: 2_000, probeIntervalMs: 50, log: (line) => lines.push(line) });
    await expect(supervisor.startAll([testComponent({ name: 'slow', port: a, dir, readyAfterMs: 10_000 })])).rejects.toThrow(
      /slow not ready within 300 ms; see .*slow\.log/,
    );
  });

  it('stops waiting when the signal aborts', async () => {
    const [a = 0] = await findFreePorts(1);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('interrupted')), 200);
    await expect(supervisor.startAll([testComponent({ name: 'slow', port: a, dir, readyAfterMs: 10_000 })], controller.signal)).rejects.toThrow(
      'interrupted',
    );
  });
});
