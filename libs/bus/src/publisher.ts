import type { JetStreamClient } from '@nats-io/jetstream';
import type { z } from 'zod';
import { backoffDelayMs, sleep } from './backoff.js';
import { InvalidPayloadError, PublishError, StoreFullError, isStoreFull } from './errors.js';

export interface PublisherOptions {
  readonly js: JetStreamClient;
  /** Attempts per publish before PublishError; retries ride out a NATS restart. */
  readonly maxAttempts?: number;
  readonly timeoutMs?: number;
}

export interface PublishResult {
  readonly seq: number;
  /** True when JetStream already had a message with this Nats-Msg-Id: nothing new was stored. */
  readonly duplicate: boolean;
}

/**
 * Publishes schema-validated JSON to JetStream with a deterministic Nats-Msg-Id, so a retried
 * publish (ours, or a redelivered handler's) is stored once.
 */
export class Publisher {
  readonly #js: JetStreamClient;
  readonly #maxAttempts: number;
  readonly #timeoutMs: number;

  constructor(options: PublisherOptions) {
    this.#js = options.js;
    this.#maxAttempts = options.maxAttempts ?? 8;
    this.#timeoutMs = options.timeoutMs ?? 5_000;
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
    const data = JSON.stringify(parsed.data);
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt++) {
      try {
        const ack = await this.#js.publish(subject, data, { msgID: msgId, timeout: this.#timeoutMs });
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
