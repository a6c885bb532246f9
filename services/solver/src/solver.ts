import type { JetStreamClient, JetStreamManager, Publisher, WorkerContext } from '@magpie/bus';
import { extractFinalAnswer } from '@magpie/answers';
import type { Catalog } from '@magpie/catalog';
import { AnyRecord, ProblemRecord, chatResponseConfigs, Streams, Subjects, recordIdFor, type SolutionRecord } from '@magpie/contracts';
import { deriveSeed, splitReasoning, type BackendPool, type InferenceClient } from '@magpie/llm';
import type { Logger } from '@magpie/logging';
import { StageLifecycle, createStageWorker, type RunTracker, type StageMetrics, type StageWorkerSettings } from '@magpie/runs';

export interface SolverOptions {
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

/** The solver stage: one chain-of-thought solution per problem, at the run's (low) solver temperature. */
export class Solver {
  readonly #o: SolverOptions;
  readonly #lifecycle: StageLifecycle;

  constructor(o: SolverOptions) {
    this.#o = o;
    const worker = createStageWorker({
      ...o,
      stage: 'solver',
      stream: Streams.records.name,
      durableName: 'solver',
      filterSubject: Subjects.recordsOfKind('problem'),
      schema: ProblemRecord,
      concurrency: o.pool.maxCapacity,
      canPull: () => o.pool.hasHealthyReplica,
      handler: (problem, ctx) => this.#solve(problem, ctx),
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

  async #solve(problem: ProblemRecord, ctx: WorkerContext): Promise<void> {
    const { tracker, pool, publisher, catalog } = this.#o;
    const state = await tracker.state(problem.runId);
    if (!state || state.status !== 'running') return;
    const { model, sampling } = state.spec.solver;
    const seed = deriveSeed(state.spec.seed, problem.recordId, 'solution');
    // Affinity keeps a problem's solution and samples on one replica, sharing its prefix cache.
    const request = {
      model,
      messages: [{ role: 'user' as const, content: problem.instruction }],
      n: 1,
      temperature: sampling.temperature,
      topP: sampling.topP,
      maxTokens: sampling.maxTokens,
      seed,
    };
    // A cancelled run aborts this call within moments; there is then nothing to publish.
    const result = await tracker.runWhileActive(problem.runId, ctx.signal, (signal) =>
      pool.run(problem.recordId, (client) => client.chat({ ...request, signal }), signal),
    );
    if (!result) return;
    const choice = result.choices[0];
    if (!choice) throw new Error("backend returned no choice");
    const split = splitReasoning(choice.content, choice.reasoning);
    const record: SolutionRecord = {
      schemaVersion: 1,
      kind: 'solution',
      runId: problem.runId,
      recordId: recordIdFor(problem.runId, 'solution', problem.id),
      id: problem.id,
      problemRecordId: problem.recordId,
      instruction: problem.instruction,
      response: split.response,
      reasoning: split.reasoning,
      answer: extractFinalAnswer(split.response) ?? null,
      finishReason: split.truncatedReasoning ? 'length' : choice.finishReason,
      gen_response_configs: chatResponseConfigs(model, sampling, catalog.models.has(model) ? catalog.models.get(model).stopTokens : []),
      usage: result.usage,
    };
    await publisher.publish(Subjects.record(problem.runId, 'solution'), AnyRecord, record, record.recordId);
    this.#o.metrics.published(result.usage);
    await tracker.recordOutput(problem.runId, 'solver');
  }
}
