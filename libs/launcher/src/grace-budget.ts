export { DEFAULT_SHUTDOWN_GRACE_MS, SHUTDOWN_DRAIN_MS } from '@magpie/config';

/**
 * How much longer than a service's SHUTDOWN_GRACE_MS whoever stops it waits before SIGKILL: the
 * service's own drain after the grace period (SHUTDOWN_DRAIN_MS), and a margin. The chart's
 * `shutdown.killMarginSeconds` (10) plays the same part on Kubernetes.
 */
export const KILL_MARGIN_MS = 10_000;

/** SIGTERM → SIGKILL time of a service that gets `shutdownGraceMs` to finish its work: one budget. */
export function stopGraceMsFor(shutdownGraceMs: number): number {
  return shutdownGraceMs + KILL_MARGIN_MS;
}

/** SIGTERM → SIGKILL time of nats-server (it flushes its store) and of the simulators. */
export const INFRASTRUCTURE_STOP_GRACE_MS = { nats: 10_000, sim: 5_000 } as const;
