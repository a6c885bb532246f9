import { randomUUID } from 'node:crypto';
import { approxTokens } from './approx-tokens.js';
import { choiceSeed } from './choice-seed.js';
import { completionText } from './completion-text.js';
import { deriveSeed } from '@magpie/llm';
import { finishText } from './finish-text.js';
import { hasDoubleBos } from './magpie-prompt.js';
import { CompletionRequest, parseRequest } from './request-schemas.js';
import { Rng } from './rng.js';
import { generatorModel, unixSeconds, type HandlerResult, type SimContext } from './sim-context.js';
import { stopRulesFor } from './stop-rules.js';

/** vLLM's default when a completions request sends no max_tokens. */
export const DEFAULT_COMPLETION_MAX_TOKENS = 16;

/**
 * POST /v1/completions. Throws BadRequestError for an invalid body and NotFoundError for an
 * unknown model. A double BOS is counted and logged, not rejected.
 */
export function handleCompletions(ctx: SimContext, body: unknown): HandlerResult {
  const req = parseRequest(CompletionRequest, body);
  const model = generatorModel(ctx, req.model);
  const prompts = typeof req.prompt === 'string' ? [req.prompt] : req.prompt;
  const n = req.n ?? 1;
  const temperature = req.temperature ?? 1;
  const addSpecialTokens = req.add_special_tokens !== false;
  const requestKey = req.seed ?? `request-${ctx.nextRequestNumber()}`;
  const rules = stopRulesFor(model, req, req.max_tokens ?? DEFAULT_COMPLETION_MAX_TOKENS);
  const choices = [];
  const sequenceTokens: number[] = [];
  let promptTokens = 0;
  let completionTokens = 0;
  for (const [p, prompt] of prompts.entries()) {
    if (hasDoubleBos(model, prompt, addSpecialTokens)) {
      ctx.metrics.doubleBos(model.id);
      ctx.logger.warn({ model: model.id, addSpecialTokens }, 'double BOS: the prompt starts with BOS and add_special_tokens is not false');
    }
    promptTokens += approxTokens(prompt) + (addSpecialTokens && model.bosToken !== null ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const seed = choiceSeed({ simSeed: ctx.seed, requestKey, text: prompt, choiceIndex: i, temperature });
      // A separate stream decides emptiness, so SIM_EMPTY_RATE=0 leaves every other output unchanged.
      const empty = ctx.emptyRate > 0 && new Rng(deriveSeed(seed, 'empty')).chance(ctx.emptyRate);
      const finished = finishText(completionText(ctx, { model, prompt, rng: new Rng(seed), empty, temperature, maxTokens: rules.maxTokens }), rules);
      completionTokens += finished.completionTokens;
      sequenceTokens.push(finished.completionTokens);
      choices.push({ index: p * n + i, text: finished.text, logprobs: null, finish_reason: finished.finishReason, stop_reason: finished.stopReason });
    }
  }
  return {
    body: {
      id: `cmpl-${randomUUID().replaceAll('-', '')}`,
      object: 'text_completion',
      created: unixSeconds(),
      model: model.id,
      choices,
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    },
    model: model.id,
    promptTokens,
    generationTokens: completionTokens,
    finishReasons: choices.map((c) => c.finish_reason),
    sequenceTokens,
    prompts,
  };
}
