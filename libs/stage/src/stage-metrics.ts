import type { WorkerMetrics } from '@magpie/bus';
import type { TokenUsage } from '@magpie/contracts';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * The metrics every stage exports on /metrics: records in and out, handler outcomes, in-flight and
 * consumer backlog (queue lag) per durable consumer, backend latency per replica, backend errors by
 * kind and tokens (rate() of `magpie_tokens_total` is tokens/s). Observes the pool (onCall) and,
 * through `worker(durable)`, each worker.
 */
export class StageMetrics {
  readonly #recordsIn: Counter;
  readonly #recordsOut: Counter;
  readonly #outcomes: Counter<'outcome' | 'kind'>;
  readonly #handleSeconds: Histogram;
  readonly #inFlight: Gauge<'consumer'>;
  readonly #pending: Gauge<'consumer'>;
  readonly #ackPending: Gauge<'consumer'>;
  readonly #backendSeconds: Histogram<'replica' | 'outcome'>;
  readonly #backendErrors: Counter<'replica' | 'kind'>;
  readonly #tokens: Counter<'direction'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.#recordsIn = new Counter({ name: 'magpie_records_in_total', help: 'Messages received (every delivery).', registers });
    this.#recordsOut = new Counter({ name: 'magpie_records_out_total', help: 'Records this stage published.', registers });
    this.#outcomes = new Counter({ name: 'magpie_messages_total', help: 'Handled messages by outcome (acked, retried, released: handed back on shutdown or while the NATS store is full, dead_lettered).', labelNames: ['outcome', 'kind'], registers });
    this.#handleSeconds = new Histogram({
      name: 'magpie_handle_seconds',
      help: 'Time from receiving a message to acking it.',
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers,
    });
    this.#inFlight = new Gauge({ name: 'magpie_in_flight', help: 'Messages being handled now.', labelNames: ['consumer'], registers });
    this.#pending = new Gauge({ name: 'magpie_queue_pending', help: 'Messages waiting on the consumer (queue lag).', labelNames: ['consumer'], registers });
    this.#ackPending = new Gauge({ name: 'magpie_queue_ack_pending', help: 'Messages delivered but not yet acked.', labelNames: ['consumer'], registers });
    this.#backendSeconds = new Histogram({
      name: 'magpie_backend_latency_seconds',
      help: 'Backend call latency by replica and outcome.',
      labelNames: ['replica', 'outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers,
    });
    this.#backendErrors = new Counter({ name: 'magpie_backend_errors_total', help: 'Failed backend calls by replica and kind.', labelNames: ['replica', 'kind'], registers });
    this.#tokens = new Counter({ name: 'magpie_tokens_total', help: 'Tokens the backend reported, by direction.', labelNames: ['direction'], registers });
  }

  /** The observer of one worker, its gauges labelled with its durable consumer's name. */
  worker(consumer: string): WorkerMetrics {
    return {
      received: () => this.#recordsIn.inc(),
      acked: (durationMs) => {
        this.#outcomes.inc({ outcome: 'acked', kind: '' });
        this.#handleSeconds.observe(durationMs / 1000);
      },
      retried: (errorKind) => this.#outcomes.inc({ outcome: 'retried', kind: errorKind }),
      released: (why) => this.#outcomes.inc({ outcome: 'released', kind: why }),
      deadLettered: () => this.#outcomes.inc({ outcome: 'dead_lettered', kind: '' }),
      inFlight: (count) => this.#inFlight.set({ consumer }, count),
      backlog: (pending, ackPending) => {
        this.#pending.set({ consumer }, pending);
        this.#ackPending.set({ consumer }, ackPending);
      },
    };
  }

  /** For BackendPool's onCall. */
  readonly onCall = (event: { baseUrl: string; durationMs: number; outcome: 'ok' | 'error'; errorKind?: string }): void => {
    this.#backendSeconds.observe({ replica: event.baseUrl, outcome: event.outcome }, event.durationMs / 1000);
    if (event.outcome === 'error') this.#backendErrors.inc({ replica: event.baseUrl, kind: event.errorKind ?? 'unknown' });
  };

  /** Call after publishing an output record. */
  published(usage?: TokenUsage): void {
    this.#recordsOut.inc();
    if (usage) {
      this.#tokens.inc({ direction: 'prompt' }, usage.promptTokens);
      this.#tokens.inc({ direction: 'completion' }, usage.completionTokens);
    }
  }
}
