import { loadMagpieProto } from '@magpie/api';
import { KvBucket, ObjectBucket } from '@magpie/bus';
import { loadCatalog } from '@magpie/catalog';
import { EXPORTS_BUCKET, isTerminal, type RunState } from '@magpie/contracts';
import { openPlatform } from '@magpie/runs';
import type { RunningService, ServiceDeps } from '@magpie/runtime';
import { ActiveRunLimit } from './active-run-limit.js';
import { CallGuard } from './call-guard.js';
import { ClientLimits } from './client-limits.js';
import type { GatewayConfig } from './config.js';
import { DatasetExports } from './dataset-exports.js';
import { EncodedRuns } from './encoded-runs.js';
import { FleetService } from './fleet/fleet-service.js';
import { Gateway } from './gateway.js';
import { GatewayMetrics } from './gateway-metrics.js';
import { gatewaySecurity } from './gateway-security.js';
import { platformPackage } from './platform-package.js';
import { RunAggregates } from './run-aggregates.js';
import { RunCountsCache } from './run-counts-cache.js';
import { RunFeed } from './run-feed.js';
import { RunIndex } from './run-index.js';
import { RunLookup } from './run-lookup.js';
import { RunService } from './run-service.js';
import { RunStreams } from './run-streams.js';

/** A cancelled or failed run's last records may still land for a moment after it ends. */
const SETTLE_BEFORE_BUILD_MS = 3_000;

/**
 * Builds and starts the gateway from the process's dependencies: security (tokens, TLS), the
 * catalog, the platform's streams and run store, the run index and caches, the dataset builder,
 * the run service and the gRPC server. The config holds secrets (GATEWAY_TOKEN, NATS_PASS): only
 * chosen fields are logged, never the object.
 */
export async function startGateway({ config, logger, nc, registry }: ServiceDeps<GatewayConfig>): Promise<RunningService> {
  const security = gatewaySecurity(config);
  if (security.summary.auth === 'off') {
    logger.warn('authentication is off: any client can start and cancel runs; set GATEWAY_TOKENS_FILE or GATEWAY_TOKEN');
  }
  const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
  const platform = await openPlatform({ nc, logger, duplicateWindowMs: config.DUPLICATE_WINDOW_MS, retentionMs: config.RETENTION_MS });
  const pkg = platformPackage();
  const version = config.MAGPIE_VERSION ?? pkg.version;
  const index = new RunIndex();
  const counts = new RunCountsCache({ read: (runId) => platform.log.counts(runId), maxAgeMs: config.COUNTS_MAX_AGE_MS });
  const exportsKv = await KvBucket.open(nc, EXPORTS_BUCKET, { history: 1 });
  const objects = await ObjectBucket.open(nc, config.DATASETS_BUCKET, { maxAgeMs: config.RETENTION_MS });
  const exports = new DatasetExports({ kv: exportsKv, objects, log: platform.log, counts: (s) => counts.refresh(s), logger, platform: { name: pkg.name, version } });

  // Runs that end while this gateway runs get their files built at once, a few at a time; every
  // replica tries, one wins the run's lock.
  const queue: RunState[] = [];
  let building = 0;
  const buildNext = (): void => {
    while (building < config.EXPORT_CONCURRENCY && queue.length > 0) {
      const state = queue.shift() as RunState;
      building++;
      const delayMs = state.status === 'succeeded' ? 0 : SETTLE_BEFORE_BUILD_MS;
      void new Promise((r) => setTimeout(r, delayMs))
        .then(() => exports.ensure(state, 600_000))
        .catch((err: unknown) => logger.warn({ err, runId: state.runId }, 'dataset not built; it is built when first exported'))
        .finally(() => {
          building--;
          buildNext();
        });
    }
  };
  const feed = new RunFeed({
    store: platform.store,
    index,
    onEnded: (state) => {
      if (!isTerminal(state.status)) return;
      queue.push(state);
      buildNext();
    },
    // The replica that takes a running run's build lock writes its files while it runs.
    onRunning: (state) => exports.follow(state),
  });
  feed.start();
  const lookup = new RunLookup(platform.store, index, feed.ready);

  const activeRuns = new ActiveRunLimit({
    max: config.MAX_ACTIVE_RUNS,
    countRunning: async () => {
      await feed.ready;
      return index.countByStatus('running');
    },
  });
  const metrics = new GatewayMetrics(registry, { version, index });
  const guard = new CallGuard({
    authenticator: security.authenticator,
    limits: new ClientLimits({ maxCalls: config.MAX_CALLS_PER_CLIENT, maxStreams: config.MAX_STREAMS_PER_CLIENT, ratePerSecond: config.CLIENT_RATE_PER_SECOND }),
    metrics,
    logger,
  });
  const aggregates = new RunAggregates({
    read: (runId, signal) =>
      platform.log.read(runId, {
        fromCursor: 0,
        signal,
        isFinished: async () => isTerminal((await lookup.fresh(runId))?.status ?? 'failed'),
        ended: feed.whenEnded(runId),
      }),
    onError: (runId, err) => logger.warn({ err, runId }, 'run aggregate stopped'),
  });
  const streams = new RunStreams({
    lookup,
    log: platform.log,
    counts,
    aggregates,
    exports,
    objects,
    watchIntervalMs: config.WATCH_INTERVAL_MS,
    ended: (runId) => feed.whenEnded(runId),
  });
  const runService = new RunService({
    ...platform,
    index,
    lookup,
    counts,
    catalog,
    logger,
    maxRunCount: config.MAX_RUN_COUNT,
    activeRuns,
    guard,
    streams,
    encoded: new EncodedRuns(loadMagpieProto().service),
  });
  const fleetService = new FleetService({ env: config, jsm: platform.jsm, guard, logger });
  await fleetService.connect();
  const gateway = new Gateway({ runService, fleetService, logger, host: config.GRPC_HOST, port: config.GRPC_PORT, credentials: security.credentials });
  const grpcPort = await gateway.start();
  return {
    isHealthy: () => gateway.isServing,
    stop: async (graceMs) => {
      await gateway.stop(graceMs);
      aggregates.stop();
      await feed.stop();
      await exports.stop();
    },
    startedFields: {
      grpcPort,
      ...security.summary,
      version,
      maxActiveRuns: config.MAX_ACTIVE_RUNS,
      maxRunCount: config.MAX_RUN_COUNT,
      maxCallsPerClient: config.MAX_CALLS_PER_CLIENT,
      maxStreamsPerClient: config.MAX_STREAMS_PER_CLIENT,
      clientRatePerSecond: config.CLIENT_RATE_PER_SECOND,
    },
  };
}
