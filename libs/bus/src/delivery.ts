import type { JsMsg } from '@nats-io/jetstream';
import { SendBatch } from './send-batch.js';

/**
 * One message a worker holds: its lease (working() while the handler runs, so a long call keeps
 * it however short ACK_WAIT is), the signal its handler's backend calls follow, and the single
 * outcome JetStream is told (ack, nak or term; whatever comes after the first is ignored). The
 * outcome is decided at once and sent with the turn's other sends (SendBatch): acks need no reply,
 * and a lost one only means a redelivery, which every handler already tolerates.
 */
export class Delivery {
  readonly msg: JsMsg;
  readonly #startedAt = performance.now();
  readonly #abort = new AbortController();
  readonly #heartbeat: ReturnType<typeof setInterval>;
  #settled = false;
  #released = false;

  readonly #batch: SendBatch;

  constructor(msg: JsMsg, ackWaitMs: number, batch: SendBatch = SendBatch.shared) {
    this.msg = msg;
    this.#batch = batch;
    this.#heartbeat = setInterval(() => msg.working(), Math.max(100, Math.floor(ackWaitMs / 3)));
    this.#heartbeat.unref();
  }

  /** Aborts when the worker releases the message; pass it to backend calls. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  get elapsedMs(): number {
    return performance.now() - this.#startedAt;
  }

  /** True once the worker handed the message back (shutdown): its handler's outcome no longer matters. */
  get released(): boolean {
    return this.#released;
  }

  get settled(): boolean {
    return this.#settled;
  }

  ack(): void {
    this.#settle(() => this.msg.ack());
  }

  nak(delayMs?: number): void {
    this.#settle(() => this.msg.nak(delayMs));
  }

  term(reason: string): void {
    this.#settle(() => this.msg.term(reason));
  }

  /**
   * Hands the message back now: nak with `delayMs` (short, so another replica takes it at once)
   * and abort the handler's calls. Not a failure: the message's failure count is untouched.
   */
  release(delayMs: number, reason: string): void {
    if (this.#settled) return;
    this.#released = true;
    this.nak(delayMs);
    this.#abort.abort(new Error(reason));
  }

  #settle(tell: () => void): void {
    if (this.#settled) return;
    this.#settled = true;
    clearInterval(this.#heartbeat);
    this.#batch.run(() => {
      try {
        tell();
      } catch {
        // The connection is closed or closing: the message is redelivered after ack_wait.
      }
    });
  }
}
