import { configLoader, envInt } from '@magpie/config';
import { InferenceStageEnv } from '@magpie/stage';
import { z } from 'zod';

export const GeneratorConfig = z.object({
  ...InferenceStageEnv.shape,
  /** Problem slots one task fills; each attempt asks for the missing ones with `n` in one request. */
  SLOTS_PER_TASK: envInt(25, 1, 4_096),
  /** Requests per task before it fails and is retried by redelivery. */
  MAX_ATTEMPTS_PER_TASK: envInt(8, 1, 100),
});
export type GeneratorConfig = z.infer<typeof GeneratorConfig>;
export const loadGeneratorConfig = configLoader(GeneratorConfig);
