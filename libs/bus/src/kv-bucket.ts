import { StorageType, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { KvWatchInclude, Kvm, type KV, type KvOptions } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { sleep } from './backoff.js';

/** A stored value of a key; deleted and purged keys are never returned. */
export interface KvValue {
  readonly key: string;
  /** The bucket's revision of this write: pass it to `update` for compare-and-set. */
  readonly revision: number;
  readonly text: string;
  json(): unknown;
}

export interface KvFollowOptions {
  readonly signal: AbortSignal;
  /** Called once every value stored when following began has been delivered. */
  readonly onReady?: () => void;
}

export interface KvBucketOptions {
  /** Values kept per key. */
  readonly history: number;
  /**
   * `memory` for state that must stay writable while the file store is full and may be lost with a
   * NATS restart; `file` (the default) otherwise. Only used when the bucket is created.
   */
  readonly storage?: 'file' | 'memory';
  /** Values older than this are removed by the server; only used when the bucket is created. */
  readonly ttlMs?: number;
}

/**
 * A JetStream key-value bucket: create, read, compare-and-set, list and watch, with deleted keys
 * read as absent and a watch that survives NATS restarts. A memory bucket is gone after a NATS
 * restart (nats-server keeps no memory stream): it is created again on the first call that misses it.
 */
export class KvBucket {
  readonly #open: () => Promise<KV>;
  readonly #recreate: boolean;
  readonly #conn: NatsConnection | JetStreamClient;
  readonly #name: string;
  #kv: KV;

  private constructor(kv: KV, bound: { open: () => Promise<KV>; recreate: boolean; conn: NatsConnection | JetStreamClient; name: string }) {
    this.#kv = kv;
    this.#open = bound.open;
    this.#recreate = bound.recreate;
    this.#conn = bound.conn;
    this.#name = bound.name;
  }

  /** Creates the bucket if needed (idempotent) and binds to it, over a connection or a JetStream client. */
  static async open(nc: NatsConnection | JetStreamClient, name: string, options: KvBucketOptions): Promise<KvBucket> {
    const settings: Partial<KvOptions> = {
      history: options.history,
      ...(options.storage === 'memory' ? { storage: StorageType.Memory } : {}),
      ...(options.ttlMs ? { ttl: options.ttlMs } : {}),
    };
    const open = async (): Promise<KV> => {
      const kvm = new Kvm(nc);
      try {
        return await kvm.create(name, settings);
      } catch {
        // Another service created it between our look-up and our create: bind to theirs.
        return kvm.create(name, settings);
      }
    };
    return new KvBucket(await open(), { open, recreate: options.storage === 'memory', conn: nc, name });
  }

  #manager(): Promise<JetStreamManager> {
    const conn = this.#conn;
    return 'jetstreamManager' in conn ? conn.jetstreamManager() : jetstreamManager(conn);
  }

  /** Runs `op`; for a memory bucket that a NATS restart took away, creates it again and retries once. */
  async #run<R>(op: (kv: KV) => Promise<R>): Promise<R> {
    try {
      return await op(this.#kv);
    } catch (err) {
      if (!this.#recreate || !isMissingBucket(err)) throw err;
      this.#kv = await this.#open();
      return op(this.#kv);
    }
  }

  /** Writes `value` only when the key holds nothing; throws otherwise (the caller reads to tell why). */
  async create(key: string, value: string): Promise<number> {
    return this.#run((kv) => kv.create(key, value));
  }

  /** The key's current value, or undefined when it was never written or is deleted. */
  async get(key: string): Promise<KvValue | undefined> {
    const entry = await this.#run((kv) => kv.get(key));
    if (!entry || entry.operation !== 'PUT') return undefined;
    return { key: entry.key, revision: entry.revision, text: entry.string(), json: () => entry.json() };
  }

  /** Writes `value` when the key is still at `revision`; throws when someone wrote in between. */
  async update(key: string, value: string, revision: number): Promise<number> {
    return this.#run((kv) => kv.update(key, value, revision));
  }

  /** Writes `value` whatever the key holds. */
  async put(key: string, value: string): Promise<number> {
    return this.#run((kv) => kv.put(key, value));
  }

  /** Deletes the key (a later `get` reads it as absent); no error when it holds nothing. */
  async delete(key: string): Promise<void> {
    await this.#run((kv) => kv.delete(key));
  }

  /**
   * The current value of every key matching `filter` (NATS wildcards), in the order they were
   * written, read in one pass over the bucket's stream (an ordered consumer), then returns.
   */
  async values(filter: string): Promise<KvValue[]> {
    return this.#run(async (kv) => {
      const out = new Map<string, KvValue>();
      for await (const entry of await kv.history({ key: filter })) {
        if (entry.operation === 'PUT') out.set(entry.key, { key: entry.key, revision: entry.revision, text: entry.string(), json: () => entry.json() });
        else out.delete(entry.key);
      }
      return [...out.values()].sort((a, b) => a.revision - b.revision);
    });
  }

  /** Every key matching `filter` (NATS wildcards). */
  async keys(filter: string): Promise<string[]> {
    const out: string[] = [];
    for await (const key of await this.#run((kv) => kv.keys(filter))) out.push(key);
    return out;
  }

  /**
   * Calls `onPut` with the current value of every key matching `filter`, then with every value
   * written from now on, in revision order, until `signal` aborts; `onReady` once the current
   * values are delivered. A broken watch (NATS restarting) resumes after the last revision seen,
   * so no write is missed. Resolves when stopped.
   */
  async follow(filter: string, onPut: (value: KvValue) => void, options: KvFollowOptions): Promise<void> {
    const { signal } = options;
    let lastRevision = 0;
    let ready = false;
    const markReady = (): void => {
      if (ready) return;
      ready = true;
      options.onReady?.();
    };
    while (!signal.aborted) {
      try {
        if (lastRevision === 0) {
          // Keys stored now; a bucket without any has nothing to deliver before updates.
          const jsm = await this.#manager();
          const info = await jsm.streams.info(`KV_${this.#name}`, { subjects_filter: `$KV.${this.#name}.${filter}` });
          if (Object.keys(info.state.subjects ?? {}).length === 0) markReady();
        }
        const watcher = await this.#kv.watch(
          lastRevision === 0
            ? { key: filter, include: KvWatchInclude.LastValue }
            : { key: filter, include: KvWatchInclude.AllHistory, resumeFromRevision: lastRevision + 1 },
        );
        if (lastRevision > 0) markReady();
        const stop = (): void => watcher.stop();
        signal.addEventListener('abort', stop, { once: true });
        try {
          for await (const entry of watcher) {
            if (entry.revision <= lastRevision) continue;
            lastRevision = entry.revision;
            if (entry.operation === 'PUT') onPut({ key: entry.key, revision: entry.revision, text: entry.string(), json: () => entry.json() });
            if (entry.isUpdate) markReady();
          }
        } finally {
          // A broken watch must not leave its listener behind: one per outage would pile up.
          signal.removeEventListener('abort', stop);
        }
      } catch {
        // The watch broke (NATS restarting): wait a moment and resume after the last revision.
      }
      if (!signal.aborted) await sleep(500);
    }
  }

  /**
   * Calls `onPut` with every value written to a key matching `filter` from now on, until `signal`
   * aborts. A broken watch (NATS restarting) is re-established after a moment. Resolves when stopped.
   */
  async watch(filter: string, onPut: (value: KvValue) => void, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const watcher = await this.#kv.watch({ key: filter, include: KvWatchInclude.UpdatesOnly });
        const stop = (): void => watcher.stop();
        signal.addEventListener('abort', stop, { once: true });
        try {
          for await (const entry of watcher) {
            if (entry.operation !== 'PUT') continue;
            onPut({ key: entry.key, revision: entry.revision, text: entry.string(), json: () => entry.json() });
          }
        } finally {
          signal.removeEventListener('abort', stop);
        }
      } catch {
        // The watch broke (NATS restarting): wait a moment and watch again.
      }
      if (!signal.aborted) await sleep(500);
    }
  }
}

/** A call on a bucket whose stream does not exist: no stream answers its subject, or the server says so. */
function isMissingBucket(err: unknown): boolean {
  const { name, message, code } = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; message?: unknown; code?: unknown };
  return name === 'NoRespondersError' || code === 10059 || (typeof message === 'string' && /no responders|stream not found/i.test(message));
}
