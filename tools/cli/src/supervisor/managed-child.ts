import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { ChildStartError } from './errors.js';

/** How a child ended: an exit code, or the signal that killed it. */
export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ChildSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** The child's whole environment (nothing is inherited implicitly). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** stdout and stderr are appended here; the directory is created. */
  readonly logPath: string;
}

/** Describes an exit for a log line: `exit code 1` or `signal SIGKILL`. */
export function describeExit(exit: ChildExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code ?? 'unknown'}`;
}

/**
 * One child process with its output in a log file. The child leads its own process group, so a
 * Ctrl-C in the terminal reaches only the supervisor, which then stops children in order.
 */
export class ManagedChild {
  readonly name: string;
  readonly logPath: string;
  readonly pid: number;
  /** Settles once, when the process has exited. */
  readonly exited: Promise<ChildExit>;
  readonly #process: ChildProcess;
  #exit: ChildExit | undefined;
  #stopping = false;

  private constructor(spec: ChildSpec, child: ChildProcess, pid: number) {
    this.name = spec.name;
    this.logPath = spec.logPath;
    this.pid = pid;
    this.#process = child;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.#exit = { code, signal };
        resolve(this.#exit);
      });
    });
  }

  /**
   * Spawns the child and resolves once it is running. Throws ChildStartError when the log file
   * cannot be opened or the command cannot be spawned.
   */
  static async start(spec: ChildSpec): Promise<ManagedChild> {
    let logFd: number;
    try {
      mkdirSync(dirname(spec.logPath), { recursive: true });
      logFd = openSync(spec.logPath, 'a');
    } catch (cause) {
      throw new ChildStartError(`${spec.name}: cannot open log file ${spec.logPath}`, { cause });
    }
    try {
      const child = spawn(spec.command, [...spec.args], {
        cwd: spec.cwd,
        env: { ...spec.env },
        stdio: ['ignore', logFd, logFd],
        detached: true,
      });
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
      if (child.pid === undefined) throw new Error('no pid');
      return new ManagedChild(spec, child, child.pid);
    } catch (cause) {
      throw new ChildStartError(`${spec.name}: cannot start ${spec.command}`, { cause });
    } finally {
      // The child holds its own copy of the descriptor.
      closeSync(logFd);
    }
  }

  /** True until the process exits. */
  get running(): boolean {
    return this.#exit === undefined;
  }

  /** True once `stop` was called, so an exit is expected. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /**
   * Sends SIGTERM to the child's process group, then SIGKILL if it is still running after
   * `graceMs`. Resolves with how it exited; safe to call more than once.
   */
  async stop(graceMs: number): Promise<ChildExit> {
    this.#stopping = true;
    if (this.#exit) return this.#exit;
    this.#signal('SIGTERM');
    const timer = setTimeout(() => this.#signal('SIGKILL'), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGKILLs the process group at once; for a supervisor that is itself exiting. */
  kill(): void {
    this.#stopping = true;
    this.#signal('SIGKILL');
  }

  #signal(signal: NodeJS.Signals): void {
    if (this.#exit) return;
    try {
      process.kill(-this.pid, signal);
    } catch {
      // The group may already be gone; fall back to the process itself.
      this.#process.kill(signal);
    }
  }
}
