import { connectNats } from '@magpie/bus';
import { RewardClient } from '@magpie/llm';
import { createLogger } from '@magpie/logging';
import { openPlatform } from '@magpie/runs';
import { HealthServer, shutdownOnSignal } from '@magpie/runtime';
import { loadRewardConfig } from './config.js';
import { RewardScorer } from './reward-scorer.js';

const config = loadRewardConfig(process.env);
const logger = createLogger({ name: 'reward', level: config.LOG_LEVEL });
const nc = await connectNats({ servers: config.NATS_URL, name: 'reward', user: config.NATS_USER, pass: config.NATS_PASS });
const platform = await openPlatform({ nc, logger, duplicateWindowMs: config.DUPLICATE_WINDOW_MS, retentionMs: config.RETENTION_MS });
const scorer = new RewardScorer({
  ...platform,
  rewards: new RewardClient({ baseUrl: config.REWARD_BASE_URL, apiKey: config.LLM_API_KEY, timeoutMs: config.LLM_TIMEOUT_MS }),
  logger,
  settings: {
    maxInFlight: config.MAX_IN_FLIGHT,
    ackWaitMs: config.ACK_WAIT_MS,
    maxDeliveries: config.MAX_DELIVERIES,
    retry: { baseMs: config.RETRY_BASE_MS, maxMs: config.RETRY_MAX_MS },
  },
});
const health = new HealthServer({ port: config.HEALTH_PORT, isHealthy: () => scorer.isRunning && !nc.isClosed() });
await scorer.start();
const healthPort = await health.start();
logger.info({ healthPort, reward: config.REWARD_BASE_URL }, 'reward started');

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
