import { createHash } from 'node:crypto';
import { KvBucket, type NatsConnection } from '@magpie/bus';
import { RUNS_BUCKET, RunState, isTerminal, type RunStatus } from '@magpie/contracts';
import { RunExistsError, RunNotFoundError, RunStateUnreadableError } from './errors.js';
import { PauseNotes } from './pause-notes.js';

const runKey = (runId: string) => `run.${runId}`;
const requestKey = (clientRequestId: string) => `request.${createHash('sha256').update(clientRequestId).digest('hex').slice(0, 40)}`;

/** Outcome of a status transition. */
export interface TransitionResult {
  readonly state: RunState;
  /** False when the run was already terminal, so nothing changed. */
  readonly changed: boolean;
}

/**
 * Run documents in the JetStream KV bucket `runs`. Every write is compare-and-set on the key's
 * revision, so concurrent stages can race to finish a run and exactly one wins.
 */
export class RunStore {
  readonly #kv: KvBucket;
  /** Why the platform is paused, if it is: shown as a running run's reason. */
  readonly notes: PauseNotes;

  private constructor(kv: KvBucket, notes: PauseNotes) {
    this.#kv = kv;
    this.notes = notes;
  }

  /** Creates the buckets if needed (idempotent) and binds to them. */
  static async open(nc: NatsConnection): Promise<RunStore> {
    return new RunStore(await KvBucket.open(nc, RUNS_BUCKET, { history: 5 }), await PauseNotes.open(nc));
  }

  /** Stores a new run. Throws RunExistsError when the id is taken. */
  async create(state: RunState): Promise<void> {
    const value = JSON.stringify(RunState.parse(state));
    try {
      await this.#kv.create(runKey(state.runId), value);
    } catch (cause) {
      if (await this.#kv.get(runKey(state.runId))) throw new RunExistsError(`run ${state.runId} exists`, { cause });
      throw cause;
    }
  }

  /**
   * The run's current document, or undefined when unknown. A running run paused by a full NATS
   * store carries the pause note as its `reason` (not stored: the run itself is fine). Throws
   * RunStateUnreadableError when the stored document does not fit this version's schema.
   */
  async get(runId: string): Promise<RunState | undefined> {
    const entry = await this.#kv.get(runKey(runId));
    if (!entry) return undefined;
    const parsed = RunState.safeParse(entry.json());
    if (!parsed.success) throw new RunStateUnreadableError(`run ${runId} was stored by an incompatible version: ${parsed.error.message}`);
    if (parsed.data.status !== 'running') return parsed.data;
    // A note that cannot be read must not hide the run.
    const note = await this.notes.storeFull().catch(() => undefined);
    return note ? { ...parsed.data, reason: `${note.message} (since ${note.since}, seen by the ${note.stage})` } : parsed.data;
  }

  /** Every stored run, newest first. */
  async list(limit = 100): Promise<RunState[]> {
    const keys = await this.#kv.keys('run.>');
    // Runs stored by an incompatible version are left out rather than failing the whole list.
    const states = await Promise.all(keys.map((k) => this.get(k.slice('run.'.length)).catch(() => undefined)));
    return states
      .filter((s): s is RunState => s !== undefined)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit);
  }

  /**
   * Moves a running run to `to`. A terminal run is left as it is (`changed: false`), which makes
   * cancel and finish idempotent. Throws RunNotFoundError for an unknown run.
   */
  async transition(runId: string, to: RunStatus, reason?: string): Promise<TransitionResult> {
    for (;;) {
      const entry = await this.#kv.get(runKey(runId));
      if (!entry) throw new RunNotFoundError(`run ${runId} not found`);
      const parsed = RunState.safeParse(entry.json());
      if (!parsed.success) throw new RunStateUnreadableError(`run ${runId} was stored by an incompatible version`);
      const current = parsed.data;
      if (isTerminal(current.status) || current.status === to) return { state: current, changed: false };
      const now = new Date().toISOString();
      const next: RunState = {
        ...current,
        status: to,
        updatedAt: now,
        ...(isTerminal(to) ? { finishedAt: now } : {}),
        ...(reason !== undefined ? { reason: reason.slice(0, 4096) } : {}),
      };
      try {
        await this.#kv.update(runKey(runId), JSON.stringify(next), entry.revision);
        return { state: next, changed: true };
      } catch {
        // Someone else wrote first: re-read and decide again.
      }
    }
  }

  /**
   * Calls `onChange` with every run document written from now on, until `signal` aborts. Survives
   * NATS reconnects and restarts by re-watching. Resolves when stopped.
   */
  async watch(onChange: (state: RunState) => void, signal: AbortSignal): Promise<void> {
    await this.#kv.watch(
      'run.>',
      (entry) => {
        const parsed = RunState.safeParse(entry.json());
        if (parsed.success) onChange(parsed.data);
      },
      signal,
    );
  }

  /**
   * Calls `onState` with every stored run document, then with every one written from now on,
   * until `signal` aborts; `onReady` once the stored ones are delivered. Survives NATS restarts
   * without missing a write (it resumes after the last revision seen). Documents of an
   * incompatible version are skipped. Resolves when stopped.
   */
  async follow(onState: (state: RunState) => void, options: { signal: AbortSignal; onReady?: () => void }): Promise<void> {
    await this.#kv.follow(
      'run.>',
      (entry) => {
        const parsed = RunState.safeParse(entry.json());
        if (parsed.success) onState(parsed.data);
      },
      options,
    );
  }

  /**
   * Binds a client request id to `runId` unless it is bound already. Returns the run id the
   * request belongs to: `runId` for the first call, the earlier run id for a retry.
   */
  async reserveClientRequest(clientRequestId: string, runId: string): Promise<string> {
    const key = requestKey(clientRequestId);
    try {
      await this.#kv.create(key, runId);
      return runId;
    } catch (cause) {
      const existing = await this.#kv.get(key);
      if (existing) return existing.text;
      throw cause;
    }
  }
}
