import { catalogEnv } from '@magpie/catalog';
import { backendEnv, platformEnv, workerEnv } from '@magpie/config';
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
