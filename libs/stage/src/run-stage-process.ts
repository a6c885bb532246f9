import { FailureCounter, type NatsConnection } from '@magpie/bus';
import { loadCatalog, type Catalog } from '@magpie/catalog';
import type { Stage } from '@magpie/contracts';
import { poolSettingsFromEnv, type BackendPool, type PoolSettings } from '@magpie/llm';
import { redactUrl, type Logger } from '@magpie/logging';
import { openPlatform, type Platform } from '@magpie/runs';
import { runServiceProcess, type RunningService } from '@magpie/runtime';
import type { StageDefinition, StageInput } from './stage-definition.js';
import type { StageEnv } from './stage-env.js';
import { StageMetrics } from './stage-metrics.js';
import { StageService } from './stage-service.js';

/** What a stage's definitions are built from. */
export interface StageDeps<E> {
  readonly config: Readonly<E>;
  readonly catalog: Catalog;
  readonly platform: Platform;
  readonly logger: Logger;
  /** For a stage that keeps state of its own in NATS (the generator's shared duplicate index). */
  readonly nc: NatsConnection;
}

export interface StageProcessOptions<E extends StageEnv, C> {
  readonly name: Stage;
  /** Reads the stage's configuration once; throws ConfigError naming every invalid variable. */
  readonly loadConfig: () => Readonly<E>;
  /** The stage's backend: how to open its pool (inference or reward) and its replica URLs. */
  readonly backend: {
    readonly create: (settings: PoolSettings) => Promise<BackendPool<C>>;
    readonly baseUrls: (config: Readonly<E>) => readonly string[];
  };
  /** The stage's definitions (one durable worker each); what it throws is a failed start. */
  readonly stages: (deps: StageDeps<E>) => readonly StageDefinition<StageInput, C>[] | Promise<readonly StageDefinition<StageInput, C>[]>;
}

/**
 * A stage service as its process runs it, on the shared process bootstrap: NATS and the platform's
 * streams, the catalog, the backend pool, the stage's workers and metrics. Resolves with the exit
 * code (1 when the start failed; the error is logged).
 */
export function runStageProcess<E extends StageEnv, C>(options: StageProcessOptions<E, C>): Promise<number> {
  return runServiceProcess<E>({
    name: options.name,
    loadConfig: options.loadConfig,
    start: async ({ config, logger, registry, nc }): Promise<RunningService> => {
      const metrics = new StageMetrics(registry);
      const catalog = loadCatalog(config.MAGPIE_CONFIG_DIR);
      const platform = await openPlatform({ nc, logger, duplicateWindowMs: config.DUPLICATE_WINDOW_MS, retentionMs: config.RETENTION_MS });
      const baseUrls = options.backend.baseUrls(config);
      const pool = await options.backend.create(poolSettingsFromEnv(config, { name: options.name, baseUrls, logger, onCall: metrics.onCall }));
      const service = new StageService<C>({
        ...platform,
        failures: await FailureCounter.open(nc),
        notes: platform.store.notes,
        logger,
        metrics,
        pool,
        settings: {
          ackWaitMs: config.ACK_WAIT_MS,
          maxFailures: config.MAX_FAILURES,
          maxDeliveries: config.MAX_DELIVERIES,
          retry: { baseMs: config.RETRY_BASE_MS, maxMs: config.RETRY_MAX_MS },
        },
        stages: await options.stages({ config, catalog, platform, logger, nc }),
      });
      await service.start();
      return {
        isHealthy: () => service.isRunning,
        stop: (graceMs) => service.stop(graceMs),
        startedFields: { backends: baseUrls.map(redactUrl), maxSequences: pool.maxSequences },
      };
    },
  });
}

/** For a stage's main.ts: runs the stage process and exits with its exit code. */
export function stageMain<E extends StageEnv, C>(options: StageProcessOptions<E, C>): void {
  void runStageProcess(options).then((code) => process.exit(code));
}
