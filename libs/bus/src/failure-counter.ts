import { PlatformBuckets, PlatformKeys } from '@magpie/contracts';
import type { NatsConnection } from '@nats-io/transport-node';
import { KvBucket } from './kv-bucket.js';

/** Counts are forgotten after a day: a message failing that slowly is retried afresh. */
const FAILURE_TTL_MS = 24 * 3_600_000;

/**
 * Handler failures per message in the memory-backed KV bucket `msg_failures`, keyed by consumer,
 * stream and stream sequence. JetStream's delivery count cannot tell a failure from a redelivery
 * after a crash, a kill or a shutdown; this count only grows when a handler really failed, so a
 * rolling restart never dead-letters work. Why KV and not a header on a republished copy: every
 * record is read by several consumers (a problem by the solver and the sampler) under its
 * deterministic Nats-Msg-Id, so a copy would either be dropped as a duplicate or add a second
 * record; a per-consumer key touches nothing others read. Memory storage keeps it writable while
 * the file store is full; a NATS restart forgets the counts, which costs at most a few retries.
 */
export class FailureCounter {
  readonly #kv: KvBucket;

  private constructor(kv: KvBucket) {
    this.#kv = kv;
  }

  /** Creates the bucket if needed (idempotent) and binds to it. */
  static async open(nc: NatsConnection): Promise<FailureCounter> {
    return new FailureCounter(await KvBucket.open(nc, PlatformBuckets.failures, { history: 1, storage: 'memory', ttlMs: FAILURE_TTL_MS }));
  }

  /** Failures recorded so far for the message (0 when none). */
  async failures(durable: string, stream: string, streamSequence: number): Promise<number> {
    const entry = await this.#kv.get(PlatformKeys.failures(durable, stream, streamSequence));
    const count = entry ? Number(entry.text) : 0;
    return Number.isSafeInteger(count) && count > 0 ? count : 0;
  }

  /** Stores the message's new failure count. */
  async record(durable: string, stream: string, streamSequence: number, failures: number): Promise<void> {
    await this.#kv.put(PlatformKeys.failures(durable, stream, streamSequence), String(failures));
  }

  /** Forgets the message (acked or dead-lettered). */
  async clear(durable: string, stream: string, streamSequence: number): Promise<void> {
    await this.#kv.delete(PlatformKeys.failures(durable, stream, streamSequence));
  }
}
