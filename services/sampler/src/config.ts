import { envUrlList, loadConfig, type EnvSource } from '@magpie/config';
import { stageEnv } from '@magpie/stage';
import { z } from 'zod';

export const SamplerConfig = z.object({
  ...stageEnv,
  /** OpenAI-compatible base URL(s), comma-separated, one per replica, of the sampler model's server (vLLM or the simulator). */
  LLM_BASE_URL: envUrlList('http://127.0.0.1:8000/v1'),
});
export type SamplerConfig = z.infer<typeof SamplerConfig>;

/** Throws ConfigError naming every invalid variable. */
export function loadSamplerConfig(env: EnvSource = process.env): Readonly<SamplerConfig> {
  return loadConfig(SamplerConfig, env);
}
