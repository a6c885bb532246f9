import type * as grpc from '@grpc/grpc-js';
import { loadMagpieProto } from '@magpie/api';
import type { ObjectBucket, Publisher } from '@magpie/bus';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { emptyRunCounts } from '@magpie/contracts';
import { createLogger } from '@magpie/logging';
import type { RecordLog, RunStore, RunTracker } from '@magpie/runs';
import { RunNotFoundError } from '@magpie/runs';
import { Registry } from 'prom-client';
import { ActiveRunLimit } from '../active-run-limit.js';
import { BearerAuthenticator } from '../bearer-authenticator.js';
import { CallGuard } from '../call-guard.js';
import { ClientLimits } from '../client-limits.js';
import type { DatasetExports } from '../dataset-exports.js';
import { EncodedRuns } from '../encoded-runs.js';
import type { FleetService } from '../fleet/fleet-service.js';
import { Gateway } from '../gateway.js';
import { GatewayMetrics } from '../gateway-metrics.js';
import { RunAggregates } from '../run-aggregates.js';
import { RunCountsCache } from '../run-counts-cache.js';
import { RunIndex } from '../run-index.js';
import { RunLookup } from '../run-lookup.js';
import { RunService } from '../run-service.js';
import { RunStreams } from '../run-streams.js';

export interface TestGateway {
  readonly gateway: Gateway;
  readonly port: number;
  /** The gateway's Prometheus registry. */
  readonly registry: Registry;
  /** Run lookups waiting for `holdLookups` now: the calls a test holds in flight. */
  heldLookups(): number;
  stop(): Promise<void>;
}

export interface TestGatewayOptions {
  readonly tokens?: string[];
  readonly credentials?: grpc.ServerCredentials;
  /** Runs counted as running by MAX_ACTIVE_RUNS (1); default 1, so every valid StartRun is refused. */
  readonly running?: number;
  /** MAX_CALLS_PER_CLIENT; default 256. */
  readonly maxCalls?: number;
  /** Every run lookup waits for this first, so calls stay in flight while a test needs them to. */
  readonly holdLookups?: Promise<void>;
  /** Serves GetFleet; built with this gateway's CallGuard (see `guard` of the result). */
  readonly fleetService?: (guard: CallGuard) => FleetService;
}

/**
 * Test-only: the real Gateway, RunService and CallGuard over an empty in-memory run store (no
 * NATS): every run is unknown, ListRuns returns nothing, the catalog is the repository's, and a
 * valid StartRun is refused by a MAX_ACTIVE_RUNS of 1 while `running` (default 1) runs are running.
 * GetFleet is served by `fleetService` when given.
 */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  let held = 0;
  const unknownRun = async (): Promise<undefined> => {
    held++;
    await options.holdLookups;
    held--;
    return undefined;
  };
  const store = {
    get: unknownRun,
    getStored: unknownRun,
    reserveClientRequest: (_id: string, runId: string) => Promise.resolve(runId),
    create: () => Promise.resolve(),
  } as unknown as RunStore;
  const tracker = { cancel: (runId: string) => Promise.reject(new RunNotFoundError(`run ${runId} not found`)) } as unknown as RunTracker;
  const logger = createLogger({ name: 'gateway-test', level: 'silent' });
  const index = new RunIndex();
  const lookup = new RunLookup(store, index, Promise.resolve());
  const counts = new RunCountsCache({ read: () => Promise.resolve(emptyRunCounts()) });
  const registry = new Registry();
  const guard = new CallGuard({
    authenticator: new BearerAuthenticator(options.tokens ?? []),
    limits: new ClientLimits({ maxCalls: options.maxCalls ?? 256, maxStreams: 64, ratePerSecond: 0 }),
    metrics: new GatewayMetrics(registry, { version: '0.0.0-test', index }),
    logger,
  });
  const log = {} as RecordLog;
  const streams = new RunStreams({
    lookup,
    log,
    counts,
    aggregates: new RunAggregates({ read: (runId) => log.read(runId, { fromCursor: 0, isFinished: () => Promise.resolve(true) }), onError: () => undefined }),
    exports: {} as DatasetExports,
    objects: {} as ObjectBucket,
    watchIntervalMs: 100,
  });
  const runService = new RunService({
    store,
    index,
    lookup,
    counts,
    tracker,
    publisher: {} as Publisher,
    catalog: loadCatalog(DEFAULT_CONFIG_DIR),
    logger,
    maxRunCount: 1_000,
    activeRuns: new ActiveRunLimit({ max: 1, countRunning: () => Promise.resolve(options.running ?? 1) }),
    guard,
    streams,
    encoded: new EncodedRuns(loadMagpieProto().service),
  });
  const gateway = new Gateway({
    runService,
    logger,
    host: '127.0.0.1',
    port: 0,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.fleetService ? { fleetService: options.fleetService(guard) } : {}),
  });
  const port = await gateway.start();
  return { gateway, port, registry, heldLookups: () => held, stop: () => gateway.stop(0) };
}
