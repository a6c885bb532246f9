import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** How one child process went, as its user sees it: launched, waited for, exited. */
export interface TimedExit {
  readonly exitCode: number | null;
  /** Spawn → exit, wall seconds. */
  readonly wallSeconds: number;
  /** Epoch milliseconds at spawn and at exit, to compare with the gateway's timestamps. */
  readonly spawnedAtMs: number;
  readonly exitedAtMs: number;
  /**
   * User + system CPU seconds of the process and every descendant it waited for (distilabel's
   * worker processes included), which /proc cannot give once the process is gone.
   */
  readonly cpuSeconds: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

export interface TimedOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Called with each stdout chunk as it arrives (the CLI's first line names its run). */
  readonly onStdout?: (chunk: string) => void;
}

/** `times` prints "<user>m<s>s <sys>m<s>s" for the shell, then the same for its children. */
function parseChildTimes(text: string): number | undefined {
  const line = text.trim().split('\n')[1];
  const parts = line?.trim().split(/\s+/).map((p) => /^(\d+)m([\d.]+)s$/.exec(p));
  if (!parts || parts.length !== 2 || parts.some((m) => !m)) return undefined;
  return parts.reduce((sum, m) => sum + Number(m?.[1]) * 60 + Number(m?.[2]), 0);
}

/**
 * Runs `command args` under a bash that reports its children's CPU with `times` on exit; the
 * wrapper adds about a millisecond to the wall time, the same for every system measured.
 */
export async function runTimed(command: string, args: readonly string[], options: TimedOptions): Promise<TimedExit> {
  const dir = mkdtempSync(join(tmpdir(), 'magpie-bench-times-'));
  const timesFile = join(dir, 'times');
  const script = '"$@"; rc=$?; times > "$BENCH_TIMES_FILE"; exit $rc';
  const spawnedAtMs = Date.now();
  const started = performance.now();
  const child = spawn('bash', ['-c', script, 'bash', command, ...args], {
    cwd: options.cwd,
    env: { ...(options.env ?? process.env), BENCH_TIMES_FILE: timesFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stdout += text;
    options.onStdout?.(text);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // The exit is timed when the process ends; its output is complete only once its pipes close.
  let wallSeconds = 0;
  let exitedAtMs = 0;
  child.on('exit', () => {
    wallSeconds = (performance.now() - started) / 1000;
    exitedAtMs = Date.now();
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  let cpuSeconds: number | undefined;
  try {
    cpuSeconds = parseChildTimes(readFileSync(timesFile, 'utf8'));
  } catch {
    cpuSeconds = undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { exitCode, wallSeconds, spawnedAtMs, exitedAtMs, cpuSeconds, stdout, stderr };
}
