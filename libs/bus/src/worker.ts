import { AckPolicy, DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { DeadLetter, MsgIds, Subjects, runIdOfSubject } from '@magpie/contracts';
import type { Logger } from '@magpie/logging';
import type { z } from 'zod';
import { backoffDelayMs, sleep, type BackoffPolicy } from './backoff.js';
import { IllegalStateError, PermanentError, isNotRetryable, retryAfterOf } from './errors.js';
import type { Publisher } from './publisher.js';

export interface WorkerContext {
  readonly subject: string;
  readonly streamSequence: number;
  /** 1 on first delivery. */
  readonly deliveryCount: number;
  /** Aborted when the worker stops past its grace period; pass it to backend calls. */
  readonly signal: AbortSignal;
}

/** Does the work for one message and publishes its output before resolving; the worker acks after. */
export type WorkerHandler<T> = (payload: T, context: WorkerContext) => Promise<void>;

/** Hooks a worker calls so a service can export what it does; all optional. */
export interface WorkerMetrics {
  /** A message arrived (any delivery). */
  received?(): void;
  /** The handler succeeded and the message was acked. */
  acked?(durationMs: number): void;
  /** The handler failed and the message will be redelivered. */
  retried?(errorKind: string): void;
  deadLettered?(): void;
  inFlight?(count: number): void;
  /** Messages waiting on the consumer (not yet delivered) and delivered but unacked. */
  backlog?(pending: number, ackPending: number): void;
}

export interface WorkerOptions<T> {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly stream: string;
  readonly durableName: string;
  readonly filterSubject: string;
  readonly schema: z.ZodType<T>;
  readonly handler: WorkerHandler<T>;
  /** Publishes dead letters. */
  readonly publisher: Publisher;
  /** The stage name used in dead-letter subjects and logs. */
  readonly stage: string;
  readonly logger: Logger;
  /**
   * Messages handled at once by this process; a function is read before every pull, so the
   * number can follow what the backend can take.
   */
  readonly concurrency: number | (() => number);
  readonly ackWaitMs?: number;
  /** Deliveries before a failing message is dead-lettered. */
  readonly maxDeliveries?: number;
  readonly backoff?: BackoffPolicy;
  /** Un-acked messages across all replicas of this consumer; defaults to 4 × concurrency (as at start). */
  readonly maxAckPending?: number;
  readonly fetchExpiresMs?: number;
  readonly metrics?: WorkerMetrics;
  /**
   * While this returns false the worker pulls nothing (e.g. every backend replica is down): work
   * waits in the stream instead of burning deliveries towards the dead-letter limit.
   */
  readonly canPull?: () => boolean;
  /** How often the consumer's backlog is read for metrics; 0 turns it off. */
  readonly backlogPollMs?: number;
  /** Called after a dead letter is stored and before the message is terminated. */
  readonly onDeadLetter?: (letter: DeadLetter, runId: string | undefined) => Promise<void>;
}

/**
 * - `idle`: constructed, not started.
 * - `running`: pulling and handling messages.
 * - `stopping`: no new pulls; in-flight handlers finishing.
 * - `stopped`: final.
 */
type WorkerState = 'idle' | 'running' | 'stopping' | 'stopped';

/**
 * A durable pull-consumer loop with bounded concurrency and an explicit ack policy:
 * ack after the handler (which publishes its output) resolves; nak with backoff on transient
 * failures; dead-letter then term on invalid payloads, PermanentError, or after maxDeliveries;
 * working() keeps long handlers from being redelivered.
 */
export class Worker<T> {
  readonly #o: WorkerOptions<T>;
  readonly #ackWaitMs: number;
  readonly #maxDeliveries: number;
  readonly #backoff: BackoffPolicy;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #abort = new AbortController();
  #state: WorkerState = 'idle';
  #loop: Promise<void> | undefined;
  #slotFreed: (() => void) | undefined;
  #backlogTimer: ReturnType<typeof setInterval> | undefined;

  constructor(options: WorkerOptions<T>) {
    this.#o = options;
    this.#ackWaitMs = options.ackWaitMs ?? 30_000;
    this.#maxDeliveries = options.maxDeliveries ?? 5;
    this.#backoff = options.backoff ?? { baseMs: 1_000, maxMs: 30_000 };
  }

  get state(): WorkerState {
    return this.#state;
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Creates or updates the durable consumer, then starts pulling. Throws IllegalStateError after stop. */
  async start(): Promise<void> {
    if (this.#state === 'running') return;
    if (this.#state !== 'idle') throw new IllegalStateError(`cannot start a ${this.#state} worker`);
    await this.#ensureConsumer();
    this.#state = 'running';
    this.#loop = this.#run();
    const pollMs = this.#o.backlogPollMs ?? 5_000;
    if (this.#o.metrics?.backlog && pollMs > 0) {
      this.#backlogTimer = setInterval(() => void this.#pollBacklog(), pollMs);
      this.#backlogTimer.unref();
    }
  }

  async #pollBacklog(): Promise<void> {
    try {
      const info = await this.#o.jsm.consumers.info(this.#o.stream, this.#o.durableName);
      this.#o.metrics?.backlog?.(info.num_pending, info.num_ack_pending);
    } catch {
      // A metrics read may fail while NATS restarts; the next poll tries again.
    }
  }

  /**
   * Stops pulling, lets in-flight handlers finish for up to `graceMs`, then aborts the rest
   * (they nak, so another replica picks them up). Idempotent.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.#state === 'idle') {
      this.#state = 'stopped';
      return;
    }
    if (this.#state !== 'running') return;
    this.#state = 'stopping';
    clearInterval(this.#backlogTimer);
    this.#slotFreed?.();
    await this.#loop;
    const drained = Promise.allSettled([...this.#inFlight]).then(() => true);
    const finished = await Promise.race([drained, sleep(graceMs).then(() => false)]);
    if (!finished) {
      this.#o.logger.warn({ inFlight: this.#inFlight.size }, 'grace period over, aborting in-flight work');
      this.#abort.abort(new Error('worker stopping'));
      await Promise.allSettled([...this.#inFlight]);
    }
    this.#state = 'stopped';
  }

  #concurrency(): number {
    const { concurrency } = this.#o;
    return Math.max(1, Math.floor(typeof concurrency === 'function' ? concurrency() : concurrency));
  }

  async #ensureConsumer(): Promise<void> {
    const { jsm, stream, durableName, filterSubject } = this.#o;
    const mutable = {
      ack_wait: nanos(this.#ackWaitMs),
      max_ack_pending: this.#o.maxAckPending ?? this.#concurrency() * 4,
      filter_subject: filterSubject,
    };
    const exists = await jsm.consumers.info(stream, durableName).then(
      () => true,
      () => false,
    );
    if (exists) {
      await jsm.consumers.update(stream, durableName, mutable);
      return;
    }
    try {
      await jsm.consumers.add(stream, {
        ...mutable,
        durable_name: durableName,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        // We count deliveries ourselves so that the last failure is dead-lettered, not dropped.
        max_deliver: -1,
      });
    } catch (err) {
      // A replica created it concurrently; fine if it exists now.
      const created = await jsm.consumers.info(stream, durableName).then(
        () => true,
        () => false,
      );
      if (!created) throw err;
    }
  }

  async #run(): Promise<void> {
    const { js, stream, durableName, logger } = this.#o;
    let paused = false;
    while (this.#state === 'running') {
      if (this.#o.canPull && !this.#o.canPull()) {
        if (!paused) logger.warn({}, 'pausing: backend unavailable');
        paused = true;
        await sleep(250);
        continue;
      }
      if (paused) logger.info({}, 'resuming: backend available');
      paused = false;
      const free = this.#concurrency() - this.#inFlight.size;
      if (free <= 0) {
        await new Promise<void>((resolve) => (this.#slotFreed = resolve));
        continue;
      }
      try {
        const consumer = await js.consumers.get(stream, durableName);
        const batch = await consumer.fetch({ max_messages: free, expires: this.#o.fetchExpiresMs ?? 1_000 });
        for await (const msg of batch) {
          if (this.#state !== 'running') {
            msg.nak();
            continue;
          }
          this.#track(this.#process(msg));
        }
      } catch (err) {
        if (this.#state !== 'running') break;
        logger.warn({ err }, 'fetch failed; retrying');
        await sleep(500);
      }
    }
  }

  #track(work: Promise<void>): void {
    this.#inFlight.add(work);
    this.#o.metrics?.inFlight?.(this.#inFlight.size);
    void work.finally(() => {
      this.#inFlight.delete(work);
      this.#o.metrics?.inFlight?.(this.#inFlight.size);
      const wake = this.#slotFreed;
      this.#slotFreed = undefined;
      wake?.();
    });
  }

  async #process(msg: JsMsg): Promise<void> {
    const deliveryCount = msg.info.deliveryCount;
    this.#o.metrics?.received?.();
    let raw: unknown;
    try {
      raw = msg.json();
    } catch (err) {
      await this.#deadLetter(msg, `invalid JSON: ${String(err)}`);
      return;
    }
    const parsed = this.#o.schema.safeParse(raw);
    if (!parsed.success) {
      await this.#deadLetter(msg, `invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return;
    }
    if (deliveryCount > this.#maxDeliveries) {
      // Earlier deliveries died with their worker (no ack, no nak): give up rather than loop forever.
      await this.#deadLetter(msg, `delivered ${deliveryCount} times without success`);
      return;
    }
    const heartbeat = setInterval(() => msg.working(), Math.max(100, Math.floor(this.#ackWaitMs / 3)));
    const startedAt = performance.now();
    try {
      await this.#o.handler(parsed.data, {
        subject: msg.subject,
        streamSequence: msg.seq,
        deliveryCount,
        signal: this.#abort.signal,
      });
      msg.ack();
      this.#o.metrics?.acked?.(performance.now() - startedAt);
    } catch (err) {
      await this.#onHandlerError(msg, err);
    } finally {
      clearInterval(heartbeat);
    }
  }

  async #onHandlerError(msg: JsMsg, err: unknown): Promise<void> {
    const deliveryCount = msg.info.deliveryCount;
    const log = this.#o.logger;
    if (this.#abort.signal.aborted) {
      msg.nak();
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof PermanentError || isNotRetryable(err)) {
      await this.#deadLetter(msg, message);
      return;
    }
    if (deliveryCount >= this.#maxDeliveries) {
      await this.#deadLetter(msg, `failed ${deliveryCount} times; last error: ${message}`);
      return;
    }
    const retryAfterMs = retryAfterOf(err);
    const delayMs = Math.max(retryAfterMs, backoffDelayMs(this.#backoff, deliveryCount));
    log.warn({ err, subject: msg.subject, deliveryCount, delayMs }, 'handler failed; will retry');
    this.#o.metrics?.retried?.(err instanceof Error ? err.name : 'unknown');
    msg.nak(delayMs);
  }

  async #deadLetter(msg: JsMsg, error: string): Promise<void> {
    const { stream, durableName, stage, publisher, logger } = this.#o;
    const runId = runIdOfSubject(msg.subject);
    const letter: DeadLetter = {
      schemaVersion: 1,
      stage,
      consumer: durableName,
      originalSubject: msg.subject,
      originalStreamSequence: msg.seq,
      payload: msg.string(),
      error: error.slice(0, 4096),
      deliveryCount: msg.info.deliveryCount,
      deadLetteredAt: new Date().toISOString(),
    };
    try {
      await publisher.publish(Subjects.deadLetter(runId ?? 'unknown', stage), DeadLetter, letter, MsgIds.deadLetter(stream, msg.seq));
      await this.#o.onDeadLetter?.(letter, runId);
      logger.error({ subject: msg.subject, error, deliveryCount: letter.deliveryCount }, 'dead-lettered');
      this.#o.metrics?.deadLettered?.();
      msg.term(error.slice(0, 200));
    } catch (err) {
      // The dead letter could not be stored: keep the message rather than lose it.
      logger.error({ err, subject: msg.subject }, 'dead-lettering failed; will retry');
      msg.nak(backoffDelayMs(this.#backoff, msg.info.deliveryCount));
    }
  }
}
