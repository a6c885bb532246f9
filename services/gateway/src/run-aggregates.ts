import type { RecordKind, RunState, TokenUsage } from '@magpie/contracts';
import type { CursorRecord } from '@magpie/runs';

/** Tokens of a run's records per kind, summed from its record log. */
export type TokensByKind = Readonly<Record<RecordKind, TokenUsage>>;

/** Reads a run's records once (replay, then follow until the run ends); see RecordLog.read. */
export type ReadRun = (runId: string, signal: AbortSignal) => AsyncIterable<CursorRecord>;

const zero = (): TokenUsage => ({ promptTokens: 0, completionTokens: 0 });

/** One run's aggregate: shared by every watcher of the run, read from the log once. */
export class RunAggregate {
  readonly runId: string;
  readonly #tokens: Record<RecordKind, TokenUsage> = { problem: zero(), solution: zero(), samples: zero(), rewards: zero(), tags: zero() };
  readonly #samples: { at: number; records: Readonly<Record<RecordKind, number>> }[] = [];
  readonly #abort = new AbortController();
  readonly done: Promise<void>;
  #finished = false;
  watchers = 0;

  constructor(runId: string, read: ReadRun, onError: (err: unknown) => void) {
    this.runId = runId;
    this.done = (async () => {
      try {
        for await (const { record } of read(runId, this.#abort.signal)) {
          if (record.kind === 'rewards') continue;
          const total = this.#tokens[record.kind];
          total.promptTokens += record.usage.promptTokens;
          total.completionTokens += record.usage.completionTokens;
        }
        this.#finished = !this.#abort.signal.aborted;
      } catch (err) {
        onError(err);
      }
    })();
  }

  /** True once every record of the ended run was read: the tokens are final. */
  get finished(): boolean {
    return this.#finished;
  }

  get tokens(): TokensByKind {
    return this.#tokens;
  }

  stop(): void {
    this.#abort.abort();
  }

  /** Remembers the run's record counts now, for the rates; keeps the last `windowMs`. */
  sample(records: Readonly<Record<RecordKind, number>>, at: number, windowMs: number): void {
    const last = this.#samples.at(-1);
    if (last && at - last.at < 250) return;
    this.#samples.push({ at, records: { ...records } });
    while (this.#samples.length > 2 && at - (this.#samples[0]?.at ?? at) > windowMs) this.#samples.shift();
  }

  /**
   * Records per second of a kind over the sampled window; for an ended run, over its whole life
   * (`state`'s creation to its end).
   */
  rate(kind: RecordKind, state: RunState, records: number): number {
    if (state.finishedAt !== undefined) {
      const seconds = (Date.parse(state.finishedAt) - Date.parse(state.createdAt)) / 1000;
      return seconds > 0 ? records / seconds : 0;
    }
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    if (!first || !last || last.at <= first.at) return 0;
    return (last.records[kind] - first.records[kind]) / ((last.at - first.at) / 1000);
  }
}

export interface RunAggregatesOptions {
  readonly read: ReadRun;
  readonly onError: (runId: string, err: unknown) => void;
  /** Finished aggregates kept for later watchers; default 1000. */
  readonly maxFinished?: number;
}

/**
 * The per-run aggregates WatchRun reports beside the record log's counts: tokens per stage (summed
 * from the records, read once per run however many clients watch) and rates (from count samples
 * over time). An aggregate lives while someone watches its run; a finished one is kept (LRU).
 */
export class RunAggregates {
  readonly #o: RunAggregatesOptions;
  readonly #live = new Map<string, RunAggregate>();

  constructor(options: RunAggregatesOptions) {
    this.#o = options;
  }

  /** The run's aggregate, started if needed; pair with `release`. */
  acquire(runId: string): RunAggregate {
    let aggregate = this.#live.get(runId);
    if (!aggregate) {
      aggregate = new RunAggregate(runId, this.#o.read, (err) => this.#o.onError(runId, err));
      this.#live.set(runId, aggregate);
    } else {
      // Most recently used last.
      this.#live.delete(runId);
      this.#live.set(runId, aggregate);
    }
    aggregate.watchers++;
    return aggregate;
  }

  /** A watcher left: an unfinished aggregate nobody watches stops reading and is dropped. */
  release(aggregate: RunAggregate): void {
    aggregate.watchers--;
    if (aggregate.watchers > 0) return;
    if (!aggregate.finished) {
      aggregate.stop();
      if (this.#live.get(aggregate.runId) === aggregate) this.#live.delete(aggregate.runId);
      return;
    }
    const max = this.#o.maxFinished ?? 1_000;
    for (const [runId, a] of this.#live) {
      if (this.#live.size <= max) break;
      if (a.watchers === 0) this.#live.delete(runId);
    }
  }

  /** Stops every aggregate (gateway shutdown). */
  stop(): void {
    for (const aggregate of this.#live.values()) aggregate.stop();
    this.#live.clear();
  }
}
