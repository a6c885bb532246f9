import { isTerminal, type RunState } from '@magpie/contracts';
import type { RunStore } from '@magpie/runs';
import type { RunIndex } from './run-index.js';

export interface RunFeedOptions {
  readonly store: RunStore;
  readonly index: RunIndex;
  /** Told about each run seen moving from running to an end while the gateway runs (not about runs that ended before). */
  readonly onEnded: (state: RunState) => void;
  /** Told about each running run: those running when the feed has loaded, then each that starts. */
  readonly onRunning?: (state: RunState) => void;
}

/**
 * Keeps the run index current from the runs bucket's change feed, and tells who needs to know
 * when a run starts and ends (the dataset builder, streams waiting for a run's end).
 */
export class RunFeed {
  readonly #o: RunFeedOptions;
  readonly #stop = new AbortController();
  readonly ready: Promise<void>;
  #following: Promise<void> | undefined;
  #markReady: () => void = () => undefined;
  readonly #toldRunning = new Set<string>();
  readonly #endWaiters = new Map<string, { readonly ended: Promise<RunState>; readonly resolve: (state: RunState) => void }>();

  constructor(options: RunFeedOptions) {
    this.#o = options;
    this.ready = new Promise((resolve) => (this.#markReady = resolve));
  }

  start(): void {
    let loaded = false;
    this.#following ??= this.#o.store.follow(
      (state) => {
        const before = this.#o.index.get(state.runId);
        this.#o.index.put(state);
        if (isTerminal(state.status)) this.#ended(state);
        if (!loaded) return;
        if (before !== undefined && !isTerminal(before.status) && isTerminal(state.status)) this.#o.onEnded(state);
        this.#running(state);
      },
      {
        signal: this.#stop.signal,
        onReady: () => {
          loaded = true;
          this.#markReady();
          for (const state of this.#o.index.running()) this.#running(state);
        },
      },
    );
  }

  /**
   * Resolves with the run's terminal state once the feed has seen it end (at once for a run the
   * index holds as ended). Never rejects; a run that never ends never resolves it.
   */
  whenEnded(runId: string): Promise<RunState> {
    const known = this.#o.index.get(runId);
    if (known && isTerminal(known.status)) return Promise.resolve(known);
    let waiter = this.#endWaiters.get(runId);
    if (!waiter) {
      let resolve: (state: RunState) => void = () => undefined;
      const ended = new Promise<RunState>((r) => (resolve = r));
      waiter = { ended, resolve };
      this.#endWaiters.set(runId, waiter);
    }
    return waiter.ended;
  }

  /** Tells onRunning about a run once (the run service may index a run it created before the feed sees it). */
  #running(state: RunState): void {
    if (isTerminal(state.status)) {
      this.#toldRunning.delete(state.runId);
      return;
    }
    if (this.#toldRunning.has(state.runId)) return;
    this.#toldRunning.add(state.runId);
    this.#o.onRunning?.(state);
  }

  #ended(state: RunState): void {
    this.#endWaiters.get(state.runId)?.resolve(state);
    this.#endWaiters.delete(state.runId);
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    await this.#following;
  }
}
