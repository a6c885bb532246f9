import type { JetStreamClient } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import type { z } from 'zod';
import { backoffDelayMs, sleep } from './backoff.js';
import { InvalidPayloadError, PublishError, StoreFullError, isStoreFull } from './errors.js';
import { SendBatch } from './send-batch.js';

export interface PublisherOptions {
  readonly js: JetStreamClient;
  /** Attempts per publish before PublishError; retries ride out a NATS restart. */
  readonly maxAttempts?: number;
  readonly timeoutMs?: number;
  /**
   * Publishes awaiting their PubAck at once; more wait for one to come back, so a burst cannot
   * pile up unbounded in the client and the server.
   */
  readonly maxPending?: number;
  /** Where publishes are started together with the turn's other sends; SendBatch.shared by default. */
  readonly batch?: SendBatch;
}

export interface PublishResult {
  readonly seq: number;
  /** True when JetStream already had a message with this Nats-Msg-Id: nothing new was stored. */
  readonly duplicate: boolean;
}

/**
 * Publishes schema-validated JSON to JetStream with a deterministic Nats-Msg-Id, so a retried
 * publish (ours, or a redelivered handler's) is stored once. Publishes are asynchronous: the ones
 * asked for within one event-loop turn go out together (SendBatch), up to `maxPending` await
 * their PubAcks at once, and each call resolves with its own PubAck.
 */
export class Publisher {
  readonly #js: JetStreamClient;
  readonly #maxAttempts: number;
  readonly #timeoutMs: number;
  readonly #maxPending: number;
  readonly #batch: SendBatch;
  #pending = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(options: PublisherOptions) {
    this.#js = options.js;
    this.#maxAttempts = options.maxAttempts ?? 8;
    this.#timeoutMs = options.timeoutMs ?? 5_000;
    this.#maxPending = Math.max(1, options.maxPending ?? 1_024);
    this.#batch = options.batch ?? SendBatch.shared;
  }

  /** Publishes awaiting their PubAck now. */
  get pending(): number {
    return this.#pending;
  }

  /**
   * Validates `payload` against `schema`, then publishes. Throws InvalidPayloadError for a bad
   * payload (never sent), StoreFullError at once when JetStream has no room (retrying within
   * seconds cannot help; the caller pauses) and PublishError when JetStream does not acknowledge
   * after retries.
   */
  async publish<T>(subject: string, schema: z.ZodType<T>, payload: T, msgId: string): Promise<PublishResult> {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      throw new InvalidPayloadError(`refusing to publish invalid payload on ${subject}: ${parsed.error.message}`);
    }
    return this.#send(subject, JSON.stringify(parsed.data), msgId);
  }

  /**
   * Adds `delta` to the counter `subject` of a JetStream counter stream (`allow_msg_counter`), with
   * `msgId` as its Nats-Msg-Id: a retried increment is applied once. Throws RangeError for a
   * delta that is not an integer and PublishError when JetStream does not acknowledge.
   */
  async increment(subject: string, delta: number, msgId: string): Promise<PublishResult> {
    if (!Number.isSafeInteger(delta)) throw new RangeError(`counter increment must be an integer, got ${delta}`);
    return this.#send(subject, undefined, msgId, `${delta >= 0 ? '+' : ''}${delta}`);
  }

  async #send(subject: string, data: string | undefined, msgId: string, increment?: string): Promise<PublishResult> {
    // A slot is handed from a finished publish straight to the longest waiting one.
    if (this.#pending >= this.#maxPending) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#pending++;
    try {
      return await this.#sendWithRetries(subject, data, msgId, increment);
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#pending--;
    }
  }

  async #sendWithRetries(subject: string, data: string | undefined, msgId: string, increment?: string): Promise<PublishResult> {
    let lastError: unknown;
    const options = {
      msgID: msgId,
      timeout: this.#timeoutMs,
      ...(increment === undefined ? {} : { headers: incrementHeaders(increment) }),
    };
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt++) {
      try {
        const ack = await this.#batch.start(() => this.#js.publish(subject, data, options));
        return { seq: ack.seq, duplicate: ack.duplicate };
      } catch (err) {
        if (isStoreFull(err)) throw new StoreFullError(`cannot store ${subject}: ${errorText(err)}`, { cause: err });
        lastError = err;
        if (attempt < this.#maxAttempts) await sleep(backoffDelayMs({ baseMs: 100, maxMs: 4_000 }, attempt));
      }
    }
    throw new PublishError(`publish to ${subject} (msg id ${msgId}) failed after ${this.#maxAttempts} attempts`, {
      cause: lastError,
    });
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function incrementHeaders(increment: string) {
  const h = headers();
  h.set('Nats-Incr', increment);
  return h;
}
