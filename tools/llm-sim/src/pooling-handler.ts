import { randomUUID } from 'node:crypto';
import { activated, rewardConversationOf, rewardModel, scoredItems, scoringResult } from './classify-handler.js';
import { BadRequestError } from './errors.js';
import { parseRequest, PoolingRequest } from './request-schemas.js';
import { unixSeconds, type HandlerResult, type SimContext } from './sim-context.js';

/** The pooling tasks a 1-label sequence-classification reward model answers. */
const SUPPORTED_TASKS = new Set(['classify']);

/**
 * POST /pooling for a 1-label reward model: `data[i].data` is `[score]` (sigmoid unless
 * use_activation is false), as vLLM shapes a classify pooler's output. Throws BadRequestError
 * (invalid body, or a task other than classify) / NotFoundError (not a reward model).
 */
export function handlePooling(ctx: SimContext, body: unknown): HandlerResult {
  const req = parseRequest(PoolingRequest, body);
  const model = rewardModel(ctx, req.model);
  if (req.task !== null && req.task !== undefined && !SUPPORTED_TASKS.has(req.task)) {
    throw new BadRequestError(`Task ${req.task} is not supported by this model; supported tasks: ${[...SUPPORTED_TASKS].join(', ')}`);
  }
  const items = scoredItems(req, rewardConversationOf(ctx, model));
  const data = items.map((item, index) => ({ index, object: 'pooling', data: [activated(ctx.content.rawReward(item), req.use_activation)] }));
  return scoringResult(model, items, (usage) => ({ id: `pool-${randomUUID().replaceAll('-', '')}`, object: 'list', created: unixSeconds(), model, data, usage }));
}
