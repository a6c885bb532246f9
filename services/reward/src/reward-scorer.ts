import type { Worker, JetStreamClient, JetStreamManager, Publisher, WorkerContext } from '@magpie/bus';
import { AnyRecord, SamplesRecord, Streams, Subjects, recordIdFor, type ChatMessage, type RewardsRecord } from '@magpie/contracts';
import type { RewardClient } from '@magpie/llm';
import type { Logger } from '@magpie/logging';
import { createStageWorker, type RunTracker, type StageWorkerSettings } from '@magpie/runs';
import { selectMagpiePair } from './select-pair.js';

export interface RewardScorerOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly publisher: Publisher;
  readonly tracker: RunTracker;
  readonly rewards: RewardClient;
  readonly logger: Logger;
  readonly settings: StageWorkerSettings;
}

/**
 * The reward stage: scores every sampled response with the run's reward model and emits the
 * scores (`rewards_armorm`, in response order) and the chosen/rejected pair.
 */
export class RewardScorer {
  readonly #o: RewardScorerOptions;
  readonly #worker: Worker<SamplesRecord>;

  constructor(o: RewardScorerOptions) {
    this.#o = o;
    this.#worker = createStageWorker({
      ...o,
      stage: 'reward',
      stream: Streams.records.name,
      durableName: 'reward',
      filterSubject: Subjects.recordsOfKind('samples'),
      schema: SamplesRecord,
      // Each message makes one scoring call per response.
      concurrency: Math.max(1, Math.floor(o.settings.maxInFlight / 5)),
      handler: (samples, ctx) => this.#score(samples, ctx),
    });
  }

  get isRunning(): boolean {
    return this.#worker.state === 'running';
  }

  async start(): Promise<void> {
    await this.#worker.start();
  }

  async stop(graceMs: number): Promise<void> {
    await this.#worker.stop(graceMs);
  }

  async #score(samples: SamplesRecord, ctx: WorkerContext): Promise<void> {
    const { tracker, rewards, publisher } = this.#o;
    const state = await tracker.state(samples.runId);
    if (!state || state.status !== 'running') return;
    const model = state.spec.reward.model;
    const scores = await Promise.all(
      samples.responses.map((response) => rewards.score({ model, instruction: samples.instruction, response, signal: ctx.signal })),
    );
    const pair = selectMagpiePair(scores);
    const chat = (index: number): ChatMessage[] => [
      { role: 'user', content: samples.instruction },
      { role: 'assistant', content: samples.responses[index] as string },
    ];
    const record: RewardsRecord = {
      schemaVersion: 1,
      kind: 'rewards',
      runId: samples.runId,
      recordId: recordIdFor(samples.runId, 'rewards', samples.id),
      id: samples.id,
      problemRecordId: samples.problemRecordId,
      samplesRecordId: samples.recordId,
      rewards_armorm: scores.map((score) => ({ score })),
      chosen: chat(pair.chosen),
      rejected: chat(pair.rejected),
      reward_model: model,
    };
    await publisher.publish(Subjects.record(samples.runId, 'rewards'), AnyRecord, record, record.recordId);
    await tracker.recordOutput(samples.runId, 'reward');
  }
}
