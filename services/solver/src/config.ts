import { envUrlList, loadConfig, type EnvSource } from '@magpie/config';
import { stageEnv } from '@magpie/stage';
import { z } from 'zod';

export const SolverConfig = z.object({
  ...stageEnv,
  /** OpenAI-compatible base URL(s), comma-separated, one per replica, of the solver model's server (vLLM or the simulator). */
  LLM_BASE_URL: envUrlList('http://127.0.0.1:8000/v1'),
});
export type SolverConfig = z.infer<typeof SolverConfig>;

/** Throws ConfigError naming every invalid variable. */
export function loadSolverConfig(env: EnvSource = process.env): Readonly<SolverConfig> {
  return loadConfig(SolverConfig, env);
}
