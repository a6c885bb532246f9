import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChildStartError } from './errors.js';
import { ManagedChild, describeExit, type ChildSpec } from './managed-child.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'managed-child-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function nodeChild(name: string, script: string, env: Record<string, string> = {}): ChildSpec {
  return { name, command: process.execPath, args: ['-e', script], env: { ...env }, cwd: dir, logPath: join(dir, 'logs', `${name}.log`) };
}

describe('ManagedChild', () => {
  it('runs a child with its env and cwd, appending stdout and stderr to its log', async () => {
    const child = await ManagedChild.start(
      nodeChild('echo', "console.log('out', process.env.GREETING, process.cwd()); console.error('err'); process.exit(3)", { GREETING: 'hi' }),
    );
    expect(child.pid).toBeGreaterThan(0);
    expect(await child.exited).toEqual({ code: 3, signal: null });
    expect(child.running).toBe(false);
    const log = await readFile(join(dir, 'logs', 'echo.log'), 'utf8');
    expect(log).toContain(`out hi ${dir}`);
    expect(log).toContain('err');
  });

  it('stops a child with SIGTERM', async () => {
    const child = await ManagedChild.start(nodeChild('sleeper', 'setInterval(() => {}, 1000)'));
    expect(child.running).toBe(true);
    const exit = await child.stop(5_000);
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await child.stop(5_000)).toEqual(exit);
  });

  it('lets a child shut down gracefully on SIGTERM', async () => {
    const child = await ManagedChild.start(
      nodeChild('graceful', "process.on('SIGTERM', () => { console.log('bye'); process.exit(0); }); console.log('up'); setInterval(() => {}, 1000)"),
    );
    // Give the child time to install its handler before signalling it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await child.stop(5_000)).toEqual({ code: 0, signal: null });
    expect(await readFile(child.logPath, 'utf8')).toContain('bye');
  });

  it('kills a child that ignores SIGTERM after the grace period', async () => {
    const child = await ManagedChild.start(nodeChild('stubborn', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const startedAt = Date.now();
    expect(await child.stop(300)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(250);
  });

  it('throws ChildStartError for a missing command', async () => {
    await expect(
      ManagedChild.start({ name: 'ghost', command: join(dir, 'no-such-binary'), args: [], env: {}, cwd: dir, logPath: join(dir, 'ghost.log') }),
    ).rejects.toBeInstanceOf(ChildStartError);
  });

  it('describes exits', () => {
    expect(describeExit({ code: 1, signal: null })).toBe('exit code 1');
    expect(describeExit({ code: null, signal: 'SIGKILL' })).toBe('signal SIGKILL');
  });
});
