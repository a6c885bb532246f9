import { jetstreamManager } from '@nats-io/jetstream';
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

export interface KvFollowOptions {
  readonly signal: AbortSignal;
  /** Called once every value stored when following began has been delivered. */
  readonly onReady?: () => void;
}

export interface KvBucketOptions {
  /** Values kept per key. */
  readonly history: number;
}

/**
 * A JetStream key-value bucket: create, read, compare-and-set, list and watch, with deleted keys
 * read as absent and a watch that survives NATS restarts.
 */
export class KvBucket {
  readonly #kv: KV;
  readonly #nc: NatsConnection;
  readonly #name: string;

  private constructor(kv: KV, nc: NatsConnection, name: string) {
    this.#kv = kv;
    this.#nc = nc;
    this.#name = name;
  }

  /** Creates the bucket if needed (idempotent) and binds to it. */
  static async open(nc: NatsConnection, name: string, options: KvBucketOptions): Promise<KvBucket> {
    return new KvBucket(await new Kvm(nc).create(name, { history: options.history }), nc, name);
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

  /** Every key matching `filter` (NATS wildcards). */
  async keys(filter: string): Promise<string[]> {
    const out: string[] = [];
    for await (const key of await this.#kv.keys(filter)) out.push(key);
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
          const jsm = await jetstreamManager(this.#nc);
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
        for await (const entry of watcher) {
          if (entry.revision <= lastRevision) continue;
          lastRevision = entry.revision;
          if (entry.operation === 'PUT') onPut({ key: entry.key, revision: entry.revision, text: entry.string(), json: () => entry.json() });
          if (entry.isUpdate) markReady();
        }
        signal.removeEventListener('abort', stop);
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
