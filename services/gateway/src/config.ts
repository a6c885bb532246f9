import { DEFAULT_CONFIG_DIR } from '@magpie/catalog';
import { envInt, loadConfig, platformEnv, type EnvSource } from '@magpie/config';
import { z } from 'zod';

export const GatewayConfig = z.object({
  ...platformEnv,
  GRPC_HOST: z.string().default('0.0.0.0'),
  GRPC_PORT: envInt(50051, 0, 65_535),
  MAGPIE_CONFIG_DIR: z.string().default(DEFAULT_CONFIG_DIR),
  /** Largest `count` a single run may ask for. */
  MAX_RUN_COUNT: envInt(100_000, 1),
});
export type GatewayConfig = z.infer<typeof GatewayConfig>;

/** Throws ConfigError naming every invalid variable. */
export function loadGatewayConfig(env: EnvSource): Readonly<GatewayConfig> {
  return loadConfig(GatewayConfig, env);
}
