import type { Catalog, ModelEntry } from '@magpie/catalog';
import { recogniseMagpiePrompt } from './magpie-prompt.js';
import type { ProblemRegistry } from './problems/problem-registry.js';
import type { Rng } from './rng.js';

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
}

/**
 * The full text the simulated model "generates" for a raw prompt, before stop handling. A Magpie
 * pre-query prompt gets a math problem in its steered domain, then the model's first stop token
 * and trailing junk (as a real model would produce if the client forgot its stop strings); any other
 * prompt gets a generic continuation.
 */
export function completionText(input: CompletionTextInput): string {
  const { model, rng } = input;
  const topic = recogniseMagpiePrompt({ model, prompt: input.prompt, domains: input.catalog.domains, rng });
  if (!topic) return Array.from({ length: rng.int(3, 8) }, () => rng.pick(GENERIC_SENTENCES)).join('');
  const problem = input.registry.generate(rng, topic.domain, topic.subtopic);
  return `${problem.text}${model.stopTokens[0] ?? ''}${rng.pick(TRAILING_JUNK)}`;
}
