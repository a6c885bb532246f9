import { connectNats, type NatsConnection } from '@magpie/bus';
import { createLogger, redactUrl, type Logger } from '@magpie/logging';
import { HealthServer, createMetricsRegistry, shutdownOnSignal } from '@magpie/runtime';
import { openPlatform, type Platform } from './platform.js';
import { StageMetrics } from './stage-metrics.js';

/** The platform variables every stage process reads (libs/config's platformEnv). */
export interface StageProcessEnv {
  readonly NATS_URL: string;
  readonly NATS_USER?: string | undefined;
  readonly NATS_PASS?: string | undefined;
  readonly LOG_LEVEL: string;
  readonly HEALTH_PORT: number;
  readonly DUPLICATE_WINDOW_MS: number;
  readonly RETENTION_MS: number;
  readonly SHUTDOWN_GRACE_MS: number;
}

/** A stage service as its process runs it. */
export interface StageService {
  readonly isRunning: boolean;
  start(): Promise<void>;
  stop(graceMs: number): Promise<void>;
}

export interface StageProcessOptions {
  readonly name: string;
  readonly env: StageProcessEnv;
  /** The stage's backend URLs, logged (without credentials) at start. */
  readonly backendUrls: readonly string[];
  readonly create: (deps: { platform: Platform; logger: Logger; metrics: StageMetrics }) => Promise<StageService> | StageService;
}

/**
 * Runs a stage service as a process, in the order every stage shares: logger and metrics, NATS
 * and the platform's streams, the service, /healthz and /metrics, then SIGTERM/SIGINT → stop
 * pulling, drain in-flight work, close NATS. Resolves with the process exit code.
 */
export async function runStageProcess(o: StageProcessOptions): Promise<number> {
  const { env } = o;
  const logger = createLogger({ name: o.name, level: env.LOG_LEVEL });
  const registry = createMetricsRegistry(o.name);
  const metrics = new StageMetrics(registry);
  const nc: NatsConnection = await connectNats({ servers: env.NATS_URL, name: o.name, user: env.NATS_USER, pass: env.NATS_PASS });
  const platform = await openPlatform({ nc, logger, duplicateWindowMs: env.DUPLICATE_WINDOW_MS, retentionMs: env.RETENTION_MS });
  const service = await o.create({ platform, logger, metrics });
  const health = new HealthServer({
    port: env.HEALTH_PORT,
    isHealthy: () => service.isRunning && !nc.isClosed(),
    metrics: () => registry.metrics(),
  });
  await service.start();
  const healthPort = await health.start();
  logger.info({ healthPort, backends: o.backendUrls.map(redactUrl) }, `${o.name} started`);
  return shutdownOnSignal({
    logger,
    forceAfterMs: env.SHUTDOWN_GRACE_MS + 10_000,
    stop: async () => {
      // Stop pulling first, then close the connection once in-flight work is done or nak'd.
      await service.stop(env.SHUTDOWN_GRACE_MS);
      await health.stop();
      await nc.drain();
    },
  });
}
