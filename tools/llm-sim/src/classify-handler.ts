import { randomUUID } from 'node:crypto';
import { approxTokens } from './approx-tokens.js';
import type { Scored } from './content-model.js';
import { NotFoundError } from './errors.js';
import { ClassifyRequest, messageText, parseRequest, type ChatMessage } from './request-schemas.js';
import { unixSeconds, type HandlerResult, type SimContext } from './sim-context.js';

/** The scored form of a chat conversation: its last user and last assistant message. */
export function scoredFromMessages(messages: readonly ChatMessage[]): Scored {
  const user = messages.findLast((m) => m.role === 'user');
  const assistant = messages.findLast((m) => m.role === 'assistant');
  return {
    problem: user ? messageText(user) : '',
    response: assistant ? messageText(assistant) : '',
    text: messages.map((m) => `${m.role}: ${messageText(m)}`).join('\n'),
  };
}

/** The items of a `/classify`- or `/pooling`-style body: one conversation, or one per input string. */
export function scoredItems(req: { messages?: readonly ChatMessage[] | undefined; input?: string | readonly string[] | undefined }): Scored[] {
  if (req.messages) return [scoredFromMessages(req.messages)];
  const inputs = req.input === undefined ? [] : typeof req.input === 'string' ? [req.input] : req.input;
  return inputs.map((text) => ({ problem: text, response: text, text }));
}

/** A 1-label model's output: sigmoid of the raw reward (vLLM's default for num_labels = 1) unless use_activation is false. */
export function activated(raw: number, useActivation: boolean | null | undefined): number {
  return useActivation === false ? raw : 1 / (1 + Math.exp(-raw));
}

/** The reward model a scoring request names (the catalog default when none). Throws NotFoundError. */
export function rewardModel(ctx: SimContext, id: string | null | undefined): string {
  const model = id ?? ctx.catalog.models.defaultRewardModel;
  if (!ctx.catalog.models.hasReward(model)) throw new NotFoundError(`The model \`${model}\` does not exist.`);
  return model;
}

/** The usage block and metric fields every scoring endpoint returns. */
export function scoringResult(model: string, items: readonly Scored[], body: (usage: object) => object): HandlerResult {
  const promptTokens = items.reduce((s, item) => s + approxTokens(item.text), 0);
  return {
    body: body({ prompt_tokens: promptTokens, total_tokens: promptTokens, completion_tokens: 0 }),
    model,
    promptTokens,
    generationTokens: 0,
    finishReasons: [],
    sequenceTokens: [],
  };
}

/**
 * POST /classify for a 1-label reward model (vLLM pooling shape). Sigmoid of the raw reward unless
 * use_activation is false. Throws BadRequestError / NotFoundError (not a reward model of the catalog).
 */
export function handleClassify(ctx: SimContext, body: unknown): HandlerResult {
  const req = parseRequest(ClassifyRequest, body);
  const model = rewardModel(ctx, req.model);
  const items = scoredItems(req);
  const data = items.map((item, index) => ({ index, label: 'LABEL_0', probs: [activated(ctx.content.rawReward(item), req.use_activation)], num_classes: 1 }));
  return scoringResult(model, items, (usage) => ({ id: `classify-${randomUUID().replaceAll('-', '')}`, object: 'list', created: unixSeconds(), model, data, usage }));
}
