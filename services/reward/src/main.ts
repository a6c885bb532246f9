import { createAnswerChecker } from '@magpie/answers';
import { createRewardPool } from '@magpie/llm';
import { stageMain } from '@magpie/stage';
import { loadRewardConfig } from './config.js';
import { RewardJoinStore } from './reward-join-store.js';
import { rewardStage } from './reward-stage.js';
import { solutionJoinStage } from './solution-join-stage.js';

stageMain({
  name: 'reward',
  loadConfig: loadRewardConfig,
  backend: { create: createRewardPool, baseUrls: (config) => config.REWARD_BASE_URL },
  stages: ({ catalog, platform, config }) => {
    // Opened on the first message; a failed open is retried by the next one.
    let opening: Promise<RewardJoinStore> | undefined;
    const joins = (): Promise<RewardJoinStore> => {
      opening ??= RewardJoinStore.open(platform.js, config.RETENTION_MS).catch((err: unknown) => {
        opening = undefined;
        throw err;
      });
      return opening;
    };
    const deps = { catalog, checker: createAnswerChecker(), joins, log: platform.log };
    return [rewardStage(deps), solutionJoinStage(deps)];
  },
});
