/** Upper bounds of the e2e latency histogram buckets, in seconds. */
export const LATENCY_BUCKETS_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] as const;

export interface FinishedRequest {
  readonly model: string;
  readonly promptTokens: number;
  readonly generationTokens: number;
  /** One entry per choice (vLLM counts finished sequences by reason). */
  readonly finishReasons: readonly string[];
  readonly latencySeconds: number;
}

interface Histogram {
  readonly counts: number[];
  sum: number;
  count: number;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function add(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The simulator's Prometheus counters, gauges and histogram, rendered by hand in text format. */
export class SimMetrics {
  readonly #running = new Map<string, number>();
  readonly #promptTokens = new Map<string, number>();
  readonly #generationTokens = new Map<string, number>();
  readonly #success = new Map<string, Map<string, number>>();
  readonly #latency = new Map<string, Histogram>();
  readonly #doubleBos = new Map<string, number>();
  readonly #requests = new Map<string, number>();

  requestStarted(model: string): void {
    add(this.#running, model);
  }

  requestEnded(model: string): void {
    add(this.#running, model, -1);
  }

  requestSucceeded(done: FinishedRequest): void {
    add(this.#promptTokens, done.model, done.promptTokens);
    add(this.#generationTokens, done.model, done.generationTokens);
    const byReason = this.#success.get(done.model) ?? new Map<string, number>();
    for (const reason of done.finishReasons) add(byReason, reason);
    this.#success.set(done.model, byReason);
    const h = this.#latency.get(done.model) ?? { counts: LATENCY_BUCKETS_SECONDS.map(() => 0), sum: 0, count: 0 };
    LATENCY_BUCKETS_SECONDS.forEach((le, i) => {
      if (done.latencySeconds <= le) h.counts[i] = (h.counts[i] ?? 0) + 1;
    });
    h.sum += done.latencySeconds;
    h.count += 1;
    this.#latency.set(done.model, h);
  }

  doubleBos(model: string): void {
    add(this.#doubleBos, model);
  }

  /** Counts one HTTP request to `endpoint` (a path such as /v1/completions). */
  request(endpoint: string): void {
    add(this.#requests, endpoint);
  }

  doubleBosCount(model: string): number {
    return this.#doubleBos.get(model) ?? 0;
  }

  /** Prometheus text exposition (format 0.0.4); every per-model series is listed for each of `models`. */
  render(models: readonly string[]): string {
    const lines: string[] = [];
    const family = (name: string, type: string, help: string): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    };
    const perModel = (name: string, values: ReadonlyMap<string, number>): void => {
      for (const m of models) lines.push(`${name}{model_name="${escapeLabel(m)}"} ${values.get(m) ?? 0}`);
    };
    family('vllm:num_requests_running', 'gauge', 'Number of requests currently running.');
    perModel('vllm:num_requests_running', this.#running);
    family('vllm:num_requests_waiting', 'gauge', 'Number of requests waiting to be processed (always 0 in the simulator).');
    perModel('vllm:num_requests_waiting', new Map());
    family('vllm:prompt_tokens_total', 'counter', 'Number of prefill tokens processed.');
    perModel('vllm:prompt_tokens_total', this.#promptTokens);
    family('vllm:generation_tokens_total', 'counter', 'Number of generation tokens processed.');
    perModel('vllm:generation_tokens_total', this.#generationTokens);
    family('vllm:request_success_total', 'counter', 'Count of successfully processed requests.');
    for (const m of models) {
      for (const reason of ['stop', 'length']) {
        lines.push(`vllm:request_success_total{model_name="${escapeLabel(m)}",finished_reason="${reason}"} ${this.#success.get(m)?.get(reason) ?? 0}`);
      }
    }
    family('vllm:e2e_request_latency_seconds', 'histogram', 'Histogram of end to end request latency in seconds.');
    for (const m of models) {
      const h = this.#latency.get(m);
      const label = `model_name="${escapeLabel(m)}"`;
      LATENCY_BUCKETS_SECONDS.forEach((le, i) => lines.push(`vllm:e2e_request_latency_seconds_bucket{${label},le="${le}"} ${h?.counts[i] ?? 0}`));
      lines.push(`vllm:e2e_request_latency_seconds_bucket{${label},le="+Inf"} ${h?.count ?? 0}`);
      lines.push(`vllm:e2e_request_latency_seconds_sum{${label}} ${h?.sum ?? 0}`, `vllm:e2e_request_latency_seconds_count{${label}} ${h?.count ?? 0}`);
    }
    family('magpie_sim_double_bos_total', 'counter', 'Completion prompts that would have carried two BOS tokens.');
    perModel('magpie_sim_double_bos_total', this.#doubleBos);
    family('magpie_sim_requests_total', 'counter', 'HTTP requests by endpoint.');
    for (const [endpoint, count] of [...this.#requests.entries()].sort()) lines.push(`magpie_sim_requests_total{endpoint="${escapeLabel(endpoint)}"} ${count}`);
    return `${lines.join('\n')}\n`;
  }
}
