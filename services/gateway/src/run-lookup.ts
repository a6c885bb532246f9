import { isNatsError } from '@magpie/bus';
import type { RunState } from '@magpie/contracts';
import { RunNotFoundError, type RunStore } from '@magpie/runs';
import type { RunIndex } from './run-index.js';

/**
 * A run's document for the gateway's reads: from the index (kept from the runs bucket's change
 * feed), or from the store for a run another replica stored a moment ago.
 */
export class RunLookup {
  readonly #store: RunStore;
  readonly #index: RunIndex;
  readonly #ready: Promise<void>;

  constructor(store: RunStore, index: RunIndex, ready: Promise<void>) {
    this.#store = store;
    this.#index = index;
    this.#ready = ready;
  }

  /** Resolves once the index holds every stored run. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /** Throws RunNotFoundError for an unknown run. */
  async state(runId: string): Promise<RunState> {
    await this.#ready;
    const indexed = this.#index.get(runId);
    if (indexed) return indexed;
    const stored = await this.#store.get(runId);
    if (!stored) throw new RunNotFoundError(`run ${runId} not found`);
    this.#index.put(stored);
    return stored;
  }

  /**
   * The freshest document: the store's (for a stream deciding whether the run has ended); the
   * index's while NATS cannot be reached.
   */
  async fresh(runId: string): Promise<RunState | undefined> {
    let stored: RunState | undefined;
    try {
      stored = await this.#store.get(runId);
    } catch (err) {
      if (!isNatsError(err)) throw err;
      return this.#index.get(runId);
    }
    if (stored) this.#index.put(stored);
    return stored ?? this.#index.get(runId);
  }
}
