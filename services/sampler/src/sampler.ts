import type { JetStreamClient, JetStreamManager, Publisher, WorkerContext } from '@magpie/bus';
import type { Catalog } from '@magpie/catalog';
import { AnyRecord, ProblemRecord, chatResponseConfigs, Streams, Subjects, recordIdFor, type SamplesRecord } from '@magpie/contracts';
import { deriveSeed, splitReasoning, type BackendPool, type InferenceClient } from '@magpie/llm';
import type { Logger } from '@magpie/logging';
import { StageLifecycle, createStageWorker, type RunTracker, type StageMetrics, type StageWorkerSettings } from '@magpie/runs';

export interface SamplerOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly publisher: Publisher;
  readonly tracker: RunTracker;
  readonly catalog: Catalog;
  /** The stage's backend replicas; their windows bound how much work this process takes on. */
  readonly pool: BackendPool<InferenceClient>;
  readonly logger: Logger;
  /** Exported on /metrics; also observes the worker. */
  readonly metrics: StageMetrics;
  readonly settings: StageWorkerSettings;
}

/**
 * The sampler stage: `samplesPerProblem` responses per problem in ONE request (`n`), so the
 * backend shares the prompt's prefill across them — unlike Magpie, which calls generate N times.
 */
export class Sampler {
  readonly #o: SamplerOptions;
  readonly #lifecycle: StageLifecycle;

  constructor(o: SamplerOptions) {
    this.#o = o;
    const worker = createStageWorker({
      ...o,
      stage: 'sampler',
      stream: Streams.records.name,
      durableName: 'sampler',
      filterSubject: Subjects.recordsOfKind('problem'),
      schema: ProblemRecord,
      concurrency: o.pool.maxCapacity,
      canPull: () => o.pool.hasHealthyReplica,
      handler: (problem, ctx) => this.#sample(problem, ctx),
    });
    this.#lifecycle = new StageLifecycle({ tracker: o.tracker, resources: [o.pool], workers: [worker] });
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

  async #sample(problem: ProblemRecord, ctx: WorkerContext): Promise<void> {
    const { tracker, pool, publisher, catalog } = this.#o;
    const state = await tracker.state(problem.runId);
    if (!state || state.status !== 'running') return;
    const { model, sampling, samplesPerProblem } = state.spec.sampler;
    // Affinity keeps a problem's solution and samples on one replica, sharing its prefix cache.
    const request = {
      model,
      messages: [{ role: 'user' as const, content: problem.instruction }],
      n: samplesPerProblem,
      temperature: sampling.temperature,
      topP: sampling.topP,
      maxTokens: sampling.maxTokens,
      seed: deriveSeed(state.spec.seed, problem.recordId, 'samples'),
    };
    // A cancelled run aborts this call within moments; there is then nothing to publish.
    const result = await tracker.runWhileActive(problem.runId, ctx.signal, (signal) =>
      pool.run(problem.recordId, (client) => client.chat({ ...request, signal }), signal),
    );
    if (!result) return;
    if (result.choices.length !== samplesPerProblem) {
      throw new Error(`backend returned ${result.choices.length} choices, expected ${samplesPerProblem}`);
    }
    const splits = result.choices.map((c) => ({ ...splitReasoning(c.content, c.reasoning), finishReason: c.finishReason }));
    const record: SamplesRecord = {
      schemaVersion: 1,
      kind: 'samples',
      runId: problem.runId,
      recordId: recordIdFor(problem.runId, 'samples', problem.id),
      id: problem.id,
      problemRecordId: problem.recordId,
      instruction: problem.instruction,
      responses: splits.map((s) => s.response),
      reasonings: splits.map((s) => s.reasoning),
      finishReasons: splits.map((s) => (s.truncatedReasoning ? 'length' : s.finishReason)),
      gen_response_configs: chatResponseConfigs(model, sampling, catalog.models.has(model) ? catalog.models.get(model).stopTokens : []),
      usage: result.usage,
    };
    await publisher.publish(Subjects.record(problem.runId, 'samples'), AnyRecord, record, record.recordId);
    this.#o.metrics.published(result.usage);
    await tracker.recordOutput(problem.runId, 'sampler');
  }
}
