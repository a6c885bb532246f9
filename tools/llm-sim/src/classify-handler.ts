import { randomUUID } from 'node:crypto';
import { answersEqual, extractFinalAnswer } from '@magpie/answers';
import { approxTokens } from './approx-tokens.js';
import { deriveSeed } from './derive-seed.js';
import { NotFoundError } from './errors.js';
import { ClassifyRequest, messageText, parseRequest, type ChatMessage } from './request-schemas.js';
import { Rng } from './rng.js';
import { unixSeconds, type HandlerResult, type SimContext } from './sim-context.js';

/** Raw reward around which a correct answer scores; a wrong one scores around WRONG_REWARD. */
export const CORRECT_REWARD = 2;
export const WRONG_REWARD = -1;
export const REWARD_NOISE_SD = 0.75;

interface Scored {
  readonly problem: string;
  readonly response: string;
  /** Everything the reward model "reads"; seeds the noise. */
  readonly text: string;
}

function fromMessages(messages: readonly ChatMessage[]): Scored {
  const user = messages.findLast((m) => m.role === 'user');
  const assistant = messages.findLast((m) => m.role === 'assistant');
  return {
    problem: user ? messageText(user) : '',
    response: assistant ? messageText(assistant) : '',
    text: messages.map((m) => `${m.role}: ${messageText(m)}`).join('\n'),
  };
}

/** The raw (pre-sigmoid) reward: base by correctness plus deterministic noise seeded from the text and simSeed. */
export function rawReward(ctx: SimContext, scored: Scored): number {
  const solution = ctx.registry.solve(scored.problem);
  const answer = extractFinalAnswer(scored.response);
  const base = !solution || answer === undefined ? 0 : answersEqual(answer, solution.answer) ? CORRECT_REWARD : WRONG_REWARD;
  return base + new Rng(deriveSeed(ctx.seed, 'classify', scored.text)).normal() * REWARD_NOISE_SD;
}

/**
 * POST /classify for a 1-label reward model (vLLM pooling shape). Sigmoid of the raw reward unless
 * use_activation is false. Throws BadRequestError / NotFoundError (not a reward model of the catalog).
 */
export function handleClassify(ctx: SimContext, body: unknown): HandlerResult {
  const req = parseRequest(ClassifyRequest, body);
  const model = req.model ?? ctx.catalog.models.defaultRewardModel;
  if (!ctx.catalog.models.hasReward(model)) throw new NotFoundError(`The model \`${model}\` does not exist.`);
  const inputs = req.input === undefined ? [] : typeof req.input === 'string' ? [req.input] : req.input;
  const items: Scored[] = req.messages ? [fromMessages(req.messages)] : inputs.map((text) => ({ problem: text, response: text, text }));
  const activate = req.use_activation !== false;
  const data = items.map((item, index) => {
    const raw = rawReward(ctx, item);
    return { index, label: 'LABEL_0', probs: [activate ? 1 / (1 + Math.exp(-raw)) : raw], num_classes: 1 };
  });
  const promptTokens = items.reduce((s, item) => s + approxTokens(item.text), 0);
  return {
    body: {
      id: `classify-${randomUUID().replaceAll('-', '')}`,
      object: 'list',
      created: unixSeconds(),
      model,
      data,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens, completion_tokens: 0 },
    },
    model,
    promptTokens,
    generationTokens: 0,
    finishReasons: [],
  };
}
