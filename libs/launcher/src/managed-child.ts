import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
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
  /** Written (owner-only) before every start, e.g. a generated server config holding secrets. */
  readonly files?: readonly ChildFile[];
}

/** A file a child needs on disk when it starts. */
export interface ChildFile {
  readonly path: string;
  readonly content: string;
}

export interface ChildStartOptions {
  /**
   * Lead its own process group, so a Ctrl-C in the terminal reaches only the parent, which stops
   * children in order (`magpie up`). Off for test fixtures: a child then dies with an interrupted run.
   */
  readonly processGroup?: boolean;
}

/** Describes an exit for a log line: `exit code 1` or `signal SIGKILL`. */
export function describeExit(exit: ChildExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code ?? 'unknown'}`;
}

/**
 * One child process with its output in a log file: started once, stopped with SIGTERM then
 * SIGKILL, or killed. A restart is a new ManagedChild from the same spec.
 */
export class ManagedChild {
  readonly name: string;
  readonly logPath: string;
  readonly pid: number;
  /** Settles once, when the process has exited. */
  readonly exited: Promise<ChildExit>;
  readonly #process: ChildProcess;
  readonly #processGroup: boolean;
  #exit: ChildExit | undefined;
  #stopping = false;

  private constructor(spec: ChildSpec, child: ChildProcess, pid: number, processGroup: boolean) {
    this.name = spec.name;
    this.logPath = spec.logPath;
    this.pid = pid;
    this.#process = child;
    this.#processGroup = processGroup;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.#exit = { code, signal };
        resolve(this.#exit);
      });
    });
  }

  /**
   * Writes the spec's files, spawns the child and resolves once it is running. Throws
   * ChildStartError when a file or the log cannot be written or the command cannot be spawned.
   */
  static async start(spec: ChildSpec, options: ChildStartOptions = {}): Promise<ManagedChild> {
    const processGroup = options.processGroup ?? false;
    for (const file of spec.files ?? []) {
      try {
        mkdirSync(dirname(file.path), { recursive: true });
        writeFileSync(file.path, file.content, { mode: 0o600 });
        // The mode above only applies to a new file: an existing one is tightened too.
        chmodSync(file.path, 0o600);
      } catch (cause) {
        throw new ChildStartError(`${spec.name}: cannot write ${file.path}`, { cause });
      }
    }
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
        detached: processGroup,
      });
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
      if (child.pid === undefined) throw new Error('no pid');
      return new ManagedChild(spec, child, child.pid, processGroup);
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
   * Sends SIGTERM (to the child's process group when it leads one), then SIGKILL if it is still
   * running after `graceMs`. Resolves with how it exited; safe to call more than once.
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

  /** SIGKILLs at once, as a crash or an OOM kill would (synchronous, for a parent that is itself exiting). */
  kill(): void {
    this.#stopping = true;
    this.#signal('SIGKILL');
  }

  #signal(signal: NodeJS.Signals): void {
    if (this.#exit) return;
    if (!this.#processGroup) {
      this.#process.kill(signal);
      return;
    }
    try {
      process.kill(-this.pid, signal);
    } catch {
      // The group may already be gone; fall back to the process itself.
      this.#process.kill(signal);
    }
  }
}
