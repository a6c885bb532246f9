import { AckPolicy, DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { DeadLetter } from '@magpie/contracts';
import type { Logger } from '@magpie/logging';
import type { z } from 'zod';
import { backoffDelayMs, sleep, type BackoffPolicy } from './backoff.js';
import { CompletionForecast } from './completion-forecast.js';
import { DeadLetterer } from './dead-letterer.js';
import { Delivery } from './delivery.js';
import { IllegalStateError, PermanentError, errorChainText, isNotRetryable, isStoreFull, retryAfterOf } from './errors.js';
import type { FailureCounter } from './failure-counter.js';
import type { Publisher } from './publisher.js';
import { SendBatch } from './send-batch.js';
import { StorePause } from './store-pause.js';

export interface WorkerContext {
  readonly subject: string;
  readonly streamSequence: number;
  /** 1 on first delivery; redeliveries after crashes and shutdowns count too. */
  readonly deliveryCount: number;
  /** Handler failures of this message so far (0 on first delivery); only these lead to a dead letter. */
  readonly failures: number;
  /** Aborted when the worker releases the message (shutdown); pass it to backend calls. */
  readonly signal: AbortSignal;
  /**
   * Says the message's work is done and only its ack waits (on a run's completion check): its
   * concurrency slot goes to the next message now, while the ack still comes after the handler
   * resolves. Idempotent; the slot is freed when the handler settles in any case.
   */
  readonly freeSlot: () => void;
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
  /** The message was handed back unfinished (shutdown), or waits for the store to have room; not a failure. */
  released?(why: 'shutdown' | 'store_full'): void;
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
  /** Where handler failures are counted per message, across replicas and restarts. */
  readonly failures: FailureCounter;
  /** The stage name used in dead-letter subjects and logs. */
  readonly stage: string;
  readonly logger: Logger;
  /**
   * Messages handled at once by this process; a function is read before every pull, so the
   * number can follow what the backend can take.
   */
  readonly concurrency: number | (() => number);
  readonly ackWaitMs?: number;
  /** Handler failures of one message before it is dead-lettered. */
  readonly maxFailures?: number;
  /**
   * Deliveries of any kind before a message is dead-lettered: a safety bound, far above what
   * restarts cause, for a message that kills its process every time it is handled.
   */
  readonly maxDeliveries?: number;
  readonly backoff?: BackoffPolicy;
  /** Un-acked messages across all replicas of this consumer; defaults to 4 × concurrency (as at start). */
  readonly maxAckPending?: number;
  readonly fetchExpiresMs?: number;
  /**
   * Nak delay of a message handed back on shutdown: short, so another replica takes it at once,
   * but longer than a pull's expiry, so the stopping worker's last pull cannot take it back.
   */
  readonly releaseDelayMs?: number;
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
  /** Called when the worker pauses because the NATS store is full, with a line for people, and again every so often while it lasts. */
  readonly onStorePaused?: (message: string, since: Date) => void;
  /** Called when a paused worker could store again. */
  readonly onStoreResumed?: () => void;
  /** Where acks, naks and terms go out with the turn's other sends; SendBatch.shared by default. */
  readonly batch?: SendBatch;
}

/**
 * - `idle`: constructed, not started.
 * - `running`: pulling and handling messages.
 * - `stopping`: no new pulls; in-flight handlers finishing or released.
 * - `stopped`: final.
 */
type WorkerState = 'idle' | 'running' | 'stopping' | 'stopped';

/**
 * A durable pull-consumer loop with bounded concurrency and an explicit ack policy: ack after the
 * handler (which publishes its output) resolves; nak with backoff on transient failures, counted
 * per message; dead-letter then term on invalid payloads, PermanentError, or after `maxFailures`
 * real failures. A redelivery after a crash, a kill or a shutdown is not a failure. working()
 * keeps long handlers' leases. A full NATS store pauses the worker instead of failing messages.
 */
export class Worker<T> {
  readonly #o: WorkerOptions<T>;
  readonly #ackWaitMs: number;
  readonly #maxFailures: number;
  readonly #maxDeliveries: number;
  readonly #backoff: BackoffPolicy;
  readonly #releaseDelayMs: number;
  readonly #fetchExpiresMs: number;
  readonly #deliveries = new Map<Delivery, Promise<void>>();
  /** The deliveries holding a concurrency slot: their handler's work is not done yet. */
  readonly #working = new Set<Delivery>();
  readonly #forecast = new CompletionForecast();
  readonly #deadLetterer: DeadLetterer;
  readonly #storePause: StorePause;
  readonly #batch: SendBatch;
  #state: WorkerState = 'idle';
  #loop: Promise<void> | undefined;
  #slotFreed: (() => void) | undefined;
  #backlogTimer: ReturnType<typeof setInterval> | undefined;

  constructor(options: WorkerOptions<T>) {
    this.#o = options;
    this.#ackWaitMs = options.ackWaitMs ?? 15_000;
    this.#maxFailures = options.maxFailures ?? 5;
    this.#maxDeliveries = options.maxDeliveries ?? 100;
    this.#backoff = options.backoff ?? { baseMs: 1_000, maxMs: 30_000 };
    this.#fetchExpiresMs = options.fetchExpiresMs ?? 1_000;
    this.#releaseDelayMs = Math.max(options.releaseDelayMs ?? 0, this.#fetchExpiresMs + 250);
    this.#batch = options.batch ?? SendBatch.shared;
    this.#deadLetterer = new DeadLetterer(options);
    this.#storePause = new StorePause({
      logger: options.logger,
      ...(options.onStorePaused ? { onPaused: options.onStorePaused } : {}),
      ...(options.onStoreResumed ? { onResumed: options.onStoreResumed } : {}),
    });
  }

  get state(): WorkerState {
    return this.#state;
  }

  get inFlight(): number {
    return this.#deliveries.size;
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
   * Stops pulling; of the messages in progress, keeps those expected to finish within `graceMs`
   * (judged from recent durations) and releases the rest at once with a short nak delay, so
   * another replica starts them now; what is still running after `graceMs` is released too.
   * Released messages are not failures. Idempotent.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.#state === 'idle') {
      this.#state = 'stopped';
      return;
    }
    if (this.#state !== 'running') return;
    this.#state = 'stopping';
    clearInterval(this.#backlogTimer);
    // Released before the fetch loop winds down, so another replica can start them right away.
    const held = [...this.#deliveries.keys()];
    const released = held.filter((d) => !this.#forecast.canFinish(d.elapsedMs, graceMs));
    for (const d of released) this.#release(d, 'shutdown: would not finish within the grace period');
    if (held.length > 0) this.#o.logger.info({ inFlight: held.length, released: released.length, graceMs }, 'stopping: finishing what can finish within the grace period');
    this.#slotFreed?.();
    await this.#loop;
    const drained = Promise.allSettled([...this.#deliveries.values()]).then(() => true);
    const finished = await Promise.race([drained, sleep(graceMs).then(() => false)]);
    if (!finished) {
      const late = [...this.#deliveries.keys()].filter((d) => !d.settled);
      this.#o.logger.warn({ inFlight: late.length }, 'grace period over, releasing in-flight work');
      for (const d of late) this.#release(d, 'shutdown: grace period over');
      await Promise.allSettled([...this.#deliveries.values()]);
    }
    // The last outcomes go out before the caller closes the connection.
    this.#batch.flush();
    this.#state = 'stopped';
  }

  #release(delivery: Delivery, reason: string): void {
    if (delivery.settled) return;
    delivery.release(this.#releaseDelayMs, reason);
    this.#o.metrics?.released?.('shutdown');
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
      // We count failures ourselves; JetStream's delivery count also counts crashes and shutdowns.
      max_deliver: -1,
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
      await jsm.consumers.add(stream, { ...mutable, durable_name: durableName, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All });
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
      const waitMs = this.#storePause.waitMs();
      if (waitMs > 0) {
        await sleep(Math.min(250, waitMs));
        continue;
      }
      const free = this.#concurrency() - this.#working.size;
      if (free <= 0) {
        await new Promise<void>((resolve) => (this.#slotFreed = resolve));
        continue;
      }
      try {
        const consumer = await js.consumers.get(stream, durableName);
        const batch = await consumer.fetch({ max_messages: free, expires: this.#fetchExpiresMs });
        for await (const msg of batch) {
          if (this.#state !== 'running') {
            msg.nak(this.#releaseDelayMs);
            continue;
          }
          this.#track(new Delivery(msg, this.#ackWaitMs, this.#batch));
        }
      } catch (err) {
        if (this.#state !== 'running') break;
        logger.warn({ err }, 'fetch failed; retrying');
        await sleep(500);
      }
    }
  }

  #track(delivery: Delivery): void {
    // Before the handler starts: it may free its slot before its first await.
    this.#working.add(delivery);
    const work = this.#process(delivery);
    this.#deliveries.set(delivery, work);
    this.#o.metrics?.inFlight?.(this.#deliveries.size);
    void work.finally(() => {
      this.#deliveries.delete(delivery);
      this.#o.metrics?.inFlight?.(this.#deliveries.size);
      this.#freeSlot(delivery);
    });
  }

  #freeSlot(delivery: Delivery): void {
    if (!this.#working.delete(delivery)) return;
    const wake = this.#slotFreed;
    this.#slotFreed = undefined;
    wake?.();
  }

  async #process(delivery: Delivery): Promise<void> {
    const { msg } = delivery;
    const deliveryCount = msg.info.deliveryCount;
    this.#o.metrics?.received?.();
    let raw: unknown;
    try {
      raw = msg.json();
    } catch (err) {
      await this.#deadLetter(delivery, `invalid JSON: ${String(err)}`, 0);
      return;
    }
    const parsed = this.#o.schema.safeParse(raw);
    if (!parsed.success) {
      await this.#deadLetter(delivery, `invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 0);
      return;
    }
    const failures = deliveryCount === 1 ? 0 : await this.#failuresOf(msg);
    if (deliveryCount > this.#maxDeliveries) {
      // Almost every delivery died with its process: a message that kills its handler, most likely.
      await this.#deadLetter(
        delivery,
        `delivered ${deliveryCount} times without finishing (${failures} handler failures; the other deliveries ended with their process: crash, kill or shutdown)`,
        failures,
      );
      return;
    }
    const startedAt = performance.now();
    try {
      await this.#o.handler(parsed.data, {
        subject: msg.subject,
        streamSequence: msg.seq,
        deliveryCount,
        failures,
        signal: delivery.signal,
        freeSlot: () => this.#freeSlot(delivery),
      });
      if (delivery.released) return;
      delivery.ack();
      this.#storePause.stored();
      const durationMs = performance.now() - startedAt;
      this.#forecast.observe(durationMs);
      this.#o.metrics?.acked?.(durationMs);
      if (failures > 0) void this.#forget(msg);
    } catch (err) {
      await this.#onHandlerError(delivery, err, failures);
    }
  }

  async #onHandlerError(delivery: Delivery, err: unknown, failuresBefore: number): Promise<void> {
    // Handed back on shutdown: already nak'd, and not a failure of the message.
    if (delivery.released) return;
    const { msg } = delivery;
    const message = err instanceof Error ? err.message : String(err);
    if (isStoreFull(err)) {
      // Nothing could be stored; retrying the message later costs it nothing.
      delivery.nak(this.#storePause.full(errorChainText(err)));
      this.#o.metrics?.released?.('store_full');
      return;
    }
    if (err instanceof PermanentError || isNotRetryable(err)) {
      await this.#deadLetter(delivery, message, failuresBefore);
      return;
    }
    const failures = failuresBefore + 1;
    if (failures >= this.#maxFailures) {
      await this.#deadLetter(delivery, `failed ${failures} times; last error: ${message}`, failures);
      return;
    }
    await this.#o.failures.record(this.#o.durableName, this.#o.stream, msg.seq, failures).catch((e: unknown) => {
      this.#o.logger.warn({ err: e, subject: msg.subject }, 'could not store the failure count; this delivery may not be counted');
    });
    const delayMs = Math.max(retryAfterOf(err), backoffDelayMs(this.#backoff, failures));
    this.#o.logger.warn({ err, subject: msg.subject, deliveryCount: msg.info.deliveryCount, failures, delayMs }, 'handler failed; will retry');
    this.#o.metrics?.retried?.(err instanceof Error ? err.name : 'unknown');
    delivery.nak(delayMs);
  }

  async #failuresOf(msg: JsMsg): Promise<number> {
    try {
      return await this.#o.failures.failures(this.#o.durableName, this.#o.stream, msg.seq);
    } catch (err) {
      this.#o.logger.warn({ err, subject: msg.subject }, 'could not read the failure count; counting from 0');
      return 0;
    }
  }

  async #forget(msg: JsMsg): Promise<void> {
    await this.#o.failures.clear(this.#o.durableName, this.#o.stream, msg.seq).catch(() => undefined);
  }

  async #deadLetter(delivery: Delivery, error: string, failures: number): Promise<void> {
    const stored = await this.#deadLetterer.deadLetter(delivery.msg, error, failures);
    if (stored) {
      this.#o.metrics?.deadLettered?.();
      delivery.term(error.slice(0, 200));
      void this.#forget(delivery.msg);
    } else {
      // The dead letter could not be stored: keep the message rather than lose it.
      delivery.nak(backoffDelayMs(this.#backoff, Math.max(1, failures)));
    }
  }
}
