/**
 * Whether a message in progress will finish within a deadline, judged from how long the worker's
 * recent messages took. On SIGTERM the worker keeps what will finish within the grace period and
 * releases the rest at once, so another replica starts them now instead of after the grace period
 * (and the backend stops spending GPU time on work that would be thrown away anyway).
 */
export class CompletionForecast {
  readonly #durationsMs: number[] = [];
  readonly #window: number;

  /** `window`: how many recent durations are kept. */
  constructor(window = 256) {
    this.#window = Math.max(1, window);
  }

  /** Told the duration of every message that finished. */
  observe(durationMs: number): void {
    this.#durationsMs.push(durationMs);
    if (this.#durationsMs.length > this.#window) this.#durationsMs.shift();
  }

  /**
   * True when a message already `elapsedMs` in is more likely than not to finish within
   * `withinMs`: of the recent messages that took longer than `elapsedMs`, at least half finished
   * by `elapsedMs + withinMs`. Without any history it is given the time (nothing is known). When it
   * already took longer than every recent one, its remaining time is taken to be about what it
   * took so far, as with heavy-tailed durations (long reasoning traces).
   */
  canFinish(elapsedMs: number, withinMs: number): boolean {
    if (this.#durationsMs.length === 0) return true;
    const longer = this.#durationsMs.filter((d) => d > elapsedMs);
    if (longer.length === 0) return elapsedMs <= withinMs;
    const finishing = longer.filter((d) => d <= elapsedMs + withinMs).length;
    return finishing * 2 >= longer.length;
  }
}
