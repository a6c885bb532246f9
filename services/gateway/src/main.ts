import { connectNats } from '@magpie/bus';
import { loadCatalog } from '@magpie/catalog';
import { createLogger } from '@magpie/logging';
import { openPlatform } from '@magpie/runs';
import { HealthServer, createMetricsRegistry, shutdownOnSignal } from '@magpie/runtime';
import { loadGatewayConfig } from './config.js';
import { Gateway } from './gateway.js';
import { RunService } from './run-service.js';

const config = loadGatewayConfig(process.env);
const logger = createLogger({ name: 'gateway', level: config.LOG_LEVEL });
const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
const nc = await connectNats({ servers: config.NATS_URL, name: 'gateway', user: config.NATS_USER, pass: config.NATS_PASS });
const platform = await openPlatform({ nc, logger, duplicateWindowMs: config.DUPLICATE_WINDOW_MS, retentionMs: config.RETENTION_MS });
const runService = new RunService({ ...platform, catalog, logger, maxRunCount: config.MAX_RUN_COUNT });
const gateway = new Gateway({ runService, logger, host: config.GRPC_HOST, port: config.GRPC_PORT });
const registry = createMetricsRegistry('gateway');
const health = new HealthServer({
  port: config.HEALTH_PORT,
  isHealthy: () => gateway.isServing && !nc.isClosed(),
  metrics: () => registry.metrics(),
});
const grpcPort = await gateway.start();
const healthPort = await health.start();
logger.info({ grpcPort, healthPort }, 'gateway started');

const code = await shutdownOnSignal({
  logger,
  forceAfterMs: config.SHUTDOWN_GRACE_MS + 10_000,
  stop: async () => {
    await gateway.stop(config.SHUTDOWN_GRACE_MS);
    await health.stop();
    await nc.drain();
  },
});
process.exit(code);
