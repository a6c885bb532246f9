import type { Worker, JetStreamClient, JetStreamManager, Publisher, WorkerContext } from '@magpie/bus';
import type { Catalog } from '@magpie/catalog';
import { AnyRecord, ProblemRecord, Streams, Subjects, recordIdFor, type SamplesRecord } from '@magpie/contracts';
import { deriveSeed, splitReasoning, type BackendPool, type InferenceClient } from '@magpie/llm';
import type { Logger } from '@magpie/logging';
import { createStageWorker, type RunTracker, type StageMetrics, type StageWorkerSettings } from '@magpie/runs';

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
  readonly #worker: Worker<ProblemRecord>;

  constructor(o: SamplerOptions) {
    this.#o = o;
    this.#worker = createStageWorker({
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
  }

  get isRunning(): boolean {
    return this.#worker.state === 'running';
  }

  async start(): Promise<void> {
    this.#o.tracker.start();
    this.#o.pool.start();
    await this.#worker.start();
  }

  async stop(graceMs: number): Promise<void> {
    await this.#worker.stop(graceMs);
    this.#o.pool.stop();
    await this.#o.tracker.stop();
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
      gen_response_configs: {
        prompt: null,
        temperature: sampling.temperature,
        top_p: sampling.topP,
        repetition_penalty: 1,
        max_tokens: sampling.maxTokens,
        stop_tokens: catalog.models.has(model) ? catalog.models.get(model).stopTokens : [],
        output_generator: model,
        engine: 'vllm',
      },
      usage: result.usage,
    };
    await publisher.publish(Subjects.record(problem.runId, 'samples'), AnyRecord, record, record.recordId);
    this.#o.metrics.published(result.usage);
    await tracker.recordOutput(problem.runId, 'sampler');
  }
}
