import { envUrlList, loadConfig, type EnvSource } from '@magpie/config';
import { stageEnv } from '@magpie/stage';
import { z } from 'zod';

export const RewardConfig = z.object({
  ...stageEnv,
  /** Root URL(s), comma-separated, one per replica, of the reward server exposing `/classify` (vLLM pooling or our ArmoRM sidecar). */
  REWARD_BASE_URL: envUrlList('http://127.0.0.1:8000'),
});
export type RewardConfig = z.infer<typeof RewardConfig>;

/** Throws ConfigError naming every invalid variable. */
export function loadRewardConfig(env: EnvSource = process.env): Readonly<RewardConfig> {
  return loadConfig(RewardConfig, env);
}
