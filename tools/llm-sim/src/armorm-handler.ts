import { rewardModel, scoredFromMessages, scoringResult } from './classify-handler.js';
import { deriveSeed } from '@magpie/llm';
import { ArmoRmRequest, parseRequest } from './request-schemas.js';
import { Rng } from './rng.js';
import type { HandlerResult, SimContext } from './sim-context.js';

/** ArmoRM-Llama3-8B-v0.1 predicts this many objective rewards (helpsteer, ultrafeedback, beavertails…). */
export const ARMORM_OBJECTIVES = 19;

/** ArmoRM's preference scores are small; this maps the shared raw reward onto that range. */
const SCORE_SCALE = 0.05;

// Fixed per-objective slope and offset, so each objective is a different monotone function of the score.
const OBJECTIVE_SHAPES = Array.from({ length: ARMORM_OBJECTIVES }, (_, k) => {
  const rng = new Rng(deriveSeed(0, 'armorm-objective', k));
  return { slope: 0.5 + rng.next(), offset: (rng.next() - 0.5) * 1.5 };
});

/** The 19 objective rewards of a score: each a fixed logistic function of it, so they rise and fall together. */
export function objectiveRewards(score: number): number[] {
  const raw = score / SCORE_SCALE;
  return OBJECTIVE_SHAPES.map(({ slope, offset }) => 1 / (1 + Math.exp(-(slope * raw + offset))));
}

/**
 * POST /v1/armorm/score: the contract of our ArmoRM sidecar (vLLM cannot serve ArmoRM). Takes
 * `{model, messages}` or a batch `{model, conversations: [[...messages]]}` and returns
 * `{model, data: [{index, score, rewards: [19 numbers]}]}`. The score correlates with correctness
 * like /classify's raw reward. Throws BadRequestError / NotFoundError (not a reward model).
 */
export function handleArmoRmScore(ctx: SimContext, body: unknown): HandlerResult {
  const req = parseRequest(ArmoRmRequest, body);
  const model = rewardModel(ctx, req.model);
  const items = (req.conversations ?? (req.messages ? [req.messages] : [])).map(scoredFromMessages);
  const data = items.map((item, index) => {
    const score = ctx.content.rawReward(item) * SCORE_SCALE;
    return { index, score, rewards: objectiveRewards(score) };
  });
  return scoringResult(model, items, (usage) => ({ object: 'list', model, data, usage }));
}
