import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
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

/** Resolves once the child's log holds `text`: the child has got that far. */
async function logged(child: ManagedChild, text: string): Promise<void> {
  for (;;) {
    const log = await readFile(child.logPath, 'utf8').catch(() => '');
    if (log.includes(text)) return;
    if (!child.running) throw new Error(`${child.name} exited before logging ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
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
    // Signalled only once its handler is installed.
    await logged(child, 'up');
    expect(await child.stop(5_000)).toEqual({ code: 0, signal: null });
    expect(await readFile(child.logPath, 'utf8')).toContain('bye');
  });

  it('kills a child that ignores SIGTERM after the grace period', async () => {
    const child = await ManagedChild.start(nodeChild('stubborn', "process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000)"));
    await logged(child, 'up');
    const startedAt = Date.now();
    expect(await child.stop(300)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(250);
  });

  it("writes the spec's files, owner-only, before the child starts", async () => {
    const config = join(dir, 'generated', 'server.conf');
    const child = await ManagedChild.start({
      ...nodeChild('reader', `console.log(require('fs').readFileSync(${JSON.stringify(config)}, 'utf8'))`),
      files: [{ path: config, content: 'secret: s3cret' }],
    });
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(await readFile(child.logPath, 'utf8')).toContain('secret: s3cret');
    expect((await stat(config)).mode & 0o777).toBe(0o600);
  });

  it('stops a whole process group when the child leads one', async () => {
    const script = "const { spawn } = require('child_process'); const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log('grandchild ' + g.pid); setInterval(() => {}, 1000)";
    const child = await ManagedChild.start(nodeChild('leader', script), { processGroup: true });
    await logged(child, 'grandchild ');
    const grandchild = Number(/grandchild (\d+)/.exec(await readFile(child.logPath, 'utf8'))?.[1]);
    expect(await child.stop(5_000)).toEqual({ code: null, signal: 'SIGTERM' });
    const alive = (pid: number): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 200 && alive(grandchild); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(alive(grandchild)).toBe(false);
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
