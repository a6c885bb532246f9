import { finalAnswerOf } from '@magpie/answers';
import type { Catalog } from '@magpie/catalog';
import { ProblemRecord, Streams, Subjects, recordIdFor, seedScope } from '@magpie/contracts';
import { MalformedResponseError, deriveSeed, splitReasoning, type InferenceClient } from '@magpie/llm';
import { defineStage, problemChat, problemChatConfigs } from '@magpie/stage';

/** The solver stage: one chain-of-thought solution per problem, at the run's (low) solver temperature. */
export function solverStage(deps: { readonly catalog: Catalog }) {
  return defineStage<ProblemRecord, InferenceClient>({
    stage: 'solver',
    durable: 'solver',
    stream: Streams.records.name,
    filter: Subjects.recordsOfKind('problem'),
    schema: ProblemRecord,
    concurrency: { expectedSequences: 1 },
    async handle(problem, ctx) {
      const settings = ctx.run.spec.solver;
      // From the run's seed, the solver's settings and the slot, never the run id: a new run with the same seed and spec asks for the same solution.
      const seed = deriveSeed(ctx.run.spec.seed, seedScope(ctx.run.spec, 'solver'), problem.id, 'solution');
      // Affinity keeps a problem's solution and samples on one replica, sharing its prefix cache.
      const result = await ctx.backend({ affinity: problem.recordId, sequences: 1 }, (client, signal) =>
        client.chat(problemChat(problem, settings, { n: 1, seed, signal })),
      );
      if (!result) return;
      const choice = result.choices[0];
      if (!choice) throw new MalformedResponseError('backend returned no choice');
      const split = splitReasoning(choice.content, choice.reasoning);
      const finishReason = split.truncatedReasoning ? 'length' : choice.finishReason;
      await ctx.emit(
        {
          schemaVersion: 2,
          kind: 'solution',
          runId: problem.runId,
          recordId: recordIdFor(problem.runId, 'solution', problem.id),
          id: problem.id,
          problemRecordId: problem.recordId,
          instruction: problem.instruction,
          response: split.response,
          reasoning: split.reasoning,
          // A truncated solution has no answer: it votes with nothing and is never verified.
          answer: finalAnswerOf(split.response, finishReason),
          finishReason,
          seed,
          gen_response_configs: problemChatConfigs(deps.catalog, settings),
          usage: result.usage,
        },
        result.usage,
      );
    },
  });
}
