import { KvBucket, TransientError, type NatsConnection } from '@magpie/bus';
import { DEDUP_BUCKET, DedupKeys, DedupLogEntry } from '@magpie/contracts';

/** One entry of a scope's log with its position. */
export interface SequencedEntry {
  readonly seq: number;
  readonly entry: DedupLogEntry;
}

/** Where the duplicate indexes live: an append-only log per scope whose appends are compare-and-set. */
export interface DedupLog {
  /** Every entry the scope holds now, in order. */
  load(scope: string): Promise<SequencedEntry[]>;
  /** The entries from `seq` on, up to the first position nobody has written. */
  readFrom(scope: string, seq: number): Promise<SequencedEntry[]>;
  /** Writes `entry` at `seq` when that position is free; false when another writer took it first. */
  append(scope: string, seq: number, entry: DedupLogEntry): Promise<boolean>;
}

function parseEntry(key: string, json: unknown): DedupLogEntry {
  const parsed = DedupLogEntry.safeParse(json);
  // Every entry was validated on write; one that fails here was written by a newer version.
  if (!parsed.success) throw new TransientError(`dedup index entry ${key} is not readable by this version: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * The log in the JetStream KV bucket `dedup`: entry `seq` of a scope is the key `<scope>.<seq>`,
 * written with KV create, which succeeds for exactly one writer. Values expire after the
 * platform's record retention, as the problems they describe do.
 */
export class KvDedupLog implements DedupLog {
  readonly #bucket: KvBucket;

  private constructor(bucket: KvBucket) {
    this.#bucket = bucket;
  }

  static async open(nc: NatsConnection, options: { readonly retentionMs: number }): Promise<KvDedupLog> {
    return new KvDedupLog(await KvBucket.open(nc, DEDUP_BUCKET, { history: 1, ttlMs: options.retentionMs }));
  }

  async load(scope: string): Promise<SequencedEntry[]> {
    const out: SequencedEntry[] = [];
    for (const value of await this.#bucket.values(DedupKeys.entriesOf(scope))) {
      const seq = DedupKeys.seqOf(scope, value.key);
      if (seq !== undefined) out.push({ seq, entry: parseEntry(value.key, value.json()) });
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  async readFrom(scope: string, seq: number): Promise<SequencedEntry[]> {
    const out: SequencedEntry[] = [];
    for (let next = seq; ; next++) {
      const key = DedupKeys.entry(scope, next);
      const value = await this.#bucket.get(key);
      if (!value) return out;
      out.push({ seq: next, entry: parseEntry(key, value.json()) });
    }
  }

  async append(scope: string, seq: number, entry: DedupLogEntry): Promise<boolean> {
    const key = DedupKeys.entry(scope, seq);
    const text = JSON.stringify(DedupLogEntry.parse(entry));
    try {
      await this.#bucket.create(key, text);
      return true;
    } catch (cause) {
      // create fails when the key exists (someone else appended) or when NATS is unreachable.
      const existing = await this.#bucket.get(key).catch(() => undefined);
      if (existing) return false;
      throw new TransientError(`cannot append to the duplicate index ${scope}`, { cause });
    }
  }
}
