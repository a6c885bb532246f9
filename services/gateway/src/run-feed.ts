import { isTerminal, type RunState } from '@magpie/contracts';
import type { RunStore } from '@magpie/runs';
import type { RunIndex } from './run-index.js';

export interface RunFeedOptions {
  readonly store: RunStore;
  readonly index: RunIndex;
  /** Told about each run seen moving from running to an end while the gateway runs (not about runs that ended before). */
  readonly onEnded: (state: RunState) => void;
}

/**
 * Keeps the run index current from the runs bucket's change feed, and tells who needs to know
 * when a run ends (the dataset builder).
 */
export class RunFeed {
  readonly #o: RunFeedOptions;
  readonly #stop = new AbortController();
  readonly ready: Promise<void>;
  #following: Promise<void> | undefined;
  #markReady: () => void = () => undefined;

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
        if (loaded && before !== undefined && !isTerminal(before.status) && isTerminal(state.status)) this.#o.onEnded(state);
      },
      {
        signal: this.#stop.signal,
        onReady: () => {
          loaded = true;
          this.#markReady();
        },
      },
    );
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    await this.#following;
  }
}
