import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';

export interface ManagedProcessOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** The child's whole environment; it inherits this process's environment when omitted. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** stdout and stderr are appended here. */
  readonly logFile: string;
}

/** A real child process for tests, with its output in a log file and kill helpers. */
export class ManagedProcess {
  readonly name: string;
  readonly logFile: string;
  readonly #options: ManagedProcessOptions;
  #child: ChildProcess | undefined;
  #exited: Promise<number | null> = Promise.resolve(null);
  #log: WriteStream | undefined;

  constructor(options: ManagedProcessOptions) {
    this.#options = options;
    this.name = options.name;
    this.logFile = options.logFile;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  get isRunning(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Spawns the process (again, after it exited). */
  start(): void {
    if (this.isRunning) return;
    const o = this.#options;
    this.#log = createWriteStream(o.logFile, { flags: 'a' });
    const child = spawn(o.command, [...o.args], {
      cwd: o.cwd,
      env: o.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(this.#log, { end: false });
    child.stderr?.pipe(this.#log, { end: false });
    this.#child = child;
    this.#exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Sends `signal` and waits for exit; SIGKILL after `forceAfterMs`. Resolves with the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', forceAfterMs = 10_000): Promise<number | null> {
    const child = this.#child;
    if (!child || !this.isRunning) return child?.exitCode ?? null;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), forceAfterMs);
    const code = await this.#exited;
    clearTimeout(timer);
    this.#log?.end();
    return code;
  }

  /** Kills without warning, as a crash or an OOM kill would. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL', 0);
  }

  exited(): Promise<number | null> {
    return this.#exited;
  }
}
