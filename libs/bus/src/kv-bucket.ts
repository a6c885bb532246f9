import { KvWatchInclude, Kvm, type KV } from '@nats-io/kv';
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

export interface KvBucketOptions {
  /** Values kept per key. */
  readonly history: number;
  /** How long a value is kept after it was written; forever when omitted. */
  readonly ttlMs?: number;
}

/**
 * A JetStream key-value bucket: create, read, compare-and-set, list and watch, with deleted keys
 * read as absent and a watch that survives NATS restarts.
 */
export class KvBucket {
  readonly #kv: KV;

  private constructor(kv: KV) {
    this.#kv = kv;
  }

  /** Creates the bucket if needed (idempotent) and binds to it. */
  static async open(nc: NatsConnection, name: string, options: KvBucketOptions): Promise<KvBucket> {
    return new KvBucket(await new Kvm(nc).create(name, { history: options.history, ...(options.ttlMs === undefined ? {} : { ttl: options.ttlMs }) }));
  }

  /** Writes `value` only when the key holds nothing; throws otherwise (the caller reads to tell why). */
  async create(key: string, value: string): Promise<number> {
    return this.#kv.create(key, value);
  }

  /** The key's current value, or undefined when it was never written or is deleted. */
  async get(key: string): Promise<KvValue | undefined> {
    const entry = await this.#kv.get(key);
    if (!entry || entry.operation !== 'PUT') return undefined;
    return { key: entry.key, revision: entry.revision, text: entry.string(), json: () => entry.json() };
  }

  /** Writes `value` when the key is still at `revision`; throws when someone wrote in between. */
  async update(key: string, value: string, revision: number): Promise<number> {
    return this.#kv.update(key, value, revision);
  }

  /**
   * The current value of every key matching `filter` (NATS wildcards), in the order they were
   * written, read in one pass over the bucket's stream (an ordered consumer), then returns.
   */
  async values(filter: string): Promise<KvValue[]> {
    const out = new Map<string, KvValue>();
    for await (const entry of await this.#kv.history({ key: filter })) {
      if (entry.operation === 'PUT') out.set(entry.key, { key: entry.key, revision: entry.revision, text: entry.string(), json: () => entry.json() });
      else out.delete(entry.key);
    }
    return [...out.values()].sort((a, b) => a.revision - b.revision);
  }

  /** Every key matching `filter` (NATS wildcards). */
  async keys(filter: string): Promise<string[]> {
    const out: string[] = [];
    for await (const key of await this.#kv.keys(filter)) out.push(key);
    return out;
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
        for await (const entry of watcher) {
          if (entry.operation !== 'PUT') continue;
          onPut({ key: entry.key, revision: entry.revision, text: entry.string(), json: () => entry.json() });
        }
        signal.removeEventListener('abort', stop);
      } catch {
        // The watch broke (NATS restarting): wait a moment and watch again.
      }
      if (!signal.aborted) await sleep(500);
    }
  }
}
