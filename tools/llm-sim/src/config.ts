import { DEFAULT_CONFIG_DIR } from '@magpie/catalog';
import { envBool, envInt, envNumber, loadConfig, LogLevel, type EnvSource } from '@magpie/config';
import { z } from 'zod';

/** The simulator's environment variables and their defaults. */
export const SimConfigSchema = z.object({
  SIM_HOST: z.string().min(1).default('127.0.0.1'),
  SIM_PORT: envInt(8000, 0, 65535),
  SIM_SEED: envInt(1234, 0, 2 ** 32 - 1),
  /** Probability that one sampled chat solution is correct. */
  SIM_ACCURACY: envNumber(0.8, 0, 1),
  /** Fixed extra latency per generation/classify request. */
  SIM_DELAY_MS: envInt(0, 0, 600_000),
  /** Like vLLM's --reasoning-parser: reasoning goes to message.reasoning/reasoning_content instead of inline <think>. */
  SIM_REASONING_PARSER: envBool(false),
  MAGPIE_CONFIG_DIR: z.string().min(1).default(DEFAULT_CONFIG_DIR),
  LOG_LEVEL: LogLevel,
});
export type SimConfig = z.infer<typeof SimConfigSchema>;

/** Reads the simulator's configuration. Throws ConfigError (from @magpie/config) naming each invalid variable. */
export function loadSimConfig(env: EnvSource): Readonly<SimConfig> {
  return loadConfig(SimConfigSchema, env);
}
