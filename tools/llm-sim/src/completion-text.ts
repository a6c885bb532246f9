import { matchPreQuery, type ModelEntry } from '@magpie/catalog';
import type { Rng } from './rng.js';
import type { SimContext } from './sim-context.js';
import { unitagReply } from './tag-reply.js';

/** What a real chat model tends to emit after its end-of-turn token when nothing stops it. */
const TRAILING_JUNK = [
  '\n\nassistant\n\nSure! Let me solve this step by step.',
  '\nassistant\nSure, here is the solution:',
  '\n\nAssistant: Sure! To solve this, we first',
];

const GENERIC_SENTENCES = [
  ' This is a continuation of the given text.',
  ' The simulator does not recognise this prompt, so it writes filler.',
  ' More details would follow here in a real model.',
  ' Each sentence is chosen at random.',
  ' The text goes on for a while.',
];

export interface CompletionTextInput {
  readonly model: ModelEntry;
  readonly prompt: string;
  readonly rng: Rng;
  /** When true, a Magpie prompt gets an empty problem: the model emits its stop token at once. */
  readonly empty?: boolean;
  readonly temperature: number;
  readonly maxTokens: number;
}

/**
 * The full text the simulated model "generates" for a raw prompt, before stop handling. A Magpie
 * pre-query prompt gets an instruction from the content model, then the model's first stop token
 * and trailing junk (as a real model would produce if the client forgot its stop strings); a
 * unitag prompt gets its JSON tag; a prompt containing a known problem gets a worked solution (raw
 * `<think>` for a reasoning model); any other prompt gets a generic continuation. With `empty`, a
 * Magpie prompt gets only the stop token.
 */
export function completionText(ctx: SimContext, input: CompletionTextInput): string {
  const { model, rng } = input;
  const match = matchPreQuery(model, input.prompt);
  if (!match) {
    const tag = unitagReply(ctx, input.prompt, input.prompt.trimEnd().endsWith('{'));
    if (tag !== undefined) return tag;
    // A raw prompt holding one of our problems (a hand-applied chat template) gets a worked answer;
    // vLLM never parses reasoning on /v1/completions, so a reasoning model's <think> stays inline.
    if (ctx.content.knows(input.prompt)) return ctx.content.answer({ model, question: input.prompt, temperature: input.temperature, maxTokens: input.maxTokens, rng });
    return Array.from({ length: rng.int(3, 8) }, () => rng.pick(GENERIC_SENTENCES)).join('');
  }
  // Real models sometimes end the turn before writing anything; the generator must top such slots up.
  if (input.empty === true) return model.stopTokens[0] ?? '';
  const instruction = ctx.content.magpieInstruction({ model, system: match.system, rng });
  return `${instruction}${model.stopTokens[0] ?? ''}${rng.pick(TRAILING_JUNK)}`;
}
