import type { WorkerContext } from '@magpie/bus';
import { AnyRecord, Subjects, type RunState, type TokenUsage } from '@magpie/contracts';
import type { BackendPool } from '@magpie/llm';
import type { Logger } from '@magpie/logging';
import type { z } from 'zod';
import type { MessageBudget } from './message-budget.js';
import type { StageContext } from './stage-definition.js';

/** Where a handler's context sends its calls and publishes: NATS in a service, memory in handleOnce. */
export interface StageContextDeps<C> {
  readonly run: RunState;
  readonly delivery: WorkerContext;
  readonly logger: Logger;
  readonly pool: BackendPool<C> | undefined;
  /** Told every call's sequences, when the stage's concurrency follows the backend. */
  readonly budget: MessageBudget | undefined;
  /** Runs work with a signal that also aborts when the run ends; undefined when it ended. */
  readonly runWhileActive: <R>(signal: AbortSignal, work: (signal: AbortSignal) => Promise<R>) => Promise<R | undefined>;
  readonly isActive: () => Promise<boolean>;
  readonly publish: <P>(subject: string, schema: z.ZodType<P>, payload: P, msgId: string) => Promise<void>;
  readonly increment: (subject: string, delta: number, msgId: string) => Promise<void>;
  /** Called after each emitted record is stored. */
  readonly onEmitted: (usage: TokenUsage | undefined) => void;
}

/** Thrown when a stage without a backend pool asks for a backend call: a wiring mistake. */
export class NoBackendError extends Error {
  override readonly name = 'NoBackendError';
  readonly retryable = false;
}

/** A handler's context over `deps`; `emitted` tells afterwards whether any record went out. */
export function createStageContext<C>(deps: StageContextDeps<C>): { context: StageContext<C>; emitted: () => boolean } {
  let emitted = false;
  const context: StageContext<C> = {
    run: deps.run,
    delivery: deps.delivery,
    logger: deps.logger,
    backend: async (call, work) => {
      const pool = deps.pool;
      if (!pool) throw new NoBackendError(`stage has no backend pool for a call of ${call.sequences} sequences`);
      deps.budget?.observe(call.sequences);
      return deps.runWhileActive(deps.delivery.signal, (signal) =>
        pool.run({ affinity: call.affinity, sequences: call.sequences, signal }, (client) => work(client, signal)),
      );
    },
    isActive: deps.isActive,
    emit: async (record, usage) => {
      await deps.publish(Subjects.record(record.runId, record.kind), AnyRecord, record, record.recordId);
      emitted = true;
      deps.onEmitted(usage);
    },
    publish: deps.publish,
    increment: deps.increment,
  };
  return { context, emitted: () => emitted };
}
