import { connectNats } from '@magpie/bus';
import { loadCatalog } from '@magpie/catalog';
import { createLogger } from '@magpie/logging';
import { openPlatform } from '@magpie/runs';
import { HealthServer, createMetricsRegistry, shutdownOnSignal } from '@magpie/runtime';
import { ActiveRunLimit } from './active-run-limit.js';
import { loadGatewayConfig } from './config.js';
import { Gateway } from './gateway.js';
import { gatewaySecurity } from './gateway-security.js';
import { RunService } from './run-service.js';

// The config holds secrets (GATEWAY_TOKEN, NATS_PASS): log chosen fields, never the object.
const config = loadGatewayConfig();
const logger = createLogger({ name: 'gateway', level: config.LOG_LEVEL });
const security = gatewaySecurity(config);
if (security.summary.auth === 'off') {
  logger.warn('authentication is off: any client can start and cancel runs; set GATEWAY_TOKENS_FILE or GATEWAY_TOKEN');
}
const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
const nc = await connectNats({ servers: config.NATS_URL, name: 'gateway', user: config.NATS_USER, pass: config.NATS_PASS });
const platform = await openPlatform({ nc, logger, duplicateWindowMs: config.DUPLICATE_WINDOW_MS, retentionMs: config.RETENTION_MS });
const activeRuns = new ActiveRunLimit({
  max: config.MAX_ACTIVE_RUNS,
  countRunning: async () => (await platform.store.list(Number.MAX_SAFE_INTEGER)).filter((s) => s.status === 'running').length,
});
const runService = new RunService({
  ...platform,
  catalog,
  logger,
  maxRunCount: config.MAX_RUN_COUNT,
  authenticator: security.authenticator,
  activeRuns,
});
const gateway = new Gateway({ runService, logger, host: config.GRPC_HOST, port: config.GRPC_PORT, credentials: security.credentials });
const registry = createMetricsRegistry('gateway');
const health = new HealthServer({
  port: config.HEALTH_PORT,
  isHealthy: () => gateway.isServing && !nc.isClosed(),
  metrics: () => registry.metrics(),
});
const grpcPort = await gateway.start();
const healthPort = await health.start();
logger.info(
  { grpcPort, healthPort, ...security.summary, maxActiveRuns: config.MAX_ACTIVE_RUNS, maxRunCount: config.MAX_RUN_COUNT },
  'gateway started',
);

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
