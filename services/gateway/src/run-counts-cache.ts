import { isTerminal, type RunCounts, type RunState } from '@magpie/contracts';

export interface RunCountsCacheOptions {
  /** Reads a run's counts from the record log (three stream-info requests). */
  readonly read: (runId: string) => Promise<RunCounts>;
  /** How long a running run's counts are served before they are read again; default 1000 ms. */
  readonly maxAgeMs?: number;
  /**
   * A run's counts are final once it ended this long ago (stragglers of a cancel have landed);
   * from then on they are never read again. Default 10 s.
   */
  readonly settleMs?: number;
  /** Runs whose counts are kept; the least recently used leave first. Default 10,000. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

interface Entry {
  counts: RunCounts;
  at: number;
  final: boolean;
}

/**
 * A run's counts for GetRun, ListRuns and WatchRun without a read per call: concurrent callers
 * share one read per run (single flight), a running run is read at most once per `maxAgeMs`, and
 * a run that ended more than `settleMs` ago is read once and kept. The counts are always the
 * record log's own (one count model), just not re-read on every call.
 */
export class RunCountsCache {
  readonly #o: RunCountsCacheOptions;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  readonly #reading = new Map<string, Promise<RunCounts>>();

  constructor(options: RunCountsCacheOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
  }

  /**
   * The run's counts, at most `maxAgeMs` old (final ones at any age). When they cannot be read
   * (NATS restarting), the last counts read are served, however old; rejects with the read's
   * error only when there are none.
   */
  async get(state: RunState): Promise<RunCounts> {
    const entry = this.#entries.get(state.runId);
    if (entry && (entry.final || this.#now() - entry.at < (this.#o.maxAgeMs ?? 1_000))) {
      // Refresh its place in the LRU order.
      this.#entries.delete(state.runId);
      this.#entries.set(state.runId, entry);
      return entry.counts;
    }
    return this.refresh(state).catch((err: unknown) => {
      if (entry) return entry.counts;
      throw err;
    });
  }

  /** Reads the run's counts now (joining a read already in flight). */
  refresh(state: RunState): Promise<RunCounts> {
    let reading = this.#reading.get(state.runId);
    if (!reading) {
      const startedAt = this.#now();
      reading = this.#o
        .read(state.runId)
        .then((counts) => {
          const finishedAt = state.finishedAt === undefined ? undefined : Date.parse(state.finishedAt);
          const final = isTerminal(state.status) && finishedAt !== undefined && startedAt - finishedAt >= (this.#o.settleMs ?? 10_000);
          this.#remember(state.runId, { counts, at: this.#now(), final });
          return counts;
        })
        .finally(() => this.#reading.delete(state.runId));
      this.#reading.set(state.runId, reading);
    }
    return reading;
  }

  #remember(runId: string, entry: Entry): void {
    this.#entries.delete(runId);
    this.#entries.set(runId, entry);
    const max = this.#o.maxEntries ?? 10_000;
    while (this.#entries.size > max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
