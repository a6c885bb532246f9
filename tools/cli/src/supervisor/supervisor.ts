import { describeExit, ManagedChild, type ChildExit } from './managed-child.js';
import type { ComponentSpec } from './platform-plan.js';
import { describeReadiness, waitUntilReady } from './readiness.js';
import { ComponentNotReadyError } from './errors.js';

export interface SupervisorOptions {
  /** Per component: how long it may take to become ready. */
  readonly readyTimeoutMs: number;
  /** Per component: SIGKILL after this long when SIGTERM did not stop it. */
  readonly stopGraceMs: number;
  /** Status lines (ready, stopping, unexpected exits). */
  readonly log: (line: string) => void;
  /** Called after each component is ready, e.g. to rewrite up.json. */
  readonly onStarted?: (running: readonly RunningComponent[]) => void;
  /** Pause between readiness probes; default 200 ms. */
  readonly probeIntervalMs?: number;
}

export interface RunningComponent {
  readonly spec: ComponentSpec;
  readonly child: ManagedChild;
}

/**
 * Starts components one after another, each only once the previous one is ready, and stops them in
 * reverse order. A component that exits on its own is reported with its exit code and log file;
 * it is not restarted.
 */
export class Supervisor {
  readonly #options: SupervisorOptions;
  readonly #running: RunningComponent[] = [];
  // An exit before readiness is reported by startAll's error instead.
  readonly #ready = new WeakSet<ManagedChild>();

  constructor(options: SupervisorOptions) {
    this.#options = options;
  }

  get running(): readonly RunningComponent[] {
    return [...this.#running];
  }

  /**
   * Starts every component in order. Throws ComponentNotReadyError (or ChildStartError) naming the
   * component and its log file when one does not become ready, and the signal's reason when it
   * aborts; components already started keep running, so call `stopAll` afterwards.
   */
  async startAll(specs: readonly ComponentSpec[], signal?: AbortSignal): Promise<void> {
    for (const spec of specs) {
      signal?.throwIfAborted();
      const child = await ManagedChild.start(spec);
      const component = { spec, child };
      this.#running.push(component);
      void child.exited.then((exit) => this.#onExit(component, exit));
      await this.#waitReady(component, signal);
      this.#ready.add(child);
      const ports = Object.entries(spec.ports)
        .map(([role, port]) => `${role} ${port}`)
        .join(', ');
      this.#options.log(`${spec.name} ready on ${describeReadiness(spec.readiness)} (pid ${child.pid}; ${ports}; log ${spec.logPath})`);
      this.#options.onStarted?.(this.running);
    }
  }

  /** Stops every started component, last started first. Never throws. */
  async stopAll(): Promise<void> {
    while (this.#running.length > 0) {
      const component = this.#running.pop();
      if (!component) break;
      if (component.child.running) this.#options.log(`stopping ${component.spec.name} (pid ${component.child.pid})`);
      const exit = await component.child.stop(this.#options.stopGraceMs);
      if (exit.signal === 'SIGKILL') this.#options.log(`${component.spec.name} did not stop within ${this.#options.stopGraceMs} ms; killed`);
    }
  }

  /** SIGKILLs every child at once; for when the supervisor itself must exit now. */
  killAll(): void {
    for (const { child } of this.#running) child.kill();
  }

  async #waitReady(component: RunningComponent, signal: AbortSignal | undefined): Promise<void> {
    const { spec, child } = component;
    // Stop probing as soon as the child dies: waiting out the timeout would only hide the cause.
    const probing = new AbortController();
    const onAbort = (): void => probing.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const died = child.exited.then((exit) => {
      probing.abort();
      return exit;
    });
    try {
      await waitUntilReady(spec.readiness, {
        timeoutMs: this.#options.readyTimeoutMs,
        signal: probing.signal,
        ...(this.#options.probeIntervalMs === undefined ? {} : { intervalMs: this.#options.probeIntervalMs }),
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (!child.running) {
        const exit = await died;
        throw new ComponentNotReadyError(`${spec.name} exited before it was ready (${describeExit(exit)}); see ${spec.logPath}`);
      }
      throw new ComponentNotReadyError(`${spec.name} not ready within ${this.#options.readyTimeoutMs} ms; see ${spec.logPath}`, {
        cause: error,
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  #onExit(component: RunningComponent, exit: ChildExit): void {
    if (component.child.stopping || !this.#ready.has(component.child)) return;
    this.#options.log(`${component.spec.name} exited unexpectedly (${describeExit(exit)}); see ${component.spec.logPath}`);
  }
}
