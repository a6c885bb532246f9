import type { Catalog, ModelEntry } from '@magpie/catalog';
import { recogniseMagpiePrompt } from './magpie-prompt.js';
import type { ProblemRegistry } from './problems/problem-registry.js';
import type { Rng } from './rng.js';
import { solutionWithThinking } from './solution-text.js';

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
  readonly catalog: Catalog;
  readonly registry: ProblemRegistry;
  readonly model: ModelEntry;
  readonly prompt: string;
  readonly rng: Rng;
  /** When true, a Magpie prompt gets an empty problem: the model emits its stop token at once. */
  readonly empty?: boolean;
  /** Probability that a worked solution (for a prompt that contains a known problem) is correct. */
  readonly accuracy: number;
}

/**
 * The full text the simulated model "generates" for a raw prompt, before stop handling. A Magpie
 * pre-query prompt gets a math problem in its steered domain, then the model's first stop token
 * and trailing junk (as a real model would produce if the client forgot its stop strings); a prompt
 * containing a known problem gets a worked solution (raw `<think>` for a reasoning model); any other
 * prompt gets a generic continuation. With `empty`, a Magpie prompt gets only the stop token.
 */
export function completionText(input: CompletionTextInput): string {
  const { model, rng } = input;
  const topic = recogniseMagpiePrompt({ model, prompt: input.prompt, domains: input.catalog.domains, rng });
  if (!topic) {
    // A raw prompt holding one of our problems (a hand-applied chat template) gets a worked answer;
    // vLLM never parses reasoning on /v1/completions, so a reasoning model's <think> stays inline.
    const solution = input.registry.solve(input.prompt);
    if (solution) return solutionWithThinking({ solution, rng, accuracy: input.accuracy, thinking: model.reasoning });
    return Array.from({ length: rng.int(3, 8) }, () => rng.pick(GENERIC_SENTENCES)).join('');
  }
  // Real models sometimes end the turn before writing anything; the generator must top such slots up.
  if (input.empty === true) return model.stopTokens[0] ?? '';
  const problem = input.registry.generate(rng, topic.domain, topic.subtopic);
  return `${problem.text}${model.stopTokens[0] ?? ''}${rng.pick(TRAILING_JUNK)}`;
}
