import { randomUUID } from 'node:crypto';
import type { ModelEntry } from '@magpie/catalog';
import { splitReasoning } from '@magpie/llm';
import { approxTokens } from './approx-tokens.js';
import { choiceSeed } from './choice-seed.js';
import { finishText } from './finish-text.js';
import { ChatRequest, messageText, parseRequest } from './request-schemas.js';
import { Rng } from './rng.js';
import { generatorModel, unixSeconds, type HandlerResult, type SimContext } from './sim-context.js';
import { stopRulesFor } from './stop-rules.js';
import { unitagReply } from './tag-reply.js';

/** Stands in for "the rest of the context window" when a chat request sends no max_tokens. */
export const DEFAULT_CHAT_MAX_TOKENS = 32_768;

/**
 * POST /v1/chat/completions. Answers the last user message with the content model (a worked
 * solution ending in `\boxed{}` for one of the simulator's problems, an honest reply otherwise) or,
 * for one of Magpie's unitag prompts, with its JSON tag. Throws BadRequestError / NotFoundError.
 */
export function handleChat(ctx: SimContext, body: unknown): HandlerResult {
  const req = parseRequest(ChatRequest, body);
  const model = generatorModel(ctx, req.model);
  const n = req.n ?? 1;
  const temperature = req.temperature ?? 1;
  const conversation = req.messages.map((m) => `${m.role}: ${messageText(m)}`).join('\n');
  const lastUser = req.messages.findLast((m) => m.role === 'user');
  const question = lastUser ? messageText(lastUser) : '';
  // An assistant turn of "{" is unitag's prefill (continue_final_message): the answer goes on from it.
  const last = req.messages.at(-1);
  const prefilled = last?.role === 'assistant' && messageText(last).trim() === '{';
  const requestKey = req.seed ?? `request-${ctx.nextRequestNumber()}`;
  const rules = stopRulesFor(model, req, req.max_completion_tokens ?? req.max_tokens ?? DEFAULT_CHAT_MAX_TOKENS);
  const choices = Array.from({ length: n }, (_, i) => {
    const rng = new Rng(choiceSeed({ simSeed: ctx.seed, requestKey, text: conversation, choiceIndex: i, temperature }));
    const text = unitagReply(ctx, question, prefilled) ?? ctx.content.answer({ model, question, temperature, maxTokens: rules.maxTokens, rng });
    const finished = finishText(text, rules);
    return {
      index: i,
      message: assistantMessage(model, finished.text, ctx.reasoningParser),
      logprobs: null,
      finish_reason: finished.finishReason,
      stop_reason: finished.stopReason,
      tokens: finished.completionTokens,
    };
  });
  const promptTokens = approxTokens(conversation) + 3 * req.messages.length;
  const completionTokens = choices.reduce((s, c) => s + c.tokens, 0);
  return {
    body: {
      id: `chatcmpl-${randomUUID().replaceAll('-', '')}`,
      object: 'chat.completion',
      created: unixSeconds(),
      model: model.id,
      choices: choices.map(({ tokens: _tokens, ...choice }) => choice),
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    },
    model: model.id,
    promptTokens,
    generationTokens: completionTokens,
    finishReasons: choices.map((c) => c.finish_reason),
    sequenceTokens: choices.map((c) => c.tokens),
    prompts: [conversation],
  };
}

function assistantMessage(model: ModelEntry, text: string, reasoningParser: boolean): object {
  if (!model.reasoning || !reasoningParser) return { role: 'assistant', content: text, reasoning_content: null, reasoning: null, tool_calls: [] };
  // Like vLLM's deepseek_r1 parser: output cut off inside the thinking is all reasoning, content null.
  const { reasoning, response } = splitReasoning(text, undefined);
  const content = response === '' ? null : response;
  // vLLM renamed reasoning_content to reasoning; both are sent so old and new clients work.
  return { role: 'assistant', content, reasoning_content: reasoning, reasoning, tool_calls: [] };
}
