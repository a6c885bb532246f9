import { connectNats, type NatsConnection } from '@magpie/bus';
import { SHUTDOWN_DRAIN_MS, type PlatformEnv } from '@magpie/config';
import { createLogger, toError, type DestinationStream, type Logger } from '@magpie/logging';
import type { Registry } from 'prom-client';
import { HealthServer } from './health-server.js';
import { createMetricsRegistry } from './metrics-registry.js';
import { shutdownOnSignal } from './shutdown-on-signal.js';

/** What a service is started with. */
export interface ServiceDeps<C> {
  readonly config: Readonly<C>;
  readonly logger: Logger;
  /** The process's Prometheus registry, served on /metrics. */
  readonly registry: Registry;
  readonly nc: NatsConnection;
}

/** A started service, as its process runs it. */
export interface RunningService {
  /** /healthz answers 200 while this holds and NATS is connected. */
  isHealthy(): boolean;
  /** Stops taking work and finishes (or hands back) what it holds within `graceMs`. */
  stop(graceMs: number): Promise<void>;
  /** Logged with the start line (ports, modes); never a secret. */
  readonly startedFields?: Readonly<Record<string, unknown>>;
}

export interface ServiceProcessOptions<C extends PlatformEnv> {
  /** The service's name: its logger's `service`, its metrics label and its NATS connection name. */
  readonly name: string;
  /** Reads the configuration once; throws ConfigError naming every invalid variable. */
  readonly loadConfig: () => Readonly<C>;
  /** Builds and starts the service from its dependencies; anything it throws is a failed start. */
  readonly start: (deps: ServiceDeps<C>) => Promise<RunningService>;
  /** Signals that stop the service; SIGTERM and SIGINT by default. */
  readonly signals?: readonly NodeJS.Signals[];
  /** Where log lines go; stdout by default. */
  readonly logDestination?: DestinationStream;
}

/**
 * Runs one service as its process, in the order every service shares: configuration → logger and
 * metrics → NATS → the service → /healthz and /metrics → wait for SIGTERM/SIGINT → stop the
 * service (it drains its work), the health endpoint, then drain NATS. A start that fails at any
 * step is logged with its error, what was opened is closed again, and the exit code is 1. Never
 * rejects: resolves with the exit code for main to exit with.
 */
export async function runServiceProcess<C extends PlatformEnv>(options: ServiceProcessOptions<C>): Promise<number> {
  let config: Readonly<C>;
  try {
    config = options.loadConfig();
  } catch (err) {
    // Without a configuration there is no log level either: report at the default one.
    createLogger({ name: options.name, level: 'info', ...destination(options) }).fatal({ err }, `${options.name} failed to start: invalid configuration`);
    return 1;
  }
  const logger = createLogger({ name: options.name, level: config.LOG_LEVEL, ...destination(options) });
  const registry = createMetricsRegistry(options.name);
  let nc: NatsConnection | undefined;
  let service: RunningService | undefined;
  let health: HealthServer | undefined;
  try {
    nc = await connectNats({ servers: config.NATS_URL, name: options.name, user: config.NATS_USER, pass: config.NATS_PASS });
    const connection = nc;
    service = await options.start({ config, logger, registry, nc: connection });
    const running = service;
    health = new HealthServer({ port: config.HEALTH_PORT, isHealthy: () => running.isHealthy() && !connection.isClosed(), metrics: () => registry.metrics() });
    const healthPort = await health.start();
    logger.info({ healthPort, ...running.startedFields }, `${options.name} started`);
  } catch (err) {
    logger.fatal({ err }, `${options.name} failed to start`);
    await closeAll(logger, { service, health, nc, graceMs: 0 });
    return 1;
  }
  return shutdownOnSignal({
    logger,
    // The grace period, then a moment to close the health endpoint and drain NATS; whoever stops us
    // (Kubernetes, `magpie up`) waits longer than this before SIGKILL.
    forceAfterMs: config.SHUTDOWN_GRACE_MS + SHUTDOWN_DRAIN_MS,
    ...(options.signals ? { signals: options.signals } : {}),
    // Stop taking work first, then close the connection once in-flight work is done or nak'd.
    stop: () => closeAll(logger, { service, health, nc, graceMs: config.SHUTDOWN_GRACE_MS }, true),
  });
}

function destination(options: { logDestination?: DestinationStream }): { destination?: DestinationStream } {
  return options.logDestination ? { destination: options.logDestination } : {};
}

interface Opened {
  readonly service: RunningService | undefined;
  readonly health: HealthServer | undefined;
  readonly nc: NatsConnection | undefined;
  readonly graceMs: number;
}

/** Closes what was opened, last opened first; with `rethrow`, the first failure is thrown after every close ran. */
async function closeAll(logger: Logger, opened: Opened, rethrow = false): Promise<void> {
  const steps: [string, (() => Promise<void>) | undefined][] = [
    ['service', opened.service && (() => (opened.service as RunningService).stop(opened.graceMs))],
    ['health endpoint', opened.health && (() => (opened.health as HealthServer).stop())],
    ['NATS connection', opened.nc && (() => (opened.nc as NatsConnection).drain())],
  ];
  let first: unknown;
  for (const [what, close] of steps) {
    if (!close) continue;
    try {
      await close();
    } catch (err) {
      first ??= err;
      logger.error({ err }, `closing the ${what} failed`);
    }
  }
  if (rethrow && first !== undefined) throw toError(first);
}

/** For main.ts: runs the service process and exits with its exit code. */
export function serviceMain<C extends PlatformEnv>(options: ServiceProcessOptions<C>): void {
  void runServiceProcess(options).then((code) => process.exit(code));
}
