import { GenerationTask, MsgIds, Streams, Subjects, type DeadLetter } from '@magpie/contracts';
import { createLogger } from '@magpie/logging';
import { NatsServerFixture, type NatsServerFixtureOptions } from '@magpie/testing';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll } from 'vitest';
import { connectNats } from './connect-nats.js';
import { FailureCounter } from './failure-counter.js';
import { provisionStreams } from './provision-streams.js';
import { Publisher } from './publisher.js';
import { Worker, type WorkerOptions } from './worker.js';

/** For the worker's integration tests: a real nats-server with the platform's streams, and workers on GEN_TASKS. */
export class WorkerFixture {
  readonly nats: NatsServerFixture;
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly publisher: Publisher;
  readonly failures: FailureCounter;
  readonly logger = createLogger({ name: 'bus-test', level: 'silent' });

  private constructor(nats: NatsServerFixture, nc: NatsConnection, jsm: JetStreamManager, failures: FailureCounter) {
    this.nats = nats;
    this.nc = nc;
    this.js = jetstream(nc);
    this.jsm = jsm;
    this.publisher = new Publisher({ js: this.js });
    this.failures = failures;
  }

  static async start(options: NatsServerFixtureOptions = {}): Promise<WorkerFixture> {
    const nats = await NatsServerFixture.start(options);
    const nc = await connectNats({ servers: nats.url, name: 'bus-test' });
    const jsm = await jetstreamManager(nc);
    await provisionStreams(jsm, { duplicateWindowMs: 60_000, retentionMs: 3_600_000 });
    return new WorkerFixture(nats, nc, jsm, await FailureCounter.open(nc));
  }

  async stop(): Promise<void> {
    await this.nc.close();
    await this.nats.stop();
  }

  task(runId: string, taskIndex: number): GenerationTask {
    return { schemaVersion: 1, runId, taskIndex, slotStart: taskIndex * 10, slotCount: 10 };
  }

  async publishTask(t: GenerationTask): Promise<void> {
    await this.publisher.publish(Subjects.genTask(t.runId), GenerationTask, t, MsgIds.genTask(t.runId, t.taskIndex));
  }

  /** A worker of `test-<runId>` on the run's tasks, with short timings. */
  worker(runId: string, overrides: Partial<WorkerOptions<GenerationTask>> & Pick<WorkerOptions<GenerationTask>, 'handler'>): Worker<GenerationTask> {
    return new Worker<GenerationTask>({
      js: this.js,
      jsm: this.jsm,
      stream: Streams.genTasks.name,
      durableName: `test-${runId}`,
      filterSubject: Subjects.genTask(runId),
      schema: GenerationTask,
      publisher: this.publisher,
      failures: this.failures,
      stage: 'generator',
      logger: this.logger,
      concurrency: 4,
      ackWaitMs: 2_000,
      maxFailures: 3,
      backoff: { baseMs: 50, maxMs: 200 },
      ...overrides,
    });
  }

  async deadLetters(runId: string): Promise<DeadLetter[]> {
    const info = await this.jsm.streams.info(Streams.dlq.name, { subjects_filter: Subjects.deadLettersOfRun(runId) });
    const total = Object.values(info.state.subjects ?? {}).reduce((a, b) => a + b, 0);
    const out: DeadLetter[] = [];
    if (total === 0) return out;
    const consumer = await this.js.consumers.get(Streams.dlq.name, { filter_subjects: Subjects.deadLettersOfRun(runId) });
    for (let i = 0; i < total; i++) {
      const m = await consumer.next({ expires: 2_000 });
      if (m) out.push(m.json<DeadLetter>());
    }
    return out;
  }

  /** Messages of the run's consumer still waiting or unacked: 0 once everything was handled. */
  async backlog(runId: string): Promise<number> {
    const info = await this.jsm.consumers.info(Streams.genTasks.name, `test-${runId}`);
    return info.num_pending + info.num_ack_pending;
  }
}

/** Starts a WorkerFixture before the calling suite's tests and stops it after them; call the result for it. */
export function workerFixtureForSuite(options: NatsServerFixtureOptions | (() => NatsServerFixtureOptions) = {}): () => WorkerFixture {
  let bus: WorkerFixture | undefined;
  beforeAll(async () => {
    bus = await WorkerFixture.start(typeof options === 'function' ? options() : options);
  }, 30_000);
  afterAll(async () => {
    await bus?.stop();
  });
  return () => {
    if (!bus) throw new Error('the worker fixture is not started (call it inside a test)');
    return bus;
  };
}
