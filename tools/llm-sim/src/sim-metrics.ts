import type { FaultLabel } from './fault-injector.js';
import { escapeLabel, LatencyHistogram } from './latency-histogram.js';

export interface FinishedRequest {
  readonly model: string;
  readonly promptTokens: number;
  readonly generationTokens: number;
  /** One entry per choice (vLLM counts finished sequences by reason). */
  readonly finishReasons: readonly string[];
  readonly e2eSeconds: number;
  readonly queueSeconds: number;
  readonly timeToFirstTokenSeconds: number;
}

/** Scheduler-wide values rendered at scrape time. */
export interface EngineGauges {
  /** Running sequences / maxNumSeqs (the sim's stand-in for KV-cache use). */
  readonly kvCacheUsagePerc: number;
  readonly slots: number;
  readonly busySlotSeconds: number;
  readonly busySlotWallSeconds: number;
}

const FAULT_LABELS: readonly FaultLabel[] = ['error_500', 'error_503', 'error_429', 'hang', 'slow', 'malformed', 'reset'];
const HISTOGRAMS = [
  ['vllm:e2e_request_latency_seconds', 'Histogram of end to end request latency in seconds.'],
  ['vllm:time_to_first_token_seconds', 'Histogram of time to first token in seconds.'],
  ['vllm:request_queue_time_seconds', 'Histogram of time spent in WAITING phase for request.'],
] as const;
type HistogramName = (typeof HISTOGRAMS)[number][0];

function add(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The simulator's Prometheus counters, gauges and histograms, rendered by hand in text format. */
export class SimMetrics {
  readonly #running = new Map<string, number>();
  readonly #waiting = new Map<string, number>();
  readonly #promptTokens = new Map<string, number>();
  readonly #generationTokens = new Map<string, number>();
  readonly #success = new Map<string, Map<string, number>>();
  readonly #histograms = new Map<HistogramName, Map<string, LatencyHistogram>>(HISTOGRAMS.map(([name]) => [name, new Map()]));
  readonly #doubleBos = new Map<string, number>();
  readonly #requests = new Map<string, number>();
  readonly #faults = new Map<string, number>();

  /** A request of `model` entered the scheduler's queue. */
  requestQueued(model: string): void {
    add(this.#waiting, model);
  }

  /** A queued request got its first slot. */
  requestStarted(model: string): void {
    add(this.#waiting, model, -1);
    add(this.#running, model);
  }

  /** A started request finished (answered or not). */
  requestEnded(model: string): void {
    add(this.#running, model, -1);
  }

  requestSucceeded(done: FinishedRequest): void {
    add(this.#promptTokens, done.model, done.promptTokens);
    add(this.#generationTokens, done.model, done.generationTokens);
    const byReason = this.#success.get(done.model) ?? new Map<string, number>();
    for (const reason of done.finishReasons) add(byReason, reason);
    this.#success.set(done.model, byReason);
    this.#observe('vllm:e2e_request_latency_seconds', done.model, done.e2eSeconds);
    this.#observe('vllm:time_to_first_token_seconds', done.model, done.timeToFirstTokenSeconds);
    this.#observe('vllm:request_queue_time_seconds', done.model, done.queueSeconds);
  }

  doubleBos(model: string): void {
    add(this.#doubleBos, model);
  }

  /** Counts one HTTP request to `endpoint` (a path such as /v1/completions). */
  request(endpoint: string): void {
    add(this.#requests, endpoint);
  }

  /** Counts one injected fault. */
  fault(label: FaultLabel): void {
    add(this.#faults, label);
  }

  doubleBosCount(model: string): number {
    return this.#doubleBos.get(model) ?? 0;
  }

  #observe(name: HistogramName, model: string, seconds: number): void {
    const byModel = this.#histograms.get(name) ?? new Map<string, LatencyHistogram>();
    const h = byModel.get(model) ?? new LatencyHistogram();
    h.observe(seconds);
    byModel.set(model, h);
    this.#histograms.set(name, byModel);
  }

  /** Prometheus text exposition (format 0.0.4); every per-model series is listed for each of `models`. */
  render(models: readonly string[], engine: EngineGauges): string {
    const lines: string[] = [];
    const family = (name: string, type: string, help: string): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    };
    const perModel = (name: string, values: ReadonlyMap<string, number> | number): void => {
      for (const m of models) lines.push(`${name}{model_name="${escapeLabel(m)}"} ${typeof values === 'number' ? values : (values.get(m) ?? 0)}`);
    };
    family('vllm:num_requests_running', 'gauge', 'Number of requests in model execution batches.');
    perModel('vllm:num_requests_running', this.#running);
    family('vllm:num_requests_waiting', 'gauge', 'Number of requests waiting to be processed.');
    perModel('vllm:num_requests_waiting', this.#waiting);
    family('vllm:kv_cache_usage_perc', 'gauge', 'KV-cache usage. 1 means 100 percent usage (running sequences / max-num-seqs in the simulator).');
    perModel('vllm:kv_cache_usage_perc', engine.kvCacheUsagePerc);
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
    for (const [name, help] of HISTOGRAMS) {
      family(name, 'histogram', help);
      const byModel = this.#histograms.get(name);
      for (const m of models) lines.push(...(byModel?.get(m) ?? new LatencyHistogram()).lines(name, `model_name="${escapeLabel(m)}"`));
    }
    family('magpie_sim_slots', 'gauge', 'Sequence slots of the simulated engine (max-num-seqs).');
    lines.push(`magpie_sim_slots ${engine.slots}`);
    family('magpie_sim_busy_slot_seconds_total', 'counter', 'Sum over sequences of their time in a slot; clock="simulated" is A100 time, clock="wall" is real time.');
    lines.push(`magpie_sim_busy_slot_seconds_total{clock="simulated"} ${engine.busySlotSeconds}`);
    lines.push(`magpie_sim_busy_slot_seconds_total{clock="wall"} ${engine.busySlotWallSeconds}`);
    family('magpie_sim_faults_total', 'counter', 'Injected faults by kind.');
    for (const label of FAULT_LABELS) lines.push(`magpie_sim_faults_total{kind="${label}"} ${this.#faults.get(label) ?? 0}`);
    family('magpie_sim_double_bos_total', 'counter', 'Completion prompts that would have carried two BOS tokens.');
    perModel('magpie_sim_double_bos_total', this.#doubleBos);
    family('magpie_sim_requests_total', 'counter', 'HTTP requests by endpoint.');
    for (const [endpoint, count] of [...this.#requests.entries()].sort()) lines.push(`magpie_sim_requests_total{endpoint="${escapeLabel(endpoint)}"} ${count}`);
    return `${lines.join('\n')}\n`;
  }
}
