import { Worker, type JetStreamClient, type JetStreamManager, type Publisher, type WorkerHandler, type WorkerMetrics } from '@magpie/bus';
import type { Stage } from '@magpie/contracts';
import type { Logger } from '@magpie/logging';
import type { z } from 'zod';
import type { RunTracker } from './run-tracker.js';

/** Redelivery and concurrency settings every stage takes from its config. */
export interface StageWorkerSettings {
  readonly ackWaitMs: number;
  readonly maxDeliveries: number;
  readonly retry: { readonly baseMs: number; readonly maxMs: number };
}

export interface StageWorkerOptions<T> {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly publisher: Publisher;
  readonly tracker: RunTracker;
  readonly logger: Logger;
  readonly settings: StageWorkerSettings;
  readonly stage: Stage;
  readonly stream: string;
  readonly durableName: string;
  readonly filterSubject: string;
  readonly schema: z.ZodType<T>;
  /** Messages handled at once: sized from the backend pool's capacity, never from NATS batch sizes. */
  readonly concurrency: number;
  readonly handler: WorkerHandler<T>;
  readonly metrics?: WorkerMetrics;
  /** Pull only while this holds (e.g. some backend replica is healthy). */
  readonly canPull?: () => boolean;
}

/**
 * A stage's durable worker with the platform's policy: a dead-lettered message fails its run,
 * so a run never waits forever for a record that will not come.
 */
export function createStageWorker<T>(o: StageWorkerOptions<T>): Worker<T> {
  return new Worker<T>({
    js: o.js,
    jsm: o.jsm,
    publisher: o.publisher,
    stage: o.stage,
    stream: o.stream,
    durableName: o.durableName,
    filterSubject: o.filterSubject,
    schema: o.schema,
    logger: o.logger,
    concurrency: o.concurrency,
    ackWaitMs: o.settings.ackWaitMs,
    maxDeliveries: o.settings.maxDeliveries,
    backoff: o.settings.retry,
    handler: o.handler,
    ...(o.metrics ? { metrics: o.metrics } : {}),
    ...(o.canPull ? { canPull: o.canPull } : {}),
    onDeadLetter: async (letter, runId) => {
      if (runId) await o.tracker.fail(runId, `${o.stage}: ${letter.error}`);
    },
  });
}
