import { randomUUID } from 'node:crypto';
import { matchRewardConversation, type RewardConversation } from '@magpie/catalog';
import { approxTokens } from './approx-tokens.js';
import type { Scored } from './content-model.js';
import { NotFoundError } from './errors.js';
import { ClassifyRequest, messageText, parseRequest, type ChatMessage } from './request-schemas.js';
import { unixSeconds, type HandlerResult, type SimContext } from './sim-context.js';

/** The scored form of a chat conversation: its last user and last assistant message. */
export function scoredFromMessages(messages: readonly ChatMessage[]): Scored {
  return scoredConversation(messages, false);
}

/**
 * scoredFromMessages, with contents trimmed when the model's chat template trims (as vLLM applies
 * it to `messages`), so a conversation scores the same as its rendered `input` string.
 */
function scoredConversation(messages: readonly ChatMessage[], trimContent: boolean): Scored {
  const content = (m: ChatMessage): string => (trimContent ? messageText(m).trim() : messageText(m));
  const user = messages.findLast((m) => m.role === 'user');
  const assistant = messages.findLast((m) => m.role === 'assistant');
  return {
    problem: user ? content(user) : '',
    response: assistant ? content(assistant) : '',
    text: messages.map((m) => `${m.role}: ${content(m)}`).join('\n'),
  };
}

/**
 * One `input` string: the conversation it encodes when it is the reward model's rendered template
 * (a batched /classify from the reward client), else today's reading of raw text as both problem
 * and response.
 */
function scoredFromInput(text: string, conversation: RewardConversation | undefined): Scored {
  const pair = conversation && matchRewardConversation(conversation, text);
  if (!conversation || !pair) return { problem: text, response: text, text };
  return scoredConversation(
    [
      { role: 'user', content: pair.instruction },
      { role: 'assistant', content: pair.response },
    ],
    conversation.trimContent,
  );
}

/**
 * The items of a `/classify`- or `/pooling`-style body: one conversation, or one per input string.
 * `conversation` is the reward model's catalog template, when it has one.
 */
export function scoredItems(
  req: { messages?: readonly ChatMessage[] | undefined; input?: string | readonly string[] | undefined },
  conversation?: RewardConversation,
): Scored[] {
  if (req.messages) return [scoredConversation(req.messages, conversation?.trimContent ?? false)];
  const inputs = req.input === undefined ? [] : typeof req.input === 'string' ? [req.input] : req.input;
  return inputs.map((text) => scoredFromInput(text, conversation));
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

/** How the catalog renders a conversation for `model` as one `input` string; undefined for a model without one. */
export function rewardConversationOf(ctx: SimContext, model: string): RewardConversation | undefined {
  const entry = ctx.catalog.models.getReward(model);
  return entry.api === 'classify' ? entry.conversation : undefined;
}

/**
 * POST /classify for a 1-label reward model (vLLM pooling shape). Sigmoid of the raw reward unless
 * use_activation is false. An `input` list in the model's conversation template scores each string
 * exactly as the same conversation sent as `messages`. Throws BadRequestError / NotFoundError (not
 * a reward model of the catalog).
 */
export function handleClassify(ctx: SimContext, body: unknown): HandlerResult {
  const req = parseRequest(ClassifyRequest, body);
  const model = rewardModel(ctx, req.model);
  const conversation = rewardConversationOf(ctx, model);
  if (conversation) countDoubleBos(ctx, model, conversation.bosToken, req);
  const items = scoredItems(req, conversation);
  const data = items.map((item, index) => ({ index, label: 'LABEL_0', probs: [activated(ctx.content.rawReward(item), req.use_activation)], num_classes: 1 }));
  return scoringResult(model, items, (usage) => ({ id: `classify-${randomUUID().replaceAll('-', '')}`, object: 'list', created: unixSeconds(), model, data, usage }));
}

/** Counts (and logs) each input that would carry two BOS tokens: BOS in the text while vLLM adds its own. */
function countDoubleBos(ctx: SimContext, model: string, bos: string | null, req: ClassifyRequest): void {
  if (bos === null || req.input === undefined) return;
  const addSpecialTokens = req.add_special_tokens !== false;
  for (const text of typeof req.input === 'string' ? [req.input] : req.input) {
    if (text.startsWith(bos + bos) || (addSpecialTokens && text.startsWith(bos))) {
      ctx.metrics.doubleBos(model);
      ctx.logger.warn({ model, addSpecialTokens }, 'double BOS: the classify input starts with BOS and add_special_tokens is not false');
    }
  }
}
