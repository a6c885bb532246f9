import { Worker, type Publisher, type JetStreamClient, type JetStreamManager } from '@magpie/bus';
import type { Catalog } from '@magpie/catalog';
import { GenerationTask, RunRequested, Streams, Subjects } from '@magpie/contracts';
import type { InferenceClient } from '@magpie/llm';
import type { Logger } from '@magpie/logging';
import type { RunTracker } from '@magpie/runs';
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
  readonly settings: {
    readonly maxInFlight: number;
    readonly ackWaitMs: number;
    readonly maxDeliveries: number;
    readonly retry: { baseMs: number; maxMs: number };
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
    const common = {
      js: o.js,
      jsm: o.jsm,
      publisher: o.publisher,
      stage: 'generator',
      ackWaitMs: o.settings.ackWaitMs,
      maxDeliveries: o.settings.maxDeliveries,
      backoff: o.settings.retry,
      onDeadLetter: async (letter: { error: string }, runId: string | undefined) => {
        if (runId) await o.tracker.fail(runId, `generator: ${letter.error}`);
      },
    };
    this.#planner = new Worker({
      ...common,
      stream: Streams.runs.name,
      durableName: 'generator-planner',
      filterSubject: Subjects.runEventsOfKind('requested'),
      schema: RunRequested,
      logger: o.logger.child({ worker: 'planner' }),
      concurrency: 4,
      handler: (event) =>
        planRun(event, {
          publisher: o.publisher,
          tracker: o.tracker,
          logger: o.logger,
          catalog: o.catalog,
          slotsPerTask: o.settings.slotsPerTask,
        }),
    });
    this.#filler = new Worker({
      ...common,
      stream: Streams.genTasks.name,
      durableName: 'generator-tasks',
      filterSubject: Subjects.genTasksAll,
      schema: GenerationTask,
      logger: o.logger.child({ worker: 'tasks' }),
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
