import type { Catalog } from '@magpie/catalog';
import { ProblemRecord, RUN_SPEC_DEFAULTS, Streams, Subjects, recordIdFor } from '@magpie/contracts';
import { MalformedResponseError, deriveSeed, splitReasoning, type InferenceClient } from '@magpie/llm';
import { defineStage, problemChat, problemChatConfigs } from '@magpie/stage';

/**
 * The sampler stage: `samplesPerProblem` responses per problem in ONE request (`n`), so the
 * backend shares the prompt's prefill across them — unlike Magpie, which calls generate N times.
 * The request weighs `samplesPerProblem` sequences, which sizes how many problems run at once.
 */
export function samplerStage(deps: { readonly catalog: Catalog }) {
  return defineStage<ProblemRecord, InferenceClient>({
    stage: 'sampler',
    durable: 'sampler',
    stream: Streams.records.name,
    filter: Subjects.recordsOfKind('problem'),
    schema: ProblemRecord,
    concurrency: { expectedSequences: RUN_SPEC_DEFAULTS.samplesPerProblem },
    async handle(problem, ctx) {
      const { samplesPerProblem: n, ...settings } = ctx.run.spec.sampler;
      const seed = deriveSeed(ctx.run.spec.seed, problem.recordId, 'samples');
      // Affinity keeps a problem's solution and samples on one replica, sharing its prefix cache.
      const result = await ctx.backend({ affinity: problem.recordId, sequences: n }, (client, signal) =>
        client.chat(problemChat(problem, settings, { n, seed, signal })),
      );
      if (!result) return;
      if (result.choices.length !== n) {
        throw new MalformedResponseError(`backend returned ${result.choices.length} choices, expected ${n}`);
      }
      const splits = result.choices.map((c) => ({ ...splitReasoning(c.content, c.reasoning), finishReason: c.finishReason }));
      await ctx.emit(
        {
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
          gen_response_configs: problemChatConfigs(deps.catalog, settings),
          usage: result.usage,
        },
        result.usage,
      );
    },
  });
}
