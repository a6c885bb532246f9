import { catalogEnv } from '@magpie/catalog';
import { backendEnv, envUrlList, platformEnv, workerEnv } from '@magpie/config';
import { z } from 'zod';

/** The variables every stage process reads: platform, redelivery, backend pool and catalog. */
export const stageEnv = {
  ...platformEnv,
  ...workerEnv,
  ...backendEnv,
  ...catalogEnv,
};
export const StageEnv = z.object(stageEnv);
export type StageEnv = z.infer<typeof StageEnv>;

/** A stage that calls OpenAI-compatible generation backends (the generator, solver and sampler). */
export const InferenceStageEnv = z.object({
  ...stageEnv,
  /** Base URL(s), comma-separated, one per replica, of the stage model's server (vLLM or the simulator). */
  LLM_BASE_URL: envUrlList('http://127.0.0.1:8000/v1'),
});
export type InferenceStageEnv = z.infer<typeof InferenceStageEnv>;

/** A stage that calls reward servers (the reward stage). */
export const RewardStageEnv = z.object({
  ...stageEnv,
  /** Root URL(s), comma-separated, one per replica, of the reward server exposing `/classify` (vLLM pooling or our ArmoRM sidecar). */
  REWARD_BASE_URL: envUrlList('http://127.0.0.1:8000'),
});
export type RewardStageEnv = z.infer<typeof RewardStageEnv>;
