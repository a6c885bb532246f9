import { envInt, envUrlList, loadConfig, type EnvSource } from '@magpie/config';
import { stageEnv } from '@magpie/stage';
import { z } from 'zod';

export const GeneratorConfig = z.object({
  ...stageEnv,
  /** OpenAI-compatible base URL(s), comma-separated, one per replica, of the generator model's server (vLLM or the simulator). */
  LLM_BASE_URL: envUrlList('http://127.0.0.1:8000/v1'),
  /** Problem slots one task fills; each attempt asks for the missing ones with `n` in one request. */
  SLOTS_PER_TASK: envInt(25, 1, 4_096),
  /** Requests per task before it fails and is retried by redelivery. */
  MAX_ATTEMPTS_PER_TASK: envInt(8, 1, 100),
});
export type GeneratorConfig = z.infer<typeof GeneratorConfig>;

/** Throws ConfigError naming every invalid variable. */
export function loadGeneratorConfig(env: EnvSource = process.env): Readonly<GeneratorConfig> {
  return loadConfig(GeneratorConfig, env);
}
