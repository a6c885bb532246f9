import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComponentNotReadyError, findFreePorts } from '@magpie/launcher';
import { waitFor } from '@magpie/testing';
import { Supervisor } from './supervisor.js';
import { testComponent } from '../testing/test-components.js';

let dir: string;
let lines: string[];
let supervisor: Supervisor;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'supervisor-'));
  lines = [];
  supervisor = new Supervisor({ readyTimeoutMs: 10_000, probeIntervalMs: 50, log: (line) => lines.push(line) });
});

afterEach(async () => {
  await supervisor.stopAll();
  await rm(dir, { recursive: true, force: true });
});

describe('Supervisor', () => {
  it('starts components in order, each once the previous is ready, and stops them in reverse', async () => {
    const [a = 0, b = 0, c = 0] = await findFreePorts(3);
    const started: string[][] = [];
    supervisor = new Supervisor({
      readyTimeoutMs: 10_000,
      probeIntervalMs: 50,
      log: (line) => lines.push(line),
      onChange: (running) => started.push(running.map((r) => r.spec.name)),
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

  it('restarts a child that exits on its own with exponential backoff, logging exit, attempt and log file', async () => {
    const [a = 0, b = 0] = await findFreePorts(2);
    const changes: number[] = [];
    supervisor = new Supervisor({
      readyTimeoutMs: 10_000,
      probeIntervalMs: 20,
      log: (line) => lines.push(line),
      onChange: (running) => changes.push(running[1]?.restarts ?? -1),
      restart: { baseMs: 100, maxMs: 400, resetAfterMs: 60_000 },
    });
    await supervisor.startAll([
      testComponent({ name: 'steady', port: a, dir }),
      testComponent({ name: 'crasher', port: b, dir, exitAfterReadyMs: 150, exitCode: 7 }),
    ]);
    const firstPid = supervisor.running[1]?.child.pid;
    await waitFor('four crashes', () => lines.filter((l) => l.includes('crasher exited unexpectedly')).length >= 4, 20_000, 20);
    const log = join(dir, 'logs', 'crasher.log');
    const exits = lines.filter((l) => l.includes('crasher exited unexpectedly')).slice(0, 4);
    expect(exits).toEqual([100, 200, 400, 400].map((ms, i) => `crasher exited unexpectedly (exit code 7); restart attempt ${i + 1} in ${ms} ms; see ${log}`));
    expect(lines.some((l) => /^crasher restarted and ready \(pid \d+; restart 1; log .*crasher\.log\)$/.test(l))).toBe(true);
    expect(supervisor.running[1]?.restarts).toBeGreaterThanOrEqual(3);
    expect(supervisor.running[1]?.child.pid).not.toBe(firstPid);
    expect(changes).toContain(3);
    // The healthy neighbour is untouched.
    expect(supervisor.running[0]?.restarts).toBe(0);
    expect(supervisor.running[0]?.child.running).toBe(true);
  });

  it('starts the backoff over once a restarted child stayed up for resetAfterMs', async () => {
    const [a = 0] = await findFreePorts(1);
    supervisor = new Supervisor({
      readyTimeoutMs: 10_000,
      probeIntervalMs: 20,
      log: (line) => lines.push(line),
      restart: { baseMs: 50, maxMs: 5_000, resetAfterMs: 200 },
    });
    await supervisor.startAll([testComponent({ name: 'flaky', port: a, dir, exitAfterReadyMs: 400, exitCode: 3 })]);
    await waitFor('three exits', () => lines.filter((l) => l.includes('flaky exited unexpectedly')).length >= 3, 20_000, 20);
    const attempts = lines.filter((l) => l.includes('flaky exited unexpectedly')).map((l) => /restart attempt (\d+) in (\d+) ms/.exec(l)?.slice(1));
    expect(attempts.slice(0, 3)).toEqual([
      ['1', '50'],
      ['1', '50'],
      ['1', '50'],
    ]);
  });

  it('restarts nothing once stopAll begins, not even a restart that is waiting out its backoff', async () => {
    const [a = 0, b = 0] = await findFreePorts(2);
    supervisor = new Supervisor({
      readyTimeoutMs: 10_000,
      probeIntervalMs: 20,
      log: (line) => lines.push(line),
      restart: { baseMs: 1_000, maxMs: 1_000, resetAfterMs: 60_000 },
    });
    await supervisor.startAll([testComponent({ name: 'steady', port: a, dir }), testComponent({ name: 'crasher', port: b, dir, exitAfterReadyMs: 100, exitCode: 1 })]);
    await waitFor('the crash', () => lines.some((l) => l.includes('crasher exited unexpectedly')), 20_000, 20);
    const children = supervisor.running.map((r) => r.child);
    // stopAll settles every restart loop before it returns: one waiting out its backoff is cancelled, not resumed later.
    await supervisor.stopAll();
    expect(lines.some((l) => l.includes('restart attempt 1 in 1000 ms'))).toBe(true);
    expect(lines.some((l) => l.includes('restarted') || l.includes('restart failed'))).toBe(false);
    expect(lines.filter((l) => l.includes('exited unexpectedly'))).toHaveLength(1);
    expect(children.every((child) => !child.running)).toBe(true);
    expect((await readFile(join(dir, 'stop-order'), 'utf8')).trim().split('\n')).toEqual(['steady']);
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
    supervisor = new Supervisor({ readyTimeoutMs: 300, probeIntervalMs: 50, log: (line) => lines.push(line) });
    await expect(supervisor.startAll([testComponent({ name: 'slow', port: a, dir, readyAfterMs: 10_000 })])).rejects.toThrow(
      /slow not ready within 300 ms; see .*slow\.log/,
    );
  });

  it('stops waiting when the signal aborts', async () => {
    const [a = 0] = await findFreePorts(1);
    const controller = new AbortController();
    const starting = supervisor.startAll([testComponent({ name: 'slow', port: a, dir, readyAfterMs: 10_000 })], controller.signal);
    // Interrupted once the child runs and its readiness is being waited for.
    await waitFor('the child', () => supervisor.running.length === 1, 20_000, 10);
    controller.abort(new Error('interrupted'));
    await expect(starting).rejects.toThrow('interrupted');
  });
});
