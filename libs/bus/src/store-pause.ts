import type { Logger } from '@magpie/logging';
import { backoffDelayMs } from './backoff.js';

export interface StorePauseOptions {
  readonly logger: Logger;
  /** Told when the pause begins, and again every `refreshMs` while it lasts. */
  readonly onPaused?: (message: string, since: Date) => void;
  readonly onResumed?: () => void;
  /** First and longest wait between tries; 1 s doubling to 15 s by default. */
  readonly baseMs?: number;
  readonly maxMs?: number;
  readonly refreshMs?: number;
}

/**
 * A worker's pause while the NATS store is full. Nothing a handler produces can be stored then,
 * so the worker stops pulling, waits (1 s, doubling to 15 s), and lets one batch through to try
 * again; the first message stored ends the pause. The messages it held wait in the stream, each
 * failure count untouched: a full store loses nothing and fails no run.
 */
export class StorePause {
  readonly #o: StorePauseOptions;
  #since: number | undefined;
  #attempt = 0;
  #untilMs = 0;
  #toldAt = 0;
  #message = '';

  constructor(options: StorePauseOptions) {
    this.#o = options;
  }

  get paused(): boolean {
    return this.#since !== undefined;
  }

  /** How long to wait before pulling again; 0 when not paused or when it is time to try. */
  waitMs(): number {
    if (this.#since === undefined) return 0;
    const now = Date.now();
    if (now - this.#toldAt >= (this.#o.refreshMs ?? 10_000)) this.#tell(now);
    return Math.max(0, this.#untilMs - now);
  }

  /** A write was refused because the store is full: (re)starts the wait; returns the nak delay for the message. */
  full(error: string): number {
    const now = Date.now();
    if (this.#since === undefined) {
      this.#since = now;
      this.#attempt = 0;
      this.#message = `paused: the NATS store is full (${error.slice(0, 300)}); nothing is lost, the run resumes when space returns`;
      this.#o.logger.warn({ error }, 'pausing: NATS store full; records are kept and work resumes when space returns');
      this.#tell(now);
    }
    // Only a try after the wait lengthens it; the other messages of the same batch just wait along.
    if (now >= this.#untilMs) {
      this.#attempt += 1;
      this.#untilMs = now + backoffDelayMs({ baseMs: this.#o.baseMs ?? 1_000, maxMs: this.#o.maxMs ?? 15_000 }, this.#attempt, () => 1);
    }
    return Math.max(this.#untilMs - now, 100);
  }

  /** Something was stored: the pause, if any, is over. */
  stored(): void {
    if (this.#since === undefined) return;
    this.#o.logger.info({ pausedMs: Date.now() - this.#since }, 'resuming: the NATS store has room again');
    this.#since = undefined;
    this.#untilMs = 0;
    this.#o.onResumed?.();
  }

  #tell(now: number): void {
    this.#toldAt = now;
    this.#o.onPaused?.(this.#message, new Date(this.#since ?? now));
  }
}
