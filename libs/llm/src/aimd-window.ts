export interface AimdWindowOptions {
  readonly initial: number;
  readonly min: number;
  readonly max: number;
  /** Added per increase; vLLM's batch grows one sequence at a time, so 1 is a good default. */
  readonly increaseStep?: number;
  /** Multiplied on decrease. */
  readonly decreaseFactor?: number;
}

/**
 * An additive-increase / multiplicative-decrease concurrency window: grows while the backend keeps
 * up, halves when it queues or pushes back (429/503). Bounded by [min, max].
 */
export class AimdWindow {
  readonly #o: Required<AimdWindowOptions>;
  #size: number;

  constructor(options: AimdWindowOptions) {
    this.#o = { increaseStep: 1, decreaseFactor: 0.5, ...options };
    this.#size = Math.min(options.max, Math.max(options.min, options.initial));
  }

  /** The current window, always an integer in [min, max]. */
  get size(): number {
    return Math.floor(this.#size);
  }

  increase(): void {
    this.#size = Math.min(this.#o.max, this.#size + this.#o.increaseStep);
  }

  decrease(): void {
    this.#size = Math.max(this.#o.min, this.#size * this.#o.decreaseFactor);
  }
}
