import { setTimeout as sleep } from 'node:timers/promises';
import { ComponentNotReadyError, ManagedChild, describeExit, describeReadiness, waitUntilReady, type ChildExit, type ComponentSpec } from '@magpie/launcher';
import { DEFAULT_RESTART_POLICY, restartDelayMs, type RestartPolicy } from './restart-policy.js';

export interface SupervisorOptions {
  /** Per component: how long it may take to become ready (at start and after each restart). */
  readonly readyTimeoutMs: number;
  /** Status lines (ready, stopping, unexpected exits, restarts). */
  readonly log: (line: string) => void;
  /** Called whenever a component is started, exits unexpectedly or is restarted, e.g. to rewrite up.json. */
  readonly onChange?: (running: readonly RunningComponent[]) => void;
  /** Pause between readiness probes; default 200 ms. */
  readonly probeIntervalMs?: number;
  /** Backoff for restarting components that exit on their own; default 1 s doubling to 30 s, reset after 60 s up. */
  readonly restart?: RestartPolicy;
}

/**
 * - `running`: the current process is up (and was ready once).
 * - `restarting`: it exited on its own; a new process is waiting out its backoff or becoming ready.
 */
export type ComponentState = 'running' | 'restarting';

export interface RunningComponent {
  readonly spec: ComponentSpec;
  /** The current process; replaced on each restart. */
  readonly child: ManagedChild;
  /** Restarts so far. */
  readonly restarts: number;
  readonly state: ComponentState;
}

interface Supervised {
  readonly spec: ComponentSpec;
  child: ManagedChild;
  restarts: number;
  state: ComponentState;
  /** Consecutive restarts without a healthy spell in between: drives the backoff. */
  crashLoop: number;
  /** When the current process became ready; undefined until it does. */
  readyAt: number | undefined;
}

/**
 * Starts components one after another, each only once the previous one is ready, and stops them in
 * reverse order. A component that exits on its own after it was ready is restarted with exponential
 * backoff (same command, environment and data directory), each restart logged with how it exited,
 * the attempt and the log file. Nothing is restarted once `stopAll` has begun.
 */
export class Supervisor {
  readonly #options: SupervisorOptions;
  readonly #policy: RestartPolicy;
  readonly #running: Supervised[] = [];
  // Aborted by stopAll: cancels pending restarts and readiness waits of restarted children.
  readonly #stopping = new AbortController();
  readonly #loops = new Set<Promise<void>>();

  constructor(options: SupervisorOptions) {
    this.#options = options;
    this.#policy = options.restart ?? DEFAULT_RESTART_POLICY;
  }

  get running(): readonly RunningComponent[] {
    return this.#running.map(({ spec, child, restarts, state }) => ({ spec, child, restarts, state }));
  }

  /**
   * Starts every component in order. Throws ComponentNotReadyError (or ChildStartError) naming the
   * component and its log file when one does not become ready, and the signal's reason when it
   * aborts; components already started keep running, so call `stopAll` afterwards.
   */
  async startAll(specs: readonly ComponentSpec[], signal?: AbortSignal): Promise<void> {
    for (const spec of specs) {
      signal?.throwIfAborted();
      const child = await ManagedChild.start(spec, { processGroup: true });
      const component: Supervised = { spec, child, restarts: 0, state: 'running', crashLoop: 0, readyAt: undefined };
      this.#running.push(component);
      await this.#waitReady(spec, child, signal);
      component.readyAt = Date.now();
      this.#options.log(`${spec.name} ready on ${describeReadiness(spec.readiness)} (pid ${child.pid}; ${describePorts(spec)}; log ${spec.logPath})`);
      this.#changed();
      this.#track(this.#supervise(component));
    }
  }

  /** Stops every started component, last started first, and cancels pending restarts. Never throws. */
  async stopAll(): Promise<void> {
    this.#stopping.abort();
    // A restart in progress may be spawning a child right now; let it settle so that child is stopped too.
    await Promise.allSettled([...this.#loops]);
    while (this.#running.length > 0) {
      const component = this.#running.pop();
      if (!component) break;
      if (component.child.running) this.#options.log(`stopping ${component.spec.name} (pid ${component.child.pid})`);
      // Each component's own stop grace: for a service, longer than its SHUTDOWN_GRACE_MS.
      const exit = await component.child.stop(component.spec.stopGraceMs);
      if (exit.signal === 'SIGKILL') this.#options.log(`${component.spec.name} did not stop within ${component.spec.stopGraceMs} ms; killed`);
      else this.#options.log(`${component.spec.name} stopped (${describeExit(exit)})`);
    }
  }

  /** SIGKILLs every child at once; for when the supervisor itself must exit now. */
  killAll(): void {
    this.#stopping.abort();
    for (const { child } of this.#running) child.kill();
  }

  #track(loop: Promise<void>): void {
    this.#loops.add(loop);
    void loop.finally(() => this.#loops.delete(loop));
  }

  #changed(): void {
    this.#options.onChange?.(this.running);
  }

  /** Watches one ready component for the rest of the supervisor's life, restarting it when it exits. */
  async #supervise(component: Supervised): Promise<void> {
    const stop = this.#stopping.signal;
    for (;;) {
      const exit = await this.#exitOrStop(component.child);
      if (exit === 'stopped' || component.child.stopping) return;
      const { spec } = component;
      if (component.readyAt !== undefined && Date.now() - component.readyAt >= this.#policy.resetAfterMs) component.crashLoop = 0;
      component.crashLoop += 1;
      component.state = 'restarting';
      component.readyAt = undefined;
      const delayMs = restartDelayMs(this.#policy, component.crashLoop);
      this.#options.log(
        `${spec.name} exited unexpectedly (${describeExit(exit)}); restart attempt ${component.crashLoop} in ${delayMs} ms; see ${spec.logPath}`,
      );
      this.#changed();
      if (!(await sleep(delayMs, true, { signal: stop }).catch(() => false))) return;
      if ((await this.#restart(component)) === 'stopped') return;
    }
  }

  /** The child's exit, or 'stopped' as soon as stopAll begins (stopAll then stops the child itself). */
  #exitOrStop(child: ManagedChild): Promise<ChildExit | 'stopped'> {
    const stop = this.#stopping.signal;
    if (stop.aborted) return Promise.resolve('stopped');
    let onAbort: () => void = () => undefined;
    const stopped = new Promise<'stopped'>((resolve) => {
      onAbort = () => resolve('stopped');
      stop.addEventListener('abort', onAbort, { once: true });
    });
    return Promise.race([child.exited, stopped]).finally(() => stop.removeEventListener('abort', onAbort));
  }

  /**
   * Starts a new process for `component` and waits until it is ready: 'ready', 'failed' (it could
   * not be spawned, exited first or was not ready in time and was stopped) or 'stopped' when
   * stopAll began meanwhile. On 'failed' the current child has exited, so the caller backs off again.
   */
  async #restart(component: Supervised): Promise<'ready' | 'failed' | 'stopped'> {
    const { spec } = component;
    const stop = this.#stopping.signal;
    let child: ManagedChild;
    try {
      child = await ManagedChild.start(spec, { processGroup: true });
    } catch (error) {
      this.#options.log(`${spec.name}: ${error instanceof Error ? error.message : String(error)}`);
      return stop.aborted ? 'stopped' : 'failed';
    }
    component.child = child;
    component.restarts += 1;
    this.#changed();
    if (stop.aborted) return 'stopped';
    try {
      await this.#waitReady(spec, child, stop);
    } catch (error) {
      if (stop.aborted) return 'stopped';
      this.#options.log(`${spec.name} restart failed: ${error instanceof Error ? error.message : String(error)}`);
      // Not ready in time: replace it, as a failing liveness probe would.
      if (child.running) await child.stop(spec.stopGraceMs);
      return 'failed';
    }
    component.readyAt = Date.now();
    component.state = 'running';
    this.#options.log(`${spec.name} restarted and ready (pid ${child.pid}; restart ${component.restarts}; log ${spec.logPath})`);
    this.#changed();
    return 'ready';
  }

  async #waitReady(spec: ComponentSpec, child: ManagedChild, signal: AbortSignal | undefined): Promise<void> {
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
}

function describePorts(spec: ComponentSpec): string {
  return Object.entries(spec.ports)
    .map(([role, port]) => `${role} ${port}`)
    .join(', ');
}
