import type { ModelEntry } from './model-catalog.js';

/** A Magpie prompt ready for `/v1/completions`. */
export interface PreQueryPrompt {
  /** The raw text sent as `prompt`. */
  readonly prompt: string;
  /** False when the prompt already starts with BOS, so vLLM must not prepend a second one. */
  readonly addSpecialTokens: boolean;
  /** Stop strings for instruction generation: the model's stops plus its assistant stops. */
  readonly stop: string[];
  readonly stopTokenIds: number[];
}

/**
 * Renders the model's pre-query template with a steering system prompt (or the bare template
 * when `system` is undefined).
 */
export function renderPreQuery(model: ModelEntry, system: string | undefined): PreQueryPrompt {
  const prompt = system === undefined ? model.preQueryTemplate : model.systemTemplate.replace('{system}', system);
  return {
    prompt,
    addSpecialTokens: !(model.bosToken !== null && prompt.startsWith(model.bosToken)),
    stop: [...model.stopTokens, ...model.assistantStopTokens],
    stopTokenIds: [...model.stopTokenIds],
  };
}

/**
 * Splits a prompt built by renderPreQuery back into its system text, or returns undefined when the
 * prompt is not this model's template. The simulator uses this to recognise Magpie prompts.
 */
export function matchPreQuery(model: ModelEntry, prompt: string): { system: string | undefined } | undefined {
  const body = model.bosToken !== null && prompt.startsWith(model.bosToken + model.bosToken) ? prompt.slice(model.bosToken.length) : prompt;
  if (body === model.preQueryTemplate) return { system: undefined };
  const [head, tail] = model.systemTemplate.split('{system}') as [string, string];
  if (body.length >= head.length + tail.length && body.startsWith(head) && body.endsWith(tail)) {
    return { system: body.slice(head.length, body.length - tail.length) };
  }
  return undefined;
}
