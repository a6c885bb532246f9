import type { RunTracker } from './run-tracker.js';

/** Anything started with the stage and stopped after its workers (backend pools). */
export interface StageResource {
  start(): void;
  stop(): void;
}

/** What the lifecycle needs of a worker (any payload type). */
export interface StageWorker {
  readonly state: string;
  start(): Promise<void>;
  stop(graceMs: number): Promise<void>;
}

export interface StageLifecycleOptions {
  readonly tracker: RunTracker;
  readonly resources: readonly StageResource[];
  readonly workers: readonly StageWorker[];
}

/**
 * The start/stop order every stage shares: follow run status and open backend pools before
 * pulling; on stop, finish or nak in-flight work first, then close pools and the status watch.
 */
export class StageLifecycle {
  readonly #o: StageLifecycleOptions;

  constructor(options: StageLifecycleOptions) {
    this.#o = options;
  }

  /** True while every worker is pulling. */
  get isRunning(): boolean {
    return this.#o.workers.every((w) => w.state === 'running');
  }

  async start(): Promise<void> {
    this.#o.tracker.start();
    for (const r of this.#o.resources) r.start();
    for (const w of this.#o.workers) await w.start();
  }

  /** Stops pulling and drains in-flight work for up to `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    await Promise.all(this.#o.workers.map((w) => w.stop(graceMs)));
    for (const r of this.#o.resources) r.stop();
    await this.#o.tracker.stop();
  }
}
