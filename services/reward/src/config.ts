import { configLoader } from '@magpie/config';
import { RewardStageEnv } from '@magpie/stage';

/** The reward's settings: those of every stage that calls reward servers (libs/stage RewardStageEnv). */
export const RewardConfig = RewardStageEnv;
export const loadRewardConfig = configLoader(RewardConfig);
