import type { Worker, Publisher, JetStreamClient, JetStreamManager } from '@magpie/bus';
import type { Catalog } from '@magpie/catalog';
import { GenerationTask, RunRequested, Streams, Subjects } from '@magpie/contracts';
import type { InferenceClient } from '@magpie/llm';
import type { Logger } from '@magpie/logging';
import { createStageWorker, type RunTracker, type StageWorkerSettings } from '@magpie/runs';
import { fillTask } from './handlers/fill-task.js';
import { planRun } from './handlers/plan-run.js';

export interface GeneratorOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly publisher: Publisher;
  readonly tracker: RunTracker;
  readonly catalog: Catalog;
  readonly llm: InferenceClient;
  readonly logger: Logger;
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
  readonly #planner: Worker<RunRequested>;
  readonly #filler: Worker<GenerationTask>;

  constructor(o: GeneratorOptions) {
    this.#planner = createStageWorker({
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
    this.#filler = createStageWorker({
      ...o,
      logger: o.logger.child({ worker: 'tasks' }),
      stage: 'generator',
      stream: Streams.genTasks.name,
      durableName: 'generator-tasks',
      filterSubject: Subjects.genTasksAll,
      schema: GenerationTask,
      // One task holds `slotsPerTask` sequences in one request; keep the backend's window full.
      concurrency: Math.max(1, Math.ceil(o.settings.maxInFlight / o.settings.slotsPerTask)),
      handler: (task, ctx) =>
        fillTask(task, ctx, {
          publisher: o.publisher,
          tracker: o.tracker,
          catalog: o.catalog,
          llm: o.llm,
          logger: o.logger,
          maxAttempts: o.settings.maxAttemptsPerTask,
        }),
    });
  }

  get isRunning(): boolean {
    return this.#planner.state === 'running' && this.#filler.state === 'running';
  }

  async start(): Promise<void> {
    await this.#planner.start();
    await this.#filler.start();
  }

  /** Stops pulling and drains in-flight work for up to `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    await Promise.all([this.#planner.stop(graceMs), this.#filler.stop(graceMs)]);
  }
}
