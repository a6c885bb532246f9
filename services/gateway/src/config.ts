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
  /** Unary calls one client (bearer token, or peer address without one) may have in flight; more answer RESOURCE_EXHAUSTED. */
  MAX_CALLS_PER_CLIENT: envInt(256, 1, 1_000_000),
  /** Streams (WatchRun, StreamRecords, ExportDataset) one client may have open; more answer RESOURCE_EXHAUSTED. */
  MAX_STREAMS_PER_CLIENT: envInt(64, 1, 100_000),
  /** Calls per second one client may start (token bucket, bursts up to twice this); 0 turns the rate limit off. */
  CLIENT_RATE_PER_SECOND: envInt(500, 0, 1_000_000),
  /** How often WatchRun reads a run's counts and sends progress when they changed. */
  WATCH_INTERVAL_MS: envInt(500, 50, 60_000),
  /** How long a running run's counts are served from the gateway's cache. */
  COUNTS_MAX_AGE_MS: envInt(1_000, 0, 60_000),
  /** Object store bucket of the finished runs' dataset files. */
  DATASETS_BUCKET: z.string().regex(/^[A-Za-z0-9_-]+$/).default('datasets'),
  /** Runs that end while the gateway runs get their dataset files built at once; older runs when first exported. */
  EXPORT_CONCURRENCY: envInt(2, 1, 64),
  /** The platform version reported by magpie_build_info and written into dataset_info.json; the repository's package.json version when unset. */
  MAGPIE_VERSION: z.string().min(1).max(64).optional(),
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
