import type { Catalog } from '@magpie/catalog';
import { chatResponseConfigs, type GenResponseConfigs, type ProblemRecord, type StageSettings } from '@magpie/contracts';
import type { ChatRequest } from '@magpie/llm';

/** The chat request the solver and the sampler send for a problem: the instruction as the only user turn. */
export function problemChat(problem: ProblemRecord, settings: StageSettings, call: { readonly n: number; readonly seed: number; readonly signal: AbortSignal }): ChatRequest {
  return {
    model: settings.model,
    messages: [{ role: 'user', content: problem.instruction }],
    n: call.n,
    temperature: settings.sampling.temperature,
    topP: settings.sampling.topP,
    maxTokens: settings.sampling.maxTokens,
    seed: call.seed,
    signal: call.signal,
  };
}

/** Magpie's `gen_response_configs` of such a call, with the model's stop tokens from the catalog (none for a model it lacks). */
export function problemChatConfigs(catalog: Catalog, settings: StageSettings): GenResponseConfigs {
  const stopTokens = catalog.models.has(settings.model) ? catalog.models.get(settings.model).stopTokens : [];
  return chatResponseConfigs(settings.model, settings.sampling, stopTokens);
}
