import type * as grpc from '@grpc/grpc-js';
import { grpcStatusName } from '@magpie/api';
import { RunStatus } from '@magpie/contracts';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { RunIndex } from './run-index.js';

/**
 * The gateway's Prometheus metrics: RPCs by method and status code with their latency, open
 * streams by method, runs by status (from the run index, read at scrape time) and
 * `magpie_build_info{version}`.
 */
export class GatewayMetrics {
  readonly #calls: Counter<'method' | 'code'>;
  readonly #latency: Histogram<'method' | 'code'>;
  readonly #streams: Gauge<'method'>;

  constructor(registry: Registry, options: { version: string; index: RunIndex }) {
    this.#calls = new Counter({ name: 'magpie_grpc_requests_total', help: 'gRPC calls answered, by method and status code', labelNames: ['method', 'code'], registers: [registry] });
    this.#latency = new Histogram({
      name: 'magpie_grpc_request_duration_seconds',
      help: 'Time from a call to its status (for streams: the whole stream), by method and status code',
      labelNames: ['method', 'code'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    });
    this.#streams = new Gauge({ name: 'magpie_grpc_active_streams', help: 'Server streams open now, by method', labelNames: ['method'], registers: [registry] });
    const { index } = options;
    new Gauge({
      name: 'magpie_runs',
      help: 'Runs known to the gateway, by status',
      labelNames: ['status'],
      registers: [registry],
      collect() {
        for (const status of RunStatus.options) this.set({ status }, index.countByStatus(status));
      },
    });
    new Gauge({ name: 'magpie_build_info', help: 'Always 1; the platform version is a label', labelNames: ['version'], registers: [registry] }).set({ version: options.version }, 1);
  }

  /** Starts timing a call; the returned function records its status. */
  start(method: string, stream: boolean): (code: grpc.status) => void {
    const startedAt = process.hrtime.bigint();
    if (stream) this.#streams.inc({ method });
    let done = false;
    return (code) => {
      if (done) return;
      done = true;
      if (stream) this.#streams.dec({ method });
      const labels = { method, code: grpcStatusName(code) };
      this.#calls.inc(labels);
      this.#latency.observe(labels, Number(process.hrtime.bigint() - startedAt) / 1e9);
    };
  }
}
