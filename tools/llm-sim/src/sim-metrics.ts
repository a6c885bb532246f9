import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FaultLabel } from './fault-injector.js';

/** Upper bounds of the latency histogram buckets, in seconds (vLLM uses similar ones). */
export const LATENCY_BUCKETS_SECONDS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600] as const;

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

/** Scheduler-wide values read at scrape time. */
export interface EngineGauges {
  /** Running sequences / maxNumSeqs (the sim's stand-in for KV-cache use). */
  readonly kvCacheUsagePerc: number;
  readonly slots: number;
  /** Monotonic: busy slot-seconds so far, simulated and wall clock. */
  readonly busySlotSeconds: number;
  readonly busySlotWallSeconds: number;
}

export interface SimMetricsOptions {
  /** Every model the simulator serves; each per-model series is listed for each of them from the start, as vLLM lists its one model. */
  readonly models: readonly string[];
  /** Read at every scrape. */
  readonly engine: () => EngineGauges;
}

const FAULT_LABELS: readonly FaultLabel[] = ['error_500', 'error_503', 'error_429', 'hang', 'slow', 'malformed', 'reset'];
const FINISH_REASONS = ['stop', 'length'] as const;
type ModelLabel = 'model_name';

/**
 * The simulator's Prometheus metrics on its own prom-client registry (one per simulator, so
 * replicas in one process never share series). vLLM's names and labels are kept exactly, because
 * the stages' pools read `vllm:num_requests_waiting` and friends.
 */
export class SimMetrics {
  readonly registry = new Registry();
  readonly #running: Gauge<ModelLabel>;
  readonly #waiting: Gauge<ModelLabel>;
  readonly #promptTokens: Counter<ModelLabel>;
  readonly #generationTokens: Counter<ModelLabel>;
  readonly #success: Counter<ModelLabel | 'finished_reason'>;
  readonly #e2e: Histogram<ModelLabel>;
  readonly #ttft: Histogram<ModelLabel>;
  readonly #queue: Histogram<ModelLabel>;
  readonly #prefixQueries: Counter<ModelLabel>;
  readonly #prefixHits: Counter<ModelLabel>;
  readonly #doubleBos: Counter<ModelLabel>;
  readonly #requests: Counter<'endpoint'>;
  readonly #faults: Counter<'kind'>;

  constructor(options: SimMetricsOptions) {
    const registers = [this.registry];
    const { engine, models } = options;
    const perModel = { labelNames: ['model_name'] as const, registers };
    this.#running = new Gauge({ name: 'vllm:num_requests_running', help: 'Number of requests in model execution batches.', ...perModel });
    this.#waiting = new Gauge({ name: 'vllm:num_requests_waiting', help: 'Number of requests waiting to be processed.', ...perModel });
    new Gauge({
      name: 'vllm:kv_cache_usage_perc',
      help: 'KV-cache usage. 1 means 100 percent usage (running sequences / max-num-seqs in the simulator).',
      ...perModel,
      collect() {
        const usage = engine().kvCacheUsagePerc;
        for (const model_name of models) this.set({ model_name }, usage);
      },
    });
    this.#promptTokens = new Counter({ name: 'vllm:prompt_tokens_total', help: 'Number of prefill tokens processed.', ...perModel });
    this.#generationTokens = new Counter({ name: 'vllm:generation_tokens_total', help: 'Number of generation tokens processed.', ...perModel });
    this.#success = new Counter({ name: 'vllm:request_success_total', help: 'Count of successfully processed requests.', labelNames: ['model_name', 'finished_reason'], registers });
    this.#prefixQueries = new Counter({ name: 'vllm:prefix_cache_queries_total', help: 'Prefix cache queries, in prompt tokens.', ...perModel });
    this.#prefixHits = new Counter({ name: 'vllm:prefix_cache_hits_total', help: 'Prefix cache hits, in prompt tokens.', ...perModel });
    const histogram = (name: string, help: string): Histogram<ModelLabel> => new Histogram({ name, help, buckets: [...LATENCY_BUCKETS_SECONDS], ...perModel });
    this.#e2e = histogram('vllm:e2e_request_latency_seconds', 'Histogram of end to end request latency in seconds.');
    this.#ttft = histogram('vllm:time_to_first_token_seconds', 'Histogram of time to first token in seconds.');
    this.#queue = histogram('vllm:request_queue_time_seconds', 'Histogram of time spent in WAITING phase for request.');
    new Gauge({
      name: 'magpie_sim_slots',
      help: 'Sequence slots of the simulated engine (max-num-seqs).',
      registers,
      collect() {
        this.set(engine().slots);
      },
    });
    let reported = { simulated: 0, wall: 0 };
    new Counter({
      name: 'magpie_sim_busy_slot_seconds_total',
      help: 'Sum over sequences of their time in a slot; clock="simulated" is A100 time, clock="wall" is real time.',
      labelNames: ['clock'],
      registers,
      collect() {
        const { busySlotSeconds, busySlotWallSeconds } = engine();
        // The scheduler's totals only grow; the counter catches up with them at each scrape.
        this.inc({ clock: 'simulated' }, Math.max(0, busySlotSeconds - reported.simulated));
        this.inc({ clock: 'wall' }, Math.max(0, busySlotWallSeconds - reported.wall));
        reported = { simulated: Math.max(reported.simulated, busySlotSeconds), wall: Math.max(reported.wall, busySlotWallSeconds) };
      },
    });
    this.#faults = new Counter({ name: 'magpie_sim_faults_total', help: 'Injected faults by kind.', labelNames: ['kind'], registers });
    this.#doubleBos = new Counter({ name: 'magpie_sim_double_bos_total', help: 'Completion prompts and /classify inputs that would have carried two BOS tokens.', ...perModel });
    this.#requests = new Counter({ name: 'magpie_sim_requests_total', help: 'HTTP requests by endpoint.', labelNames: ['endpoint'], registers });
    for (const kind of FAULT_LABELS) this.#faults.inc({ kind }, 0);
    for (const model_name of models) {
      for (const metric of [this.#running, this.#waiting]) metric.set({ model_name }, 0);
      for (const metric of [this.#promptTokens, this.#generationTokens, this.#prefixQueries, this.#prefixHits, this.#doubleBos]) metric.inc({ model_name }, 0);
      for (const finished_reason of FINISH_REASONS) this.#success.inc({ model_name, finished_reason }, 0);
      for (const metric of [this.#e2e, this.#ttft, this.#queue]) metric.zero({ model_name });
    }
  }

  /**
   * A request of `model` entered the scheduler's queue with `sequences` sequences. The waiting and
   * running gauges count sequences, as vLLM's engine does (a request with n > 1 runs as n).
   */
  requestQueued(model: string, sequences: number): void {
    this.#waiting.inc({ model_name: model }, sequences);
  }

  /** One queued sequence got a slot. */
  sequenceAdmitted(model: string): void {
    this.#waiting.dec({ model_name: model });
    this.#running.inc({ model_name: model });
  }

  /** One running sequence finished. */
  sequenceRetired(model: string): void {
    this.#running.dec({ model_name: model });
  }

  requestSucceeded(done: FinishedRequest): void {
    const labels = { model_name: done.model };
    this.#promptTokens.inc(labels, done.promptTokens);
    this.#generationTokens.inc(labels, done.generationTokens);
    for (const finished_reason of done.finishReasons) this.#success.inc({ ...labels, finished_reason });
    this.#e2e.observe(labels, done.e2eSeconds);
    this.#ttft.observe(labels, done.timeToFirstTokenSeconds);
    this.#queue.observe(labels, done.queueSeconds);
  }

  /** A prompt of `promptTokens` looked up in the prefix cache, `hitTokens` of them already cached. */
  prefixCache(model: string, promptTokens: number, hitTokens: number): void {
    this.#prefixQueries.inc({ model_name: model }, promptTokens);
    this.#prefixHits.inc({ model_name: model }, hitTokens);
  }

  doubleBos(model: string): void {
    this.#doubleBos.inc({ model_name: model });
  }

  /** Counts one HTTP request to `endpoint` (a path such as /v1/completions). */
  request(endpoint: string): void {
    this.#requests.inc({ endpoint });
  }

  /** Counts one injected fault. */
  fault(label: FaultLabel): void {
    this.#faults.inc({ kind: label });
  }

  /** Prometheus text exposition (format 0.0.4). */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
