/**
 * How many messages keep a backend pool full: its sequence capacity divided by the sequences one
 * call needs, a moving average of the calls seen (the first guess until then). A sampler call
 * weighs the run's samples per problem, so runs of 2 and of 16 samples each get the concurrency
 * that fills the backend.
 */
export class MessageBudget {
  readonly #capacity: () => number;
  #sequencesPerCall: number;

  constructor(capacity: () => number, expectedSequences: number) {
    this.#capacity = capacity;
    this.#sequencesPerCall = Math.max(1, expectedSequences);
  }

  /** Told the sequences of every call made. */
  observe(sequences: number): void {
    // Weighted so that a run with other samples per problem moves the average within a few dozen calls.
    this.#sequencesPerCall = 0.9 * this.#sequencesPerCall + 0.1 * Math.max(1, sequences);
  }

  /** Sequences per call, as averaged so far. */
  get sequencesPerCall(): number {
    return this.#sequencesPerCall;
  }

  /** Messages to handle at once: at least one. */
  get messages(): number {
    return Math.max(1, Math.round(this.#capacity() / this.#sequencesPerCall));
  }

  /** The most messages it can ever ask for (every call one sequence): sizes max_ack_pending. */
  get maxMessages(): number {
    return Math.max(1, this.#capacity());
  }
}
