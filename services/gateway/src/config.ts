import { catalogEnv } from '@magpie/catalog';
import { ConfigError, envInt, loadConfig, platformEnv, type EnvSource } from '@magpie/config';
import { z } from 'zod';
import { fleetEnv } from './fleet/fleet-env.js';

export const GatewayConfig = z.object({
  ...platformEnv,
  GRPC_HOST: z.string().default('0.0.0.0'),
  GRPC_PORT: envInt(50051, 0, 65_535),
  ...catalogEnv,
  /** Largest `count` a single run may ask for. */
  MAX_RUN_COUNT: envInt(100_000, 1),
  /** StartRun is refused (RESOURCE_EXHAUSTED) while this many runs are `running`. */
  MAX_ACTIVE_RUNS: envInt(16, 1, 100_000),
  /** A file with one accepted bearer token per line (a mounted Kubernetes Secret); read once at start. */
  GATEWAY_TOKENS_FILE: z.string().optional(),
  /** One accepted bearer token, for local use. Never logged. */
  GATEWAY_TOKEN: z.string().optional(),
  /** PEM certificate chain and private key of the gRPC listener; both or neither. */
  GRPC_TLS_CERT_FILE: z.string().optional(),
  GRPC_TLS_KEY_FILE: z.string().optional(),
  /** PEM CA bundle; when set (with TLS), clients must present a certificate it signed (mTLS). */
  GRPC_TLS_CLIENT_CA_FILE: z.string().optional(),
  /** The fleet view's Kubernetes access (GetFleet); see fleet/fleet-env.ts. */
  ...fleetEnv,
});
export type GatewayConfig = z.infer<typeof GatewayConfig>;

/**
 * Reads the gateway's environment. Throws ConfigError naming every invalid variable, and when the
 * TLS variables do not fit together (a certificate without its key, a client CA without TLS).
 * The result holds secrets (GATEWAY_TOKEN, NATS_PASS): never log it whole.
 */
export function loadGatewayConfig(env: EnvSource = process.env): Readonly<GatewayConfig> {
  const config = loadConfig(GatewayConfig, env);
  if ((config.GRPC_TLS_CERT_FILE === undefined) !== (config.GRPC_TLS_KEY_FILE === undefined)) {
    throw new ConfigError('invalid configuration: GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE must be set together');
  }
  if (config.GRPC_TLS_CLIENT_CA_FILE !== undefined && config.GRPC_TLS_CERT_FILE === undefined) {
    throw new ConfigError('invalid configuration: GRPC_TLS_CLIENT_CA_FILE needs GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE');
  }
  return config;
}
