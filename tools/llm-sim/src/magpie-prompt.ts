import { matchPreQuery, type DomainCatalog, type ModelEntry } from '@magpie/catalog';
import type { Rng } from './rng.js';

/** The domain (and subtopic, when the steering prompt names one) a Magpie prompt asks for. */
export interface MagpieTopic {
  readonly domain: string;
  readonly subtopic: string | undefined;
}

/**
 * Recognises a Magpie pre-query prompt for `model` and the topic its system text steers towards:
 * an exact subtopic systemPrompt gives that subtopic, an exact domain systemPrompt gives the domain;
 * no or unknown system text gives a random domain. Undefined when the prompt is not the model's
 * pre-query template.
 */
export function recogniseMagpiePrompt(input: { model: ModelEntry; prompt: string; domains: DomainCatalog; rng: Rng }): MagpieTopic | undefined {
  const match = matchPreQuery(input.model, input.prompt);
  return match ? exactTopic(match.system, input.domains, input.rng) : undefined;
}

/** The ideal profile's steering: only an exact catalog system prompt names a topic; anything else gives a random domain. */
export function exactTopic(system: string | undefined, domains: DomainCatalog, rng: Rng): MagpieTopic {
  for (const domain of domains.all()) {
    if (domain.systemPrompt === system) return { domain: domain.name, subtopic: undefined };
    const subtopic = domain.subtopics.find((s) => s.systemPrompt === system);
    if (subtopic) return { domain: domain.name, subtopic: subtopic.name };
  }
  return { domain: rng.pick(domains.names), subtopic: undefined };
}

/**
 * True when vLLM would see two BOS tokens: the prompt starts with the model's BOS text while
 * add_special_tokens is not false (so the tokenizer prepends another), or it literally starts with two.
 */
export function hasDoubleBos(model: ModelEntry, prompt: string, addSpecialTokens: boolean): boolean {
  const bos = model.bosToken;
  if (bos === null) return false;
  return prompt.startsWith(bos + bos) || (addSpecialTokens && prompt.startsWith(bos));
}
