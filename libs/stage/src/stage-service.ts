import { Worker, type FailureCounter, type JetStreamClient, type JetStreamManager, type Publisher, type WorkerContext } from '@magpie/bus';
import type { BackendPool } from '@magpie/llm';
import type { Logger } from '@magpie/logging';
import type { PauseNotes, RunTracker } from '@magpie/runs';
import { MessageBudget } from './message-budget.js';
import { createStageContext } from './stage-context.js';
import type { StageDefinition, StageInput } from './stage-definition.js';
import type { StageMetrics } from './stage-metrics.js';

/** Redelivery settings every stage takes from its configuration (libs/config workerEnv). */
export interface StageWorkerSettings {
  readonly ackWaitMs: number;
  /** Handler failures before a dead letter; redeliveries after crashes and shutdowns do not count. */
  readonly maxFailures: number;
  /** Deliveries of any kind before a dead letter: a safety bound far above what restarts cause. */
  readonly maxDeliveries: number;
  readonly retry: { readonly baseMs: number; readonly maxMs: number };
}

export interface StageServiceOptions<C> {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly publisher: Publisher;
  readonly tracker: RunTracker;
  /** Handler failures per message, shared by every replica. */
  readonly failures: FailureCounter;
  /** Where a stage paused by a full NATS store says so, for GetRun. */
  readonly notes: PauseNotes;
  readonly logger: Logger;
  /** Exported on /metrics; observes the workers and, through onCall, the pool. */
  readonly metrics: StageMetrics;
  readonly settings: StageWorkerSettings;
  /** The backend replicas the stages call; opened and closed with the service. */
  readonly pool?: BackendPool<C>;
  /** One durable worker each; a process may run several (the generator's planner and task filler). */
  readonly stages: readonly StageDefinition<StageInput, C>[];
}

/**
 * Runs stages with the steps every stage shares: a durable worker per stage with the platform's
 * redelivery policy; per message, the run's state (a message of a run that is not `running` is
 * acked without work), backend calls that abort when the run ends, outputs published under their
 * deterministic ids and counted, and the run's completion check before the ack. A dead-lettered
 * message fails its run, so a run never waits for a record that will not come.
 *
 * Start: follow run status, open the pool, then pull. Stop: finish or nak in-flight work first,
 * then close the pool and the status watch.
 */
export class StageService<C> {
  readonly #o: StageServiceOptions<C>;
  readonly #workers: Worker<StageInput>[];

  constructor(options: StageServiceOptions<C>) {
    this.#o = options;
    this.#workers = options.stages.map((definition) => this.#worker(definition));
  }

  /** True while every worker is pulling. */
  get isRunning(): boolean {
    return this.#workers.every((w) => w.state === 'running');
  }

  async start(): Promise<void> {
    this.#o.tracker.start();
    this.#o.pool?.start();
    for (const worker of this.#workers) await worker.start();
  }

  /** Stops pulling and drains in-flight work for up to `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.stop(graceMs)));
    this.#o.pool?.stop();
    await this.#o.tracker.stop();
  }

  #worker(definition: StageDefinition<StageInput, C>): Worker<StageInput> {
    const { pool, settings, tracker } = this.#o;
    const logger = this.#o.logger.child({ worker: definition.durable });
    const budget = this.#budgetOf(definition);
    return new Worker<StageInput>({
      js: this.#o.js,
      jsm: this.#o.jsm,
      publisher: this.#o.publisher,
      stage: definition.stage,
      stream: definition.stream,
      durableName: definition.durable,
      filterSubject: definition.filter,
      schema: definition.schema,
      logger,
      concurrency: budget ? () => budget.messages : 'fixed' in definition.concurrency ? definition.concurrency.fixed : 1,
      ...(budget ? { maxAckPending: 4 * budget.maxMessages } : {}),
      ackWaitMs: settings.ackWaitMs,
      maxFailures: settings.maxFailures,
      maxDeliveries: settings.maxDeliveries,
      failures: this.#o.failures,
      backoff: settings.retry,
      metrics: this.#o.metrics.worker(definition.durable),
      // Work waits in the stream while every replica is down, rather than burning deliveries.
      ...(budget && pool ? { canPull: () => pool.hasHealthyReplica } : {}),
      handler: (input, delivery) => this.#handle(definition, { input, delivery, logger, budget }),
      onDeadLetter: async (letter, runId) => {
        if (runId) await tracker.fail(runId, `${definition.stage}: ${letter.error}`);
      },
      onStorePaused: (message, since) => {
        void this.#o.notes.setStoreFull(definition.stage, message, since).catch((err: unknown) => logger.warn({ err }, 'could not write the pause note'));
      },
      onStoreResumed: () => {
        void this.#o.notes.clearStoreFull().catch((err: unknown) => logger.warn({ err }, 'could not clear the pause note'));
      },
    });
  }

  /** The budget that sizes a backend stage's concurrency; undefined for a fixed one. */
  #budgetOf(definition: StageDefinition<StageInput, C>): MessageBudget | undefined {
    const { concurrency } = definition;
    if (!('expectedSequences' in concurrency)) return undefined;
    const pool = this.#o.pool;
    if (!pool) throw new RangeError(`stage ${definition.durable} sizes its concurrency from a backend pool, but has none`);
    return new MessageBudget(() => pool.maxSequences, concurrency.expectedSequences);
  }

  async #handle(
    definition: StageDefinition<StageInput, C>,
    m: { input: StageInput; delivery: WorkerContext; logger: Logger; budget: MessageBudget | undefined },
  ): Promise<void> {
    const { tracker, publisher, metrics } = this.#o;
    const runId = m.input.runId;
    const run = await tracker.state(runId);
    if (!run || run.status !== 'running') {
      m.logger.debug({ runId, status: run?.status ?? 'unknown' }, 'run not running; acking without work');
      return;
    }
    const { context, emitted } = createStageContext<C>({
      run,
      delivery: m.delivery,
      logger: m.logger,
      pool: this.#o.pool,
      budget: m.budget,
      runWhileActive: (signal, work) => tracker.runWhileActive(runId, signal, work),
      isActive: () => tracker.isActive(runId),
      publish: async (subject, schema, payload, msgId) => {
        await publisher.publish(subject, schema, payload, msgId);
      },
      increment: async (subject, delta, msgId) => {
        await publisher.increment(subject, delta, msgId);
      },
      onEmitted: (usage) => metrics.published(usage),
    });
    await definition.handle(m.input, context);
    if (!emitted()) return;
    // Acked only once a completion check that began after the outputs were stored has run; the
    // check needs no backend, so the next message may start meanwhile.
    m.delivery.freeSlot();
    await tracker.recordOutput(runId);
  }
}
