import { createAnswerChecker } from '@magpie/answers';
import { loadCatalog } from '@magpie/catalog';
import { createRewardPool, poolSettingsFromEnv } from '@magpie/llm';
import { runStageProcess } from '@magpie/runs';
import { loadRewardConfig } from './config.js';
import { RewardScorer } from './reward-scorer.js';

const config = loadRewardConfig();
const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
const code = await runStageProcess({
  name: 'reward',
  env: config,
  backendUrls: config.REWARD_BASE_URL,
  create: async ({ platform, logger, metrics }) =>
    new RewardScorer({
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
    }),
});
process.exit(code);
