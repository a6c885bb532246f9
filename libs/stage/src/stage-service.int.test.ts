import { FailureCounter, PermanentError, TransientError, connectNats, type NatsConnection } from '@magpie/bus';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { AnyRecord, ProblemRecord, Streams, Subjects, recordIdFor, type RunState } from '@magpie/contracts';
import { createInferencePool, type BackendPool, type InferenceClient } from '@magpie/llm';
import { LlmSimulator } from '@magpie/llm-sim';
import { createLogger } from '@magpie/logging';
import { RunStore, openPlatform, type Platform } from '@magpie/runs';
import { createMetricsRegistry } from '@magpie/runtime';
import { NatsServerFixture, SIM_IDEAL, fixtures, waitFor } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemChat, problemChatConfigs } from './problem-chat.js';
import { defineStage, type StageContext } from './stage-definition.js';
import { StageMetrics } from './stage-metrics.js';
import { StageService } from './stage-service.js';

// The framework against a real nats-server and the simulator over HTTP: one service, one durable,
// and a behaviour per run so each test drives its own run through the same worker.
const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const logger = createLogger({ name: 'stage-test', level: 'silent' });
type Behaviour = (problem: ProblemRecord, ctx: StageContext<InferenceClient>) => Promise<void>;
const behaviours = new Map<string, Behaviour>();
const deliveries: { runId: string; deliveryCount: number }[] = [];

const stage = defineStage<ProblemRecord, InferenceClient>({
  stage: 'solver',
  durable: 'stage-test',
  stream: Streams.records.name,
  filter: Subjects.recordsOfKind('problem'),
  schema: ProblemRecord,
  concurrency: { expectedSequences: 1 },
  async handle(problem, ctx) {
    deliveries.push({ runId: problem.runId, deliveryCount: ctx.delivery.deliveryCount });
    await behaviours.get(problem.runId)?.(problem, ctx);
  },
});

let nats: NatsServerFixture;
let nc: NatsConnection;
let platform: Platform;
let sim: LlmSimulator;
let pool: BackendPool<InferenceClient>;
let service: StageService<InferenceClient>;
const registry = createMetricsRegistry('stage-test');

beforeAll(async () => {
  nats = await NatsServerFixture.start();
  nc = await connectNats({ servers: nats.url, name: 'stage-test' });
  platform = await openPlatform({ nc, logger, duplicateWindowMs: 60_000, retentionMs: 3_600_000 });
  sim = new LlmSimulator({ catalog, seed: 5, ...SIM_IDEAL });
  const port = await sim.start();
  pool = await createInferencePool({ baseUrls: [`http://127.0.0.1:${port}/v1`], apiKey: 'EMPTY', timeoutMs: 10_000, window: 8, minWindow: 1, probeIntervalMs: 0 });
  service = new StageService({
    ...platform,
    failures: await FailureCounter.open(nc),
    notes: platform.store.notes,
    logger,
    metrics: new StageMetrics(registry),
    pool,
    settings: { ackWaitMs: 5_000, maxFailures: 3, maxDeliveries: 100, retry: { baseMs: 50, maxMs: 200 } },
    stages: [stage],
  });
  await service.start();
}, 30_000);

afterAll(async () => {
  await service?.stop(1_000);
  await nc?.close();
  await sim?.stop();
  await nats?.stop();
});

function problemOf(runId: string, id = 0): ProblemRecord {
  return { ...fixtures.problem(id), runId, recordId: recordIdFor(runId, 'problem', id) };
}

async function startRun(runId: string, overrides: Partial<RunState> = {}): Promise<void> {
  await platform.store.create(fixtures.runState({ runId, ...overrides }));
}

async function publish(record: AnyRecord): Promise<void> {
  await platform.publisher.publish(Subjects.record(record.runId, record.kind), AnyRecord, record, record.recordId);
}

/** A solution from the simulator through the stage's pool, as the solver makes one. */
const solve: Behaviour = async (problem, ctx) => {
  const settings = ctx.run.spec.solver;
  const result = await ctx.backend({ affinity: problem.recordId, sequences: 1 }, (client, signal) => client.chat(problemChat(problem, settings, { n: 1, seed: 1, signal })));
  if (!result) return;
  const content = result.choices[0]?.content ?? '';
  await ctx.emit(
    {
      ...fixtures.solution(problem.id),
      runId: problem.runId,
      recordId: recordIdFor(problem.runId, 'solution', problem.id),
      problemRecordId: problem.recordId,
      response: content,
      gen_response_configs: problemChatConfigs(catalog, settings),
      usage: result.usage,
    },
    result.usage,
  );
};

/** Messages of the durable still waiting or unacked: 0 once everything was handled. */
async function backlog(): Promise<number> {
  const info = await platform.jsm.consumers.info(Streams.records.name, 'stage-test');
  return info.num_pending + info.num_ack_pending;
}

describe('StageService', () => {
  it("calls the backend and publishes the output under its record id, once, even when the message is redelivered", async () => {
    const runId = 'stage-once';
    await startRun(runId);
    behaviours.set(runId, async (problem, ctx) => {
      await solve(problem, ctx);
      if (ctx.delivery.deliveryCount === 1) throw new TransientError('lost the ack');
    });
    await publish(problemOf(runId));
    await waitFor('the redelivery', () => deliveries.filter((d) => d.runId === runId).length === 2 && backlog().then((n) => n === 0), 20_000, 50);
    expect(deliveries.filter((d) => d.runId === runId).map((d) => d.deliveryCount)).toEqual([1, 2]);
    expect((await platform.log.counts(runId)).records.solution).toBe(1);
    const stored = [];
    for await (const r of platform.log.readStored(runId, 'solution')) stored.push(r.record);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'solution', recordId: `${runId}:solution:0`, problemRecordId: `${runId}:problem:0` });
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/magpie_records_out_total\{service="stage-test"\} [1-9]/);
    expect(metrics).toMatch(/magpie_messages_total\{outcome="retried",kind="TransientError",service="stage-test"\} 1/);
  });

  it('moves the run to succeeded with its last output', async () => {
    const runId = 'stage-complete';
    await startRun(runId, { spec: { ...fixtures.SPEC, count: 1 } });
    const p = problemOf(runId);
    const s = fixtures.samples(0);
    const r = fixtures.rewards(0);
    behaviours.set(runId, solve);
    await publish({ ...s, runId, recordId: recordIdFor(runId, 'samples', 0) });
    await publish({ ...r, runId, recordId: recordIdFor(runId, 'rewards', 0) });
    await publish(p);
    await waitFor('the run to succeed', async () => (await platform.store.get(runId))?.status === 'succeeded', 20_000, 50);
    expect((await platform.log.counts(runId)).records).toEqual({ problem: 1, solution: 1, samples: 1, rewards: 1, tags: 0 });
  });

  it('acks a message of a run that is not running without calling the handler', async () => {
    const runId = 'stage-cancelled';
    await startRun(runId, { status: 'cancelled', finishedAt: new Date().toISOString() });
    behaviours.set(runId, solve);
    await publish(problemOf(runId));
    // A later message of a running run shows the worker got past the cancelled one.
    await startRun('stage-after');
    behaviours.set('stage-after', solve);
    await publish(problemOf('stage-after'));
    await waitFor('both handled', async () => (await platform.log.counts('stage-after')).records.solution === 1 && (await backlog()) === 0, 20_000, 50);
    expect(deliveries.filter((d) => d.runId === runId)).toEqual([]);
    expect((await platform.log.counts(runId)).records.solution).toBe(0);
  });

  it('aborts an in-flight backend call when another process cancels the run, and publishes nothing', async () => {
    const runId = 'stage-abort';
    await startRun(runId);
    let entered = false;
    let outcome: 'aborted' | 'finished' | undefined;
    behaviours.set(runId, async (problem, ctx) => {
      const result = await ctx.backend({ sequences: 1 }, (_client, signal) => {
        entered = true;
        return new Promise<string>((resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
          setTimeout(() => resolve('too late'), 30_000).unref();
        });
      });
      outcome = result === undefined ? 'aborted' : 'finished';
      if (result !== undefined) await solve(problem, ctx);
    });
    await publish(problemOf(runId));
    await waitFor('the backend call', () => entered, 20_000, 20);
    // The gateway's own store, as a CancelRun would write it.
    const gatewayStore = await RunStore.open(nc);
    await gatewayStore.transition(runId, 'cancelled', 'user');
    await waitFor('the call to be aborted', () => outcome, 10_000, 20);
    expect(outcome).toBe('aborted');
    await waitFor('the ack', async () => (await backlog()) === 0, 10_000, 50);
    expect((await platform.log.counts(runId)).records.solution).toBe(0);
  });

  it('dead-letters a message the handler refuses and fails its run, naming the stage', async () => {
    const runId = 'stage-refused';
    await startRun(runId);
    behaviours.set(runId, () => Promise.reject(new PermanentError('the problem is unsolvable')));
    await publish(problemOf(runId));
    await waitFor('the run to fail', async () => (await platform.store.get(runId))?.status === 'failed', 20_000, 50);
    expect((await platform.store.get(runId))?.reason).toBe('solver: the problem is unsolvable');
    expect((await platform.log.counts(runId)).deadLettered).toBe(1);
  });
});
