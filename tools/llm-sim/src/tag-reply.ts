import { deriveSeed } from '@magpie/llm';
import { recogniseUnitagPrompt } from '@magpie/unitag';
import { tagAnswer } from './realistic/tag-answers.js';
import { Rng } from './rng.js';
import type { SimContext } from './sim-context.js';

/**
 * The tagging model's answer when `text` holds one of Magpie's unitag prompts, or undefined. The
 * answer depends only on the query and the seed (unitag samples greedily); `prefilled` leaves out
 * the "{" the caller already put in the assistant turn.
 */
export function unitagReply(ctx: SimContext, text: string, prefilled: boolean): string | undefined {
  const found = recogniseUnitagPrompt(text);
  if (!found) return undefined;
  const rng = new Rng(deriveSeed(ctx.seed, 'tag', found.mission, found.input));
  return tagAnswer(found.mission, ctx.truth.truth(found.input), { noise: ctx.tagNoise, rng, prefilled });
}
