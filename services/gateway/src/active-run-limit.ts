import { LimitExceededError } from './errors.js';

export interface ActiveRunLimitOptions {
  /** Runs allowed to be `running` at once. */
  readonly max: number;
  /** Counts the stored runs whose status is `running` (the expensive part; cached). */
  readonly countRunning: () => Promise<number>;
  /** How long a count is reused; default 1000 ms. */
  readonly maxAgeMs?: number;
  readonly now?: () => number;
}

/**
 * Admits new runs while fewer than `max` are running. The stored count is refreshed at most once
 * per `maxAgeMs` (one listing at a time); runs this gateway started since a listing began, and
 * starts in flight, are added to it, so concurrent StartRuns cannot overshoot the limit here.
 * Several gateway replicas each enforce it against the shared store, so together they may
 * overshoot by the starts in flight at the same moment.
 */
export class ActiveRunLimit {
  readonly #o: ActiveRunLimitOptions;
  readonly #now: () => number;
  #listed: { count: number; startedAt: number; at: number } | undefined;
  #refreshing: Promise<{ count: number; startedAt: number }> | undefined;
  /** Times at which starts completed, newest last; pruned when a listing supersedes them. */
  #started: number[] = [];
  #pending = 0;

  constructor(options: ActiveRunLimitOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
  }

  get max(): number {
    return this.#o.max;
  }

  /**
   * Runs `start` when the limit allows another run, and resolves with its result. Throws
   * LimitExceededError (naming MAX_ACTIVE_RUNS) without calling `start` when it does not; rejects
   * with countRunning's or start's error otherwise.
   */
  async admit<T>(start: () => Promise<T>): Promise<T> {
    const listed = await this.#count();
    const started = this.#started.filter((t) => t >= listed.startedAt).length;
    // Checked and reserved in one synchronous step, so concurrent admissions see each other.
    if (listed.count + started + this.#pending >= this.#o.max) {
      throw new LimitExceededError(`MAX_ACTIVE_RUNS: ${this.#o.max} runs are already running; retry when one finishes`);
    }
    this.#pending++;
    try {
      const result = await start();
      this.#started.push(this.#now());
      return result;
    } finally {
      this.#pending--;
    }
  }

  async #count(): Promise<{ count: number; startedAt: number }> {
    const maxAge = this.#o.maxAgeMs ?? 1_000;
    if (this.#listed && this.#now() - this.#listed.at < maxAge) return this.#listed;
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refresh(): Promise<{ count: number; startedAt: number }> {
    const startedAt = this.#now();
    const count = await this.#o.countRunning();
    this.#listed = { count, startedAt, at: this.#now() };
    this.#started = this.#started.filter((t) => t >= startedAt);
    return this.#listed;
  }
}
