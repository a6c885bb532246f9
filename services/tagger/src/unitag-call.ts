import type { TokenUsage } from '@magpie/contracts';
import { MalformedResponseError, type InferenceClient } from '@magpie/llm';
import type { StageContext } from '@magpie/stage';
import { UNITAG_PREFILL, UNITAG_SAMPLING, UnitagParseError, parseUnitagAnswer, unitagPrompt, type UnitagAnswers, type UnitagMission } from '@magpie/unitag';

/** One mission's outcome: its parsed answer, or why the answer is unusable (Magpie then sets the fields to None). */
export type MissionOutcome<M extends UnitagMission> = { readonly answer: UnitagAnswers[M]; readonly usage: TokenUsage } | { readonly error: string; readonly usage: TokenUsage };

/**
 * Asks the tagging model one of Magpie's unitag prompts the way unitag.py's API path does: the
 * prompt as the user turn, an assistant turn prefilled with "{" that the model continues, greedy,
 * stopping at (and keeping) "}". Resolves undefined when the run ended meanwhile; backend errors
 * are thrown (retried by redelivery), unparseable answers are outcomes.
 */
export async function askUnitag<M extends UnitagMission>(
  mission: M,
  problem: { readonly instruction: string; readonly recordId: string },
  model: string,
  ctx: StageContext<InferenceClient>,
): Promise<MissionOutcome<M> | undefined> {
  const instruction = problem.instruction;
  // One replica per problem: its three prompts share the query, so a prefix cache can help.
  const result = await ctx.backend({ affinity: problem.recordId, sequences: 1 }, (client, signal) =>
    client.chat({
      model,
      messages: [
        { role: 'user', content: unitagPrompt(mission, instruction) },
        { role: 'assistant', content: UNITAG_PREFILL },
      ],
      n: 1,
      temperature: UNITAG_SAMPLING.temperature,
      topP: 1,
      maxTokens: UNITAG_SAMPLING.maxTokens,
      stop: UNITAG_SAMPLING.stop,
      includeStopStrInOutput: UNITAG_SAMPLING.includeStopStrInOutput,
      continueFinalMessage: true,
      signal,
    }),
  );
  if (!result) return undefined;
  const choice = result.choices[0];
  if (!choice) throw new MalformedResponseError('backend returned no choice');
  if (choice.finishReason === 'length') return { error: `${mission} answer was cut at ${UNITAG_SAMPLING.maxTokens} tokens`, usage: result.usage };
  try {
    // A server that ignores the prefill answers with a whole object, brace included.
    const answer = parseUnitagAnswer(mission, choice.content, { prefilled: !choice.content.trimStart().startsWith('{') });
    return { answer, usage: result.usage };
  } catch (err) {
    if (err instanceof UnitagParseError) return { error: err.message.slice(0, 500), usage: result.usage };
    throw err;
  }
}
