import { connectNats } from '@magpie/bus';
import { createAnswerChecker } from '@magpie/answers';
import { loadCatalog } from '@magpie/catalog';
import { createRewardPool, poolSettingsFromEnv } from '@magpie/llm';
import { createLogger, redactUrl } from '@magpie/logging';
import { StageMetrics, openPlatform } from '@magpie/runs';
import { HealthServer, createMetricsRegistry, shutdownOnSignal } from '@magpie/runtime';
import { loadRewardConfig } from './config.js';
import { RewardScorer } from './reward-scorer.js';

const config = loadRewardConfig();
const logger = createLogger({ name: 'reward', level: config.LOG_LEVEL });
const registry = createMetricsRegistry('reward');
const metrics = new StageMetrics(registry);
const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
const nc = await connectNats({ servers: config.NATS_URL, name: 'reward', user: config.NATS_USER, pass: config.NATS_PASS });
const platform = await openPlatform({ nc, logger, duplicateWindowMs: config.DUPLICATE_WINDOW_MS, retentionMs: config.RETENTION_MS });
const scorer = new RewardScorer({
  ...platform,
  catalog,
  checker: createAnswerChecker(),
  rewards: await createRewardPool(poolSettingsFromEnv(config, { baseUrls: config.REWARD_BASE_URL, sequencesPerRequest: 1, logger, onCall: metrics.onCall })),
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
  isHealthy: () => scorer.isRunning && !nc.isClosed(),
  metrics: () => registry.metrics(),
});
await scorer.start();
const healthPort = await health.start();
logger.info({ healthPort, reward: config.REWARD_BASE_URL.map(redactUrl) }, 'reward started');

const code = await shutdownOnSignal({
  logger,
  forceAfterMs: config.SHUTDOWN_GRACE_MS + 10_000,
  stop: async () => {
    // Stop pulling first, then close the connection once in-flight work is done or nak'd.
    await scorer.stop(config.SHUTDOWN_GRACE_MS);
    await health.stop();
    await nc.drain();
  },
});
process.exit(code);
