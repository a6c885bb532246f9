import { createAnswerChecker } from '@magpie/answers';
import { createRewardPool } from '@magpie/llm';
import { stageMain } from '@magpie/stage';
import { loadRewardConfig } from './config.js';
import { rewardStage } from './reward-stage.js';

stageMain({
  name: 'reward',
  loadConfig: loadRewardConfig,
  backend: { create: createRewardPool, baseUrls: (config) => config.REWARD_BASE_URL },
  stages: ({ catalog }) => [rewardStage({ catalog, checker: createAnswerChecker() })],
});
