import { QueueTargetWindow, type QueueTargetWindowOptions } from './queue-target-window.js';
import { BackendError } from './errors.js';
import { readVllmLoad } from './vllm-metrics.js';

export interface BackendReplica<T> {
  readonly baseUrl: string;
  readonly client: T;
  /** Sequences of the calls in flight on this replica. */
  outstanding: number;
  healthy: boolean;
  /** Calls in a row that failed without an HTTP answer (refused, reset, timed out). */
  unreachableStreak: number;
  readonly window: QueueTargetWindow;
}

export interface BackendPoolOptions<T> {
  /** One base URL per replica (e.g. every pod of a vLLM headless service). */
  readonly baseUrls: readonly string[];
  readonly createClient: (baseUrl: string) => T;
  /** Sequences in flight per replica (vLLM's `--max-num-seqs` at most); adapts within its bounds towards a small queue on the replica. */
  readonly window: QueueTargetWindowOptions;
  /** How often each replica's /health (and /metrics, for queueing) is read; 0 turns probing off. */
  readonly probeIntervalMs: number;
  /** The replica's root for /health and /metrics, from its base URL (default: strip a trailing /v1). */
  readonly rootOf?: (baseUrl: string) => string;
  readonly onReplicaChange?: (event: { baseUrl: string; healthy: boolean; window: number }) => void;
  /** Replicas the pool may grow to (discovery); sizes maxSequences. Defaults to the initial count. */
  readonly maxReplicas?: number;
  /** Keeps the replica set current (e.g. a headless service); started and stopped with the pool. */
  readonly discovery?: { start(): Promise<unknown>; stop(): void };
  /** Told about every finished call, for latency and error metrics. */
  readonly onCall?: (event: { baseUrl: string; durationMs: number; outcome: 'ok' | 'error'; errorKind?: string }) => void;
}

export interface ReplicaStats {
  readonly baseUrl: string;
  /** Sequences in flight. */
  readonly outstanding: number;
  readonly window: number;
  readonly healthy: boolean;
}

/** Consecutive unanswered calls after which a replica is taken out until its /health recovers. */
export const UNREACHABLE_STREAK_LIMIT = 3;

/** One backend call as the pool sees it. */
export interface PoolCall {
  /** Calls with one key prefer one replica (its prefix cache), e.g. a problem's record id. */
  readonly affinity?: string | undefined;
  /** Sequences the call makes the backend run: a request with `n` choices weighs `n`. */
  readonly sequences: number;
  /** Abandons the wait for capacity. */
  readonly signal?: AbortSignal | undefined;
}

interface Waiter {
  readonly affinity: string | undefined;
  readonly sequences: number;
  readonly resolve: (replica: BackendReplica<unknown>) => void;
}

/** A short label for an error: the HTTP status for backend answers, else the error class. */
export function errorKindOf(err: unknown): string {
  if (err instanceof BackendError) return err.status !== undefined ? `http_${err.status}` : err.name === 'MalformedResponseError' ? 'malformed' : 'unreachable';
  return err instanceof Error ? err.name : 'unknown';
}

function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Spreads backend calls over replicas: least loaded first (with an affinity key preferring one
 * replica, so a problem's solution and samples share its prefix cache), at most `window`
 * sequences in flight per replica, where a call weighs the sequences it asks for (`n`). A call
 * heavier than a whole window runs alone on an idle replica. Windows steer each replica's queue
 * (`vllm:num_requests_waiting`) to a small target (QueueTargetWindow), and halve on 429/503. Unhealthy replicas get no calls until their /health answers again. Callers
 * beyond capacity wait in FIFO order.
 */
export class BackendPool<T> {
  readonly #o: BackendPoolOptions<T>;
  #replicas: BackendReplica<T>[];
  readonly #waiters: Waiter[] = [];
  #probe: ReturnType<typeof setInterval> | undefined;
  /** Whether a call had to wait for capacity since the last probing round began. */
  #heldBack = false;

  constructor(options: BackendPoolOptions<T>) {
    if (options.baseUrls.length === 0) throw new RangeError('a backend pool needs at least one base URL');
    this.#o = options;
    this.#replicas = options.baseUrls.map((baseUrl) => ({
      baseUrl,
      client: options.createClient(baseUrl),
      outstanding: 0,
      healthy: true,
      unreachableStreak: 0,
      window: new QueueTargetWindow(options.window),
    }));
  }

  /** Sequences the pool could have in flight at most (sum of the windows' maxima). */
  get maxSequences(): number {
    return Math.max(this.#replicas.length, this.#o.maxReplicas ?? 0) * this.#o.window.max;
  }

  /**
   * Replaces the replica set (e.g. after a headless service's DNS changed): new URLs join with a
   * fresh window, missing ones take no new calls and leave once their calls finish, kept ones keep
   * their state. Throws RangeError for an empty list.
   */
  setBaseUrls(baseUrls: readonly string[]): void {
    if (baseUrls.length === 0) throw new RangeError('a backend pool needs at least one base URL');
    const byUrl = new Map(this.#replicas.map((r) => [r.baseUrl, r]));
    this.#replicas = [...new Set(baseUrls)].map(
      (baseUrl) =>
        byUrl.get(baseUrl) ?? {
          baseUrl,
          client: this.#o.createClient(baseUrl),
          outstanding: 0,
          healthy: true,
          unreachableStreak: 0,
          window: new QueueTargetWindow(this.#o.window),
        },
    );
    this.#dispatch();
  }

  /** False while every replica fails its health check: callers should pause rather than fail work. */
  get hasHealthyReplica(): boolean {
    return this.#replicas.some((r) => r.healthy);
  }

  stats(): ReplicaStats[] {
    return this.#replicas.map((r) => ({ baseUrl: r.baseUrl, outstanding: r.outstanding, window: r.window.size, healthy: r.healthy }));
  }

  /** Starts health and queue probing, and replica discovery if configured. */
  start(): void {
    this.#o.discovery?.start().catch(() => undefined);
    if (this.#probe || this.#o.probeIntervalMs <= 0) return;
    this.#probe = setInterval(() => void this.probeOnce(), this.#o.probeIntervalMs);
    this.#probe.unref();
  }

  stop(): void {
    this.#o.discovery?.stop();
    clearInterval(this.#probe);
    this.#probe = undefined;
  }

  /**
   * Runs `call` on a replica with room for its sequences, waiting for one if none has. A 429/503
   * shrinks that replica's window; success while the window is the limit grows it.
   */
  async run<R>(request: PoolCall, call: (client: T, baseUrl: string) => Promise<R>): Promise<R> {
    const sequences = Math.max(1, Math.ceil(request.sequences));
    const replica = (await this.#acquire(request.affinity, sequences, request.signal)) as BackendReplica<T>;
    const startedAt = performance.now();
    try {
      const result = await call(replica.client, replica.baseUrl);
      this.#o.onCall?.({ baseUrl: replica.baseUrl, durationMs: performance.now() - startedAt, outcome: 'ok' });
      replica.unreachableStreak = 0;
      // Grow only when the window is actually the limit, so idle replicas do not inflate it.
      if (this.#waiters.length > 0 || replica.outstanding >= replica.window.size) replica.window.grow();
      return result;
    } catch (err) {
      this.#o.onCall?.({ baseUrl: replica.baseUrl, durationMs: performance.now() - startedAt, outcome: 'error', errorKind: errorKindOf(err) });
      if (err instanceof BackendError && (err.status === 429 || err.status === 503)) replica.window.pushback();
      // One lost call can be a hiccup; several in a row mean the replica is gone until /health says otherwise.
      if (err instanceof BackendError && err.retryable && err.status === undefined) {
        replica.unreachableStreak++;
        if (replica.unreachableStreak >= UNREACHABLE_STREAK_LIMIT) this.#markHealth(replica, false);
      } else if (err instanceof BackendError && err.status !== undefined) {
        replica.unreachableStreak = 0;
      }
      throw err;
    } finally {
      replica.outstanding -= sequences;
      this.#dispatch();
    }
  }

  /** One probing round: /health decides health, /metrics' queue steers the window. */
  async probeOnce(): Promise<void> {
    // Calls held back since the last round, or during this one, mean the windows were the limit.
    const heldBefore = this.#heldBack;
    this.#heldBack = false;
    await Promise.all(
      this.#replicas.map(async (replica) => {
        const root = (this.#o.rootOf ?? ((u: string) => u.replace(/\/v1\/?$/, '')))(replica.baseUrl);
        const healthy = await fetch(`${root}/health`, { signal: AbortSignal.timeout(2_000) }).then(
          (res) => res.ok,
          () => false,
        );
        this.#markHealth(replica, healthy);
        if (!healthy) return;
        const load = await fetch(`${root}/metrics`, { signal: AbortSignal.timeout(2_000) })
          .then((res) => (res.ok ? res.text() : ''))
          .then(readVllmLoad, () => undefined);
        if (load?.waiting === undefined) return;
        const limited = heldBefore || this.#heldBack || this.#waiters.length > 0 || replica.outstanding >= replica.window.size;
        replica.window.observe({ waiting: load.waiting, running: load.running }, replica.outstanding, limited);
        this.#dispatch();
      }),
    );
  }

  #markHealth(replica: BackendReplica<T>, healthy: boolean): void {
    if (healthy) replica.unreachableStreak = 0;
    if (replica.healthy === healthy) return;
    replica.healthy = healthy;
    this.#o.onReplicaChange?.({ baseUrl: replica.baseUrl, healthy, window: replica.window.size });
    if (healthy) this.#dispatch();
  }

  #pick(affinity: string | undefined, sequences: number): BackendReplica<T> | undefined {
    const fits = (r: BackendReplica<T>): boolean => r.outstanding === 0 || r.outstanding + sequences <= r.window.size;
    const open = this.#replicas.filter((r) => r.healthy && fits(r));
    // With every replica unhealthy, keep trying them all: the call's own error is the best probe.
    const candidates = open.length > 0 || this.#replicas.some((r) => r.healthy) ? open : this.#replicas.filter(fits);
    if (candidates.length === 0) return undefined;
    if (affinity !== undefined) {
      const preferred = this.#replicas[hashOf(affinity) % this.#replicas.length];
      if (preferred && candidates.includes(preferred)) return preferred;
    }
    return candidates.reduce((best, r) => (r.outstanding / r.window.size < best.outstanding / best.window.size ? r : best));
  }

  #acquire(affinity: string | undefined, sequences: number, signal: AbortSignal | undefined): Promise<BackendReplica<unknown>> {
    const replica = this.#waiters.length === 0 ? this.#pick(affinity, sequences) : undefined;
    if (replica) {
      replica.outstanding += sequences;
      return Promise.resolve(replica);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { affinity, sequences, resolve };
      this.#heldBack = true;
      this.#waiters.push(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.#waiters.indexOf(waiter);
          if (i >= 0) {
            this.#waiters.splice(i, 1);
            reject(new BackendError('backend call abandoned while waiting for capacity', { retryable: true, cause: signal.reason }));
          }
        },
        { once: true },
      );
    });
  }

  #dispatch(): void {
    while (this.#waiters.length > 0) {
      const next = this.#waiters[0] as Waiter;
      const replica = this.#pick(next.affinity, next.sequences);
      if (!replica) return;
      this.#waiters.shift();
      replica.outstanding += next.sequences;
      next.resolve(replica);
    }
  }
}
