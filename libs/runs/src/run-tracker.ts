import { MsgIds, RunCancelled, RunFinished, Subjects, emptyRunCounts, expectedRecordKinds, isTerminal, type RunCounts, type RunState } from '@magpie/contracts';
import type { Publisher } from '@magpie/bus';
import type { Logger } from '@magpie/logging';
import type { RecordLog } from './record-log.js';
import type { RunStore, TransitionResult } from './run-store.js';

export interface RunTrackerOptions {
  readonly store: RunStore;
  readonly log: RecordLog;
  readonly publisher: Publisher;
  readonly logger: Logger;
  /** How long a run's status may be served from memory before re-reading KV. */
  readonly statusCacheMs?: number;
  /** How long a completion check waits to gather more outputs before it runs. */
  readonly coalesceMs?: number;
}

/**
 * Run control shared by every stage: is the run still worth spending a backend call on, the
 * completion check after each output, and the single transition to a terminal status with its
 * RunFinished event.
 */
export class RunTracker {
  readonly #o: RunTrackerOptions;
  readonly #cache = new Map<string, { state: RunState | undefined; at: number }>();
  readonly #reading = new Map<string, Promise<RunState | undefined>>();
  readonly #runSignals = new Map<string, AbortController>();
  readonly #stopWatching = new AbortController();
  #watching: Promise<void> | undefined;
  readonly #checks = new Map<string, { running: Promise<void> | undefined; queued: Promise<void> | undefined }>();

  constructor(options: RunTrackerOptions) {
    this.#o = options;
  }

  /**
   * Starts following run status changes, so work for a run that is cancelled or finished is
   * aborted within moments (see runWhileActive). Idempotent.
   */
  start(): void {
    this.#watching ??= this.#o.store.watch((state) => this.#onState(state), this.#stopWatching.signal);
  }

  async stop(): Promise<void> {
    this.#stopWatching.abort();
    await this.#watching;
  }

  #onState(state: RunState): void {
    this.#cache.set(state.runId, { state, at: Date.now() });
    if (!isTerminal(state.status)) return;
    const controller = this.#runSignals.get(state.runId);
    this.#runSignals.delete(state.runId);
    controller?.abort(new Error(`run ${state.runId} is ${state.status}`));
  }

  /**
   * Runs `work` with a signal that aborts when the caller's signal does or when the run leaves
   * `running` (cancelled, failed, finished). Resolves undefined when the run ended meanwhile —
   * the work is moot, so the caller should ack without output — and rethrows other errors.
   */
  async runWhileActive<T>(runId: string, signal: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    let controller = this.#runSignals.get(runId);
    if (!controller) {
      // Entries leave when the run ends; the cap only guards against runs whose end we never saw.
      if (this.#runSignals.size > 10_000) this.#runSignals.clear();
      controller = new AbortController();
      this.#runSignals.set(runId, controller);
    }
    const runSignal = controller.signal;
    try {
      return await work(AbortSignal.any([signal, runSignal]));
    } catch (err) {
      if (runSignal.aborted) return undefined;
      throw err;
    }
  }

  /** The run's state, at most statusCacheMs old. */
  async state(runId: string): Promise<RunState | undefined> {
    const cached = this.#cache.get(runId);
    const maxAgeMs = this.#o.statusCacheMs ?? 1_000;
    if (cached && Date.now() - cached.at < maxAgeMs) return cached.state;
    // Every message of a run misses at once when its entry expires: they share one read.
    let reading = this.#reading.get(runId);
    if (!reading) {
      reading = this.#o.store.get(runId).finally(() => this.#reading.delete(runId));
      this.#reading.set(runId, reading);
    }
    const state = await reading;
    this.#cache.set(runId, { state, at: Date.now() });
    if (this.#cache.size > 10_000) this.#cache.clear();
    return state;
  }

  /** False once the run is unknown, cancelled, failed or finished: skip the backend call. */
  async isActive(runId: string): Promise<boolean> {
    const state = await this.state(runId);
    return state !== undefined && !isTerminal(state.status);
  }

  /**
   * Call after a stage stored an output: resolves once a completion check that started after the
   * call has run, so the caller may ack knowing its output was counted. Concurrent calls for a run
   * share one check (coalesced over `coalesceMs`), so the cost does not grow with throughput. When
   * every kind the run expects (tags only with the tags stage on) has `count` records, the run
   * moves to `succeeded`. Safe to call concurrently from
   * any replica.
   */
  recordOutput(runId: string): Promise<void> {
    let entry = this.#checks.get(runId);
    if (!entry) {
      entry = { running: undefined, queued: undefined };
      this.#checks.set(runId, entry);
    }
    if (entry.queued) return entry.queued;
    const current = entry;
    const queued = (async () => {
      await current.running?.catch(() => undefined);
      await new Promise((r) => setTimeout(r, this.#o.coalesceMs ?? 20));
      current.queued = undefined;
      current.running = this.#check(runId);
      try {
        await current.running;
      } finally {
        if (!current.queued) this.#checks.delete(runId);
      }
    })();
    current.queued = queued;
    return queued;
  }

  async #check(runId: string): Promise<void> {
    const state = await this.state(runId);
    if (!state) return;
    const records = await this.#o.log.recordCounts(runId);
    if (expectedRecordKinds(state.spec).every((kind) => records[kind] >= state.spec.count)) await this.#finish(runId, 'succeeded');
  }

  /** Marks the run failed (a record was dead-lettered). No-op when already terminal. */
  async fail(runId: string, reason: string): Promise<void> {
    await this.#finish(runId, 'failed', reason);
  }

  /** Cancels a run; idempotent. Throws RunNotFoundError for an unknown run. */
  async cancel(runId: string, reason: string): Promise<TransitionResult> {
    const result = await this.#o.store.transition(runId, 'cancelled', reason);
    this.#onState(result.state);
    if (result.changed) {
      await this.#o.publisher.publish(
        Subjects.runEvent(runId, 'cancelled'),
        RunCancelled,
        { schemaVersion: 1, runId, reason, cancelledAt: new Date().toISOString() },
        MsgIds.runEvent(runId, 'cancelled'),
      );
      await this.#publishFinished(result.state);
    }
    return result;
  }

  async #finish(runId: string, status: 'succeeded' | 'failed', reason?: string): Promise<void> {
    const result = await this.#o.store.transition(runId, status, reason);
    this.#onState(result.state);
    if (!result.changed) return;
    const counts = await this.#publishFinished(result.state);
    this.#o.logger.info({ runId, status, counts, reason }, 'run finished');
  }

  /** Publishes RunFinished with the run's counts as they stand now, and returns the counts. */
  async #publishFinished(state: RunState): Promise<RunCounts> {
    // A run failed by a dead letter may fail while NATS is struggling; its event must still go out.
    const counts = await this.#o.log.counts(state.runId).catch(() => emptyRunCounts());
    if (state.status === 'running') return counts;
    await this.#o.publisher.publish(
      Subjects.runEvent(state.runId, 'finished'),
      RunFinished,
      {
        schemaVersion: 2,
        runId: state.runId,
        status: state.status,
        counts,
        ...(state.reason !== undefined ? { reason: state.reason } : {}),
        finishedAt: state.finishedAt ?? new Date().toISOString(),
      },
      MsgIds.runEvent(state.runId, 'finished'),
    );
    return counts;
  }
}
