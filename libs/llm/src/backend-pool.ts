import { AimdWindow, type AimdWindowOptions } from './aimd-window.js';
import { BackendError } from './errors.js';

export interface BackendReplica<T> {
  readonly baseUrl: string;
  readonly client: T;
  outstanding: number;
  healthy: boolean;
  /** Calls in a row that failed without an HTTP answer (refused, reset, timed out). */
  unreachableStreak: number;
  readonly window: AimdWindow;
}

export interface BackendPoolOptions<T> {
  /** One base URL per replica (e.g. every pod of a vLLM headless service). */
  readonly baseUrls: readonly string[];
  readonly createClient: (baseUrl: string) => T;
  readonly window: AimdWindowOptions;
  /** How often each replica's /health (and /metrics, for queueing) is read; 0 turns probing off. */
  readonly probeIntervalMs: number;
  /** The replica's root for /health and /metrics, from its base URL (default: strip a trailing /v1). */
  readonly rootOf?: (baseUrl: string) => string;
  readonly onReplicaChange?: (event: { baseUrl: string; healthy: boolean; window: number }) => void;
  /** Replicas the pool may grow to (discovery); sizes maxCapacity. Defaults to the initial count. */
  readonly maxReplicas?: number;
  /** Keeps the replica set current (e.g. a headless service); started and stopped with the pool. */
  readonly discovery?: { start(): Promise<unknown>; stop(): void };
  /** Told about every finished call, for latency and error metrics. */
  readonly onCall?: (event: { baseUrl: string; durationMs: number; outcome: 'ok' | 'error'; errorKind?: string }) => void;
}

export interface ReplicaStats {
  readonly baseUrl: string;
  readonly outstanding: number;
  readonly window: number;
  readonly healthy: boolean;
}

/** Consecutive unanswered calls after which a replica is taken out until its /health recovers. */
export const UNREACHABLE_STREAK_LIMIT = 3;

interface Waiter {
  readonly affinity: string | undefined;
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
 * Spreads backend calls over replicas: least outstanding requests first (with an affinity key
 * preferring one replica, so a problem's solution and samples share its prefix cache), at most
 * `window` calls in flight per replica. Windows adapt (AIMD): down on 429/503 or when the
 * replica reports queued requests (`vllm:num_requests_waiting` > 0), up while it keeps up.
 * Unhealthy replicas get no calls until their /health answers again. Callers beyond capacity
 * wait in FIFO order.
 */
export class BackendPool<T> {
  readonly #o: BackendPoolOptions<T>;
  #replicas: BackendReplica<T>[];
  readonly #waiters: Waiter[] = [];
  #probe: ReturnType<typeof setInterval> | undefined;

  constructor(options: BackendPoolOptions<T>) {
    if (options.baseUrls.length === 0) throw new RangeError('a backend pool needs at least one base URL');
    this.#o = options;
    this.#replicas = options.baseUrls.map((baseUrl) => ({
      baseUrl,
      client: options.createClient(baseUrl),
      outstanding: 0,
      healthy: true,
      unreachableStreak: 0,
      window: new AimdWindow(options.window),
    }));
  }

  /** Calls the pool could have in flight at most (sum of the windows' maxima). */
  get maxCapacity(): number {
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
          window: new AimdWindow(this.#o.window),
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
   * Runs `call` on a replica with room in its window, waiting for one if all are full. A 429/503
   * shrinks that replica's window; success grows it. `signal` abandons the wait.
   */
  async run<R>(affinity: string | undefined, call: (client: T, baseUrl: string) => Promise<R>, signal?: AbortSignal): Promise<R> {
    const replica = (await this.#acquire(affinity, signal)) as BackendReplica<T>;
    const startedAt = performance.now();
    try {
      const result = await call(replica.client, replica.baseUrl);
      this.#o.onCall?.({ baseUrl: replica.baseUrl, durationMs: performance.now() - startedAt, outcome: 'ok' });
      replica.unreachableStreak = 0;
      // Grow only when the window is actually the limit, so idle replicas do not inflate it.
      if (replica.outstanding >= replica.window.size) replica.window.increase();
      return result;
    } catch (err) {
      this.#o.onCall?.({ baseUrl: replica.baseUrl, durationMs: performance.now() - startedAt, outcome: 'error', errorKind: errorKindOf(err) });
      if (err instanceof BackendError && (err.status === 429 || err.status === 503)) replica.window.decrease();
      // One lost call can be a hiccup; several in a row mean the replica is gone until /health says otherwise.
      if (err instanceof BackendError && err.retryable && err.status === undefined) {
        replica.unreachableStreak++;
        if (replica.unreachableStreak >= UNREACHABLE_STREAK_LIMIT) this.#markHealth(replica, false);
      } else if (err instanceof BackendError && err.status !== undefined) {
        replica.unreachableStreak = 0;
      }
      throw err;
    } finally {
      replica.outstanding--;
      this.#dispatch();
    }
  }

  /** One probing round: /health decides health, /metrics' waiting count shrinks or grows the window. */
  async probeOnce(): Promise<void> {
    await Promise.all(
      this.#replicas.map(async (replica) => {
        const root = (this.#o.rootOf ?? ((u: string) => u.replace(/\/v1\/?$/, '')))(replica.baseUrl);
        const healthy = await fetch(`${root}/health`, { signal: AbortSignal.timeout(2_000) }).then(
          (res) => res.ok,
          () => false,
        );
        this.#markHealth(replica, healthy);
        if (!healthy) return;
        const waiting = await fetch(`${root}/metrics`, { signal: AbortSignal.timeout(2_000) })
          .then((res) => (res.ok ? res.text() : ''))
          .then(parseWaiting, () => undefined);
        if (waiting === undefined) return;
        if (waiting > 0) replica.window.decrease();
        else if (replica.outstanding >= replica.window.size) replica.window.increase();
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

  #pick(affinity: string | undefined): BackendReplica<T> | undefined {
    const open = this.#replicas.filter((r) => r.healthy && r.outstanding < r.window.size);
    // With every replica unhealthy, keep trying them all: the call's own error is the best probe.
    const candidates = open.length > 0 || this.#replicas.some((r) => r.healthy) ? open : this.#replicas.filter((r) => r.outstanding < r.window.size);
    if (candidates.length === 0) return undefined;
    if (affinity !== undefined) {
      const preferred = this.#replicas[hashOf(affinity) % this.#replicas.length];
      if (preferred && candidates.includes(preferred)) return preferred;
    }
    return candidates.reduce((best, r) => (r.outstanding / r.window.size < best.outstanding / best.window.size ? r : best));
  }

  #acquire(affinity: string | undefined, signal: AbortSignal | undefined): Promise<BackendReplica<unknown>> {
    const replica = this.#waiters.length === 0 ? this.#pick(affinity) : undefined;
    if (replica) {
      replica.outstanding++;
      return Promise.resolve(replica);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { affinity, resolve };
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
      const replica = this.#pick(next.affinity);
      if (!replica) return;
      this.#waiters.shift();
      replica.outstanding++;
      next.resolve(replica);
    }
  }
}

/** Sums `vllm:num_requests_waiting` over its series in a Prometheus text exposition. */
export function parseWaiting(text: string): number | undefined {
  let total: number | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith('vllm:num_requests_waiting')) continue;
    if (line.startsWith('vllm:num_requests_waiting_')) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) total = (total ?? 0) + value;
  }
  return total;
}

/**
 * Requests in flight per replica for a stage: `override` when given, else as many requests as keep
 * the backend's `maxNumSeqs` sequence slots full when each request carries `sequencesPerRequest`.
 */
export function windowFor(options: { maxNumSeqs: number; sequencesPerRequest: number; override?: number | undefined }): number {
  return options.override ?? Math.max(1, Math.floor(options.maxNumSeqs / Math.max(1, options.sequencesPerRequest)));
}
