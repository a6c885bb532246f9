import type { WorkerContext } from '@magpie/bus';
import { AnyRecord, type RunState, type TokenUsage } from '@magpie/contracts';
import type { BackendPool } from '@magpie/llm';
import { createLogger } from '@magpie/logging';
import { createStageContext } from './stage-context.js';
import type { StageDefinition, StageInput } from './stage-definition.js';

/** What one handler call published, every payload checked against its schema as the publisher would. */
export interface HandledMessage {
  readonly records: AnyRecord[];
  readonly usage: (TokenUsage | undefined)[];
  readonly messages: { readonly subject: string; readonly payload: unknown; readonly msgId: string }[];
  /** Counter increments by msg id; a repeated msg id keeps the first, as JetStream's deduplication does. */
  readonly increments: Map<string, { readonly subject: string; readonly delta: number }>;
}

export interface HandleOnceOptions<C> {
  /** The message's run (status `running`, as the framework only calls handlers then). */
  readonly run: RunState;
  /** The stage's backend: a real pool, e.g. over the simulator. */
  readonly pool?: BackendPool<C>;
  readonly deliveryCount?: number;
  /** Aborts the handler's backend calls, as a run that ended would. */
  readonly signal?: AbortSignal;
  /** What ctx.isActive answers; true by default. */
  readonly isActive?: () => Promise<boolean>;
}

/**
 * For handler tests: calls a stage's handler once with a context whose backend is `pool` and
 * whose publishes are kept in memory (schema-checked) instead of going to NATS.
 */
export async function handleOnce<T extends StageInput, C>(definition: StageDefinition<T, C>, input: T, options: HandleOnceOptions<C>): Promise<HandledMessage> {
  const handled: HandledMessage = { records: [], usage: [], messages: [], increments: new Map() };
  const signal = options.signal ?? new AbortController().signal;
  const deliveryCount = options.deliveryCount ?? 1;
  const delivery: WorkerContext = { subject: definition.filter, streamSequence: 1, deliveryCount, failures: deliveryCount - 1, signal, freeSlot: () => undefined };
  const { context } = createStageContext<C>({
    run: options.run,
    delivery,
    logger: createLogger({ name: definition.durable, level: 'silent' }),
    pool: options.pool,
    budget: undefined,
    runWhileActive: async (callerSignal, work) => {
      try {
        return await work(callerSignal);
      } catch (err) {
        if (callerSignal.aborted) return undefined;
        throw err;
      }
    },
    isActive: options.isActive ?? (() => Promise.resolve(true)),
    publish: (subject, schema, payload, msgId) => {
      const parsed = schema.parse(payload);
      const record = AnyRecord.safeParse(parsed);
      if (record.success && record.data.recordId === msgId) handled.records.push(record.data);
      else handled.messages.push({ subject, payload: parsed, msgId });
      return Promise.resolve();
    },
    increment: (subject, delta, msgId) => {
      if (!handled.increments.has(msgId)) handled.increments.set(msgId, { subject, delta });
      return Promise.resolve();
    },
    onEmitted: (usage) => handled.usage.push(usage),
  });
  await definition.handle(definition.schema.parse(input), context);
  return handled;
}
