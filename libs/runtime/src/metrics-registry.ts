import { Registry, collectDefaultMetrics } from 'prom-client';

export { Registry } from 'prom-client';

/**
 * A Prometheus registry for one process: Node's default process metrics (CPU seconds, memory,
 * event-loop lag) plus whatever the service registers, all labelled with `service`.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
