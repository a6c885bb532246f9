import type { Publisher, JetStreamClient, JetStreamManager } from '@magpie/bus';
import type { Catalog } from '@magpie/catalog';
import { GenerationTask, RunRequested, Streams, Subjects } from '@magpie/contracts';
import type { BackendPool, InferenceClient } from '@magpie/llm';
import type { Logger } from '@magpie/logging';
import { StageLifecycle, createStageWorker, type RecordLog, type RunTracker, type StageMetrics, type StageWorkerSettings } from '@magpie/runs';
import { fillTask } from './handlers/fill-task.js';
import { planRun } from './handlers/plan-run.js';
import { RunDedupRegistry } from './run-dedup-registry.js';

export interface GeneratorOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly publisher: Publisher;
  readonly tracker: RunTracker;
  readonly log: RecordLog;
  readonly catalog: Catalog;
  /** Generator model replicas; their windows bound the tasks this process runs at once. */
  readonly pool: BackendPool<InferenceClient>;
  readonly logger: Logger;
  /** Exported on /metrics; also observes the worker. */
  readonly metrics: StageMetrics;
  readonly settings: StageWorkerSettings & {
    readonly slotsPerTask: number;
    readonly maxAttemptsPerTask: number;
  };
}

/**
 * The generator stage: plans each requested run into slot tasks, then fills tasks with problems
 * from the generator model's Magpie pre-query template.
 */
export class Generator {
  readonly #lifecycle: StageLifecycle;

  constructor(o: GeneratorOptions) {
    const dedup = new RunDedupRegistry({ log: o.log });
    const planner = createStageWorker({
      ...o,
      logger: o.logger.child({ worker: 'planner' }),
      stage: 'generator',
      stream: Streams.runs.name,
      durableName: 'generator-planner',
      filterSubject: Subjects.runEventsOfKind('requested'),
      schema: RunRequested,
      concurrency: 4,
      handler: (event) =>
        planRun(event, { publisher: o.publisher, tracker: o.tracker, logger: o.logger, catalog: o.catalog, slotsPerTask: o.settings.slotsPerTask }),
    });
    const filler = createStageWorker({
      ...o,
      logger: o.logger.child({ worker: 'tasks' }),
      stage: 'generator',
      stream: Streams.genTasks.name,
      durableName: 'generator-tasks',
      filterSubject: Subjects.genTasksAll,
      schema: GenerationTask,
      // A task makes one request at a time, so the pool's capacity in requests is the task concurrency.
      concurrency: o.pool.maxCapacity,
      canPull: () => o.pool.hasHealthyReplica,
      handler: (task, ctx) =>
        fillTask(task, ctx, {
          publisher: o.publisher,
          tracker: o.tracker,
          catalog: o.catalog,
          pool: o.pool,
          dedup,
          logger: o.logger,
          metrics: o.metrics,
          maxAttempts: o.settings.maxAttemptsPerTask,
        }),
    });
    this.#lifecycle = new StageLifecycle({ tracker: o.tracker, resources: [o.pool], workers: [planner, filler] });
  }

  get isRunning(): boolean {
    return this.#lifecycle.isRunning;
  }

  async start(): Promise<void> {
    await this.#lifecycle.start();
  }

  /** Stops pulling and drains in-flight work for up to `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    await this.#lifecycle.stop(graceMs);
  }
}
