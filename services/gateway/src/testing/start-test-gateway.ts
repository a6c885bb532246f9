import type * as grpc from '@grpc/grpc-js';
import type { Publisher } from '@magpie/bus';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { createLogger } from '@magpie/logging';
import type { RecordLog, RunStore, RunTracker } from '@magpie/runs';
import { RunNotFoundError } from '@magpie/runs';
import { ActiveRunLimit } from '../active-run-limit.js';
import { BearerAuthenticator } from '../bearer-authenticator.js';
import type { FleetService } from '../fleet/fleet-service.js';
import { Gateway } from '../gateway.js';
import { RunService } from '../run-service.js';

export interface TestGateway {
  readonly gateway: Gateway;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Test-only: the real Gateway and RunService over an empty in-memory run store (no NATS): every
 * run is unknown, ListRuns returns nothing, and a valid StartRun is refused by a MAX_ACTIVE_RUNS
 * of 1 while `running` (default 1) runs are running. GetFleet is served by `fleetService` when given.
 */
export async function startTestGateway(
  options: { tokens?: string[]; credentials?: grpc.ServerCredentials; running?: number; fleetService?: FleetService } = {},
): Promise<TestGateway> {
  const store = {
    get: () => Promise.resolve(undefined),
    list: () => Promise.resolve([]),
    reserveClientRequest: (_id: string, runId: string) => Promise.resolve(runId),
    create: () => Promise.resolve(),
  } as unknown as RunStore;
  const tracker = { cancel: (runId: string) => Promise.reject(new RunNotFoundError(`run ${runId} not found`)) } as unknown as RunTracker;
  const logger = createLogger({ name: 'gateway-test', level: 'silent' });
  const runService = new RunService({
    store,
    log: {} as RecordLog,
    tracker,
    publisher: {} as Publisher,
    catalog: loadCatalog(DEFAULT_CONFIG_DIR),
    logger,
    maxRunCount: 1_000,
    authenticator: new BearerAuthenticator(options.tokens ?? []),
    activeRuns: new ActiveRunLimit({ max: 1, countRunning: () => Promise.resolve(options.running ?? 1) }),
  });
  const gateway = new Gateway({
    runService,
    logger,
    host: '127.0.0.1',
    port: 0,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.fleetService ? { fleetService: options.fleetService } : {}),
  });
  const port = await gateway.start();
  return { gateway, port, stop: () => gateway.stop(0) };
}
