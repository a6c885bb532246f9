import { loadCatalog } from '@magpie/catalog';
import { openPlatform } from '@magpie/runs';
import type { RunningService, ServiceDeps } from '@magpie/runtime';
import { ActiveRunLimit } from './active-run-limit.js';
import type { GatewayConfig } from './config.js';
import { FleetService } from './fleet/fleet-service.js';
import { Gateway } from './gateway.js';
import { gatewaySecurity } from './gateway-security.js';
import { RunService } from './run-service.js';

/**
 * Builds and starts the gateway from the process's dependencies: security (tokens, TLS), the
 * catalog, the platform's streams and run store, the run service and the gRPC server. The config
 * holds secrets (GATEWAY_TOKEN, NATS_PASS): only chosen fields are logged, never the object.
 */
export async function startGateway({ config, logger, nc }: ServiceDeps<GatewayConfig>): Promise<RunningService> {
  const security = gatewaySecurity(config);
  if (security.summary.auth === 'off') {
    logger.warn('authentication is off: any client can start and cancel runs; set GATEWAY_TOKENS_FILE or GATEWAY_TOKEN');
  }
  const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
  const platform = await openPlatform({ nc, logger, duplicateWindowMs: config.DUPLICATE_WINDOW_MS, retentionMs: config.RETENTION_MS });
  const activeRuns = new ActiveRunLimit({
    max: config.MAX_ACTIVE_RUNS,
    countRunning: async () => (await platform.store.list(Number.MAX_SAFE_INTEGER)).filter((s) => s.status === 'running').length,
  });
  const runService = new RunService({ ...platform, catalog, logger, maxRunCount: config.MAX_RUN_COUNT, authenticator: security.authenticator, activeRuns });
  const fleetService = new FleetService({ env: config, jsm: platform.jsm, authenticator: security.authenticator, logger });
  await fleetService.connect();
  const gateway = new Gateway({ runService, fleetService, logger, host: config.GRPC_HOST, port: config.GRPC_PORT, credentials: security.credentials });
  const grpcPort = await gateway.start();
  return {
    isHealthy: () => gateway.isServing,
    stop: (graceMs) => gateway.stop(graceMs),
    startedFields: { grpcPort, ...security.summary, maxActiveRuns: config.MAX_ACTIVE_RUNS, maxRunCount: config.MAX_RUN_COUNT },
  };
}
