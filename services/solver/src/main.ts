import { connectNats } from '@magpie/bus';
import { loadCatalog } from '@magpie/catalog';
import { createInferencePool, poolSettingsFromEnv } from '@magpie/llm';
import { createLogger, redactUrl } from '@magpie/logging';
import { StageMetrics, openPlatform } from '@magpie/runs';
import { HealthServer, createMetricsRegistry, shutdownOnSignal } from '@magpie/runtime';
import { loadSolverConfig } from './config.js';
import { Solver } from './solver.js';

const config = loadSolverConfig();
const logger = createLogger({ name: 'solver', level: config.LOG_LEVEL });
const registry = createMetricsRegistry('solver');
const metrics = new StageMetrics(registry);
const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
const nc = await connectNats({ servers: config.NATS_URL, name: 'solver', user: config.NATS_USER, pass: config.NATS_PASS });
const platform = await openPlatform({ nc, logger, duplicateWindowMs: config.DUPLICATE_WINDOW_MS, retentionMs: config.RETENTION_MS });
const solver = new Solver({
  ...platform,
  catalog,
  pool: await createInferencePool(poolSettingsFromEnv(config, { baseUrls: config.LLM_BASE_URL, sequencesPerRequest: 1, logger, onCall: metrics.onCall })),
  logger,
  metrics,
  settings: {
    ackWaitMs: config.ACK_WAIT_MS,
    maxDeliveries: config.MAX_DELIVERIES,
    retry: { baseMs: config.RETRY_BASE_MS, maxMs: config.RETRY_MAX_MS },
  },
});
const health = new HealthServer({
  port: config.HEALTH_PORT,
  isHealthy: () => solver.isRunning && !nc.isClosed(),
  metrics: () => registry.metrics(),
});
await solver.start();
const healthPort = await health.start();
logger.info({ healthPort, llm: config.LLM_BASE_URL.map(redactUrl) }, 'solver started');

const code = await shutdownOnSignal({
  logger,
  forceAfterMs: config.SHUTDOWN_GRACE_MS + 10_000,
  stop: async () => {
    // Stop pulling first, then close the connection once in-flight work is done or nak'd.
    await solver.stop(config.SHUTDOWN_GRACE_MS);
    await health.stop();
    await nc.drain();
  },
});
process.exit(code);
