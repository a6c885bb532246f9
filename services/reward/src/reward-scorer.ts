import type { JetStreamClient, JetStreamManager, Publisher, WorkerContext } from '@magpie/bus';
import { AnyRecord, SamplesRecord, Streams, Subjects, recordIdFor, type ChatMessage, type RewardsRecord } from '@magpie/contracts';
import type { Catalog } from '@magpie/catalog';
import type { BackendPool, RewardClient } from '@magpie/llm';
import type { Logger } from '@magpie/logging';
import { StageLifecycle, createStageWorker, type RunTracker, type StageMetrics, type StageWorkerSettings } from '@magpie/runs';
import { extractFinalAnswer, type AnswerChecker } from '@magpie/answers';
import { selectPair } from './select-pair.js';

export interface RewardScorerOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly publisher: Publisher;
  readonly tracker: RunTracker;
  /** Reward server replicas; one scoring call per response. */
  readonly rewards: BackendPool<RewardClient>;
  /** Tells which HTTP contract each reward model's server speaks. */
  readonly catalog: Catalog;
  /** Decides answer equivalence for the majority pair rule. */
  readonly checker: AnswerChecker;
  readonly logger: Logger;
  /** Exported on /metrics; also observes the worker. */
  readonly metrics: StageMetrics;
  readonly settings: StageWorkerSettings;
}

/**
 * The reward stage: scores every sampled response with the run's reward model and emits the
 * scores (`rewards_armorm`, in response order) and the chosen/rejected pair.
 */
export class RewardScorer {
  readonly #o: RewardScorerOptions;
  readonly #lifecycle: StageLifecycle;

  constructor(o: RewardScorerOptions) {
    this.#o = o;
    const worker = createStageWorker({
      ...o,
      stage: 'reward',
      stream: Streams.records.name,
      durableName: 'reward',
      filterSubject: Subjects.recordsOfKind('samples'),
      schema: SamplesRecord,
      // Each message makes one scoring call per response (5 by default).
      concurrency: Math.max(1, Math.ceil(o.rewards.maxCapacity / 5)),
      canPull: () => o.rewards.hasHealthyReplica,
      handler: (samples, ctx) => this.#score(samples, ctx),
    });
    this.#lifecycle = new StageLifecycle({ tracker: o.tracker, resources: [o.rewards], workers: [worker] });
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

  async #score(samples: SamplesRecord, ctx: WorkerContext): Promise<void> {
    const { tracker, rewards, publisher } = this.#o;
    const state = await tracker.state(samples.runId);
    if (!state || state.status !== 'running') return;
    const model = state.spec.reward.model;
    const api = this.#o.catalog.models.getReward(model).api;
    const scores = await tracker.runWhileActive(samples.runId, ctx.signal, (signal) =>
      rewards.run(samples.problemRecordId, (client) => client.scoreAll(api, { model, instruction: samples.instruction, responses: samples.responses, signal }), signal),
    );
    if (!scores) return;
    const answers = samples.responses.map((response) => extractFinalAnswer(response) ?? null);
    const { pairRule, minRewardMargin } = state.spec.reward;
    const selection = selectPair({
      rule: pairRule,
      scores,
      answers,
      responses: samples.responses,
      minMargin: minRewardMargin,
      checker: this.#o.checker,
    });
    const chat = (index: number): ChatMessage[] => [
      { role: 'user', content: samples.instruction },
      { role: 'assistant', content: samples.responses[index] as string },
    ];
    const emitted = selection.kind === 'pair';
    const record: RewardsRecord = {
      schemaVersion: 1,
      kind: 'rewards',
      runId: samples.runId,
      recordId: recordIdFor(samples.runId, 'rewards', samples.id),
      id: samples.id,
      problemRecordId: samples.problemRecordId,
      samplesRecordId: samples.recordId,
      rewards_armorm: scores.map((score) => ({ score })),
      answers,
      pair: {
        rule: pairRule,
        chosenIndex: emitted ? selection.chosen : null,
        rejectedIndex: emitted ? selection.rejected : null,
        margin: selection.margin,
        majorityAnswer: selection.majorityAnswer,
        skipReason: emitted ? null : selection.reason,
      },
      chosen: emitted ? chat(selection.chosen) : null,
      rejected: emitted ? chat(selection.rejected) : null,
      reward_model: model,
    };
    await publisher.publish(Subjects.record(samples.runId, 'rewards'), AnyRecord, record, record.recordId);
    this.#o.metrics.published();
    await tracker.recordOutput(samples.runId, 'reward');
  }
}
