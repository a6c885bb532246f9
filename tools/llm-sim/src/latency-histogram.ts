/** Upper bounds of the latency histogram buckets, in seconds (vLLM uses similar ones). */
export const LATENCY_BUCKETS_SECONDS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600] as const;

/** Escapes a Prometheus label value. */
export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** A cumulative Prometheus histogram over LATENCY_BUCKETS_SECONDS. */
export class LatencyHistogram {
  readonly #counts: number[] = LATENCY_BUCKETS_SECONDS.map(() => 0);
  #sum = 0;
  #count = 0;

  observe(seconds: number): void {
    LATENCY_BUCKETS_SECONDS.forEach((le, i) => {
      if (seconds <= le) this.#counts[i] = (this.#counts[i] ?? 0) + 1;
    });
    this.#sum += seconds;
    this.#count += 1;
  }

  /** The _bucket, _sum and _count lines of `name` with `labels` (already rendered, e.g. `model_name="x"`). */
  lines(name: string, labels: string): string[] {
    return [
      ...LATENCY_BUCKETS_SECONDS.map((le, i) => `${name}_bucket{${labels},le="${le}"} ${this.#counts[i] ?? 0}`),
      `${name}_bucket{${labels},le="+Inf"} ${this.#count}`,
      `${name}_sum{${labels}} ${this.#sum}`,
      `${name}_count{${labels}} ${this.#count}`,
    ];
  }
}
