import { connectNats } from '@magpie/bus';
import { loadCatalog } from '@magpie/catalog';
import { InferenceClient } from '@magpie/llm';
import { createLogger } from '@magpie/logging';
import { openPlatform } from '@magpie/runs';
import { HealthServer, shutdownOnSignal } from '@magpie/runtime';
import { loadSolverConfig } from './config.js';
import { Solver } from './solver.js';

const config = loadSolverConfig(process.env);
const logger = createLogger({ name: 'solver', level: config.LOG_LEVEL });
const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
const nc = await connectNats({ servers: config.NATS_URL, name: 'solver', user: config.NATS_USER, pass: config.NATS_PASS });
const platform = await openPlatform({ nc, logger, duplicateWindowMs: config.DUPLICATE_WINDOW_MS, retentionMs: config.RETENTION_MS });
const solver = new Solver({
  ...platform,
  catalog,
  llm: new InferenceClient({ baseUrl: config.LLM_BASE_URL, apiKey: config.LLM_API_KEY, timeoutMs: config.LLM_TIMEOUT_MS }),
  logger,
  settings: {
    maxInFlight: config.MAX_IN_FLIGHT,
    ackWaitMs: config.ACK_WAIT_MS,
    maxDeliveries: config.MAX_DELIVERIES,
    retry: { baseMs: config.RETRY_BASE_MS, maxMs: config.RETRY_MAX_MS },
  },
});
const health = new HealthServer({ port: config.HEALTH_PORT, isHealthy: () => solver.isRunning && !nc.isClosed() });
await solver.start();
const healthPort = await health.start();
logger.info({ healthPort, llm: config.LLM_BASE_URL }, 'solver started');

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
