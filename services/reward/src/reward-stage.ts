import { extractFinalAnswer, type AnswerChecker } from '@magpie/answers';
import type { Catalog } from '@magpie/catalog';
import { RUN_SPEC_DEFAULTS, SamplesRecord, Streams, Subjects, recordIdFor, type ChatMessage } from '@magpie/contracts';
import type { RewardClient } from '@magpie/llm';
import { defineStage } from '@magpie/stage';
import { selectPair } from './select-pair.js';

export interface RewardStageDeps {
  /** Tells which HTTP contract each reward model's server speaks. */
  readonly catalog: Catalog;
  /** Decides answer equivalence for the majority pair rule. */
  readonly checker: AnswerChecker;
}

/**
 * The reward stage: scores every sampled response with the run's reward model and emits the
 * scores (`rewards_armorm`, in response order) and the chosen/rejected pair, or why none was made.
 * Scoring a problem's responses weighs one sequence per response.
 */
export function rewardStage(deps: RewardStageDeps) {
  return defineStage<SamplesRecord, RewardClient>({
    stage: 'reward',
    durable: 'reward',
    stream: Streams.records.name,
    filter: Subjects.recordsOfKind('samples'),
    schema: SamplesRecord,
    concurrency: { expectedSequences: RUN_SPEC_DEFAULTS.samplesPerProblem },
    async handle(samples, ctx) {
      const { model, pairRule, minRewardMargin } = ctx.run.spec.reward;
      const api = deps.catalog.models.getReward(model).api;
      const scores = await ctx.backend({ affinity: samples.problemRecordId, sequences: samples.responses.length }, (client, signal) =>
        client.scoreAll(api, { model, instruction: samples.instruction, responses: samples.responses, signal }),
      );
      if (!scores) return;
      const answers = samples.responses.map((response) => extractFinalAnswer(response) ?? null);
      const selection = selectPair({ rule: pairRule, scores, answers, responses: samples.responses, minMargin: minRewardMargin, checker: deps.checker });
      const chat = (index: number): ChatMessage[] => [
        { role: 'user', content: samples.instruction },
        { role: 'assistant', content: samples.responses[index] as string },
      ];
      const emitted = selection.kind === 'pair';
      await ctx.emit({
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
      });
    },
  });
}
