import { deriveSeed } from '@magpie/llm';
import type { Difficulty } from '../families/family-types.js';
import { Rng } from '../rng.js';
import type { RealismSettings } from './realism-settings.js';

/** Below this temperature sampling costs no accuracy; above it the penalty grows with the square. */
const TEMPERATURE_KNEE = 0.5;

/**
 * A model's own logit offset on one problem, N(0, problemSpread): some problems are harder for a
 * model than their nominal difficulty says. It depends on the model and the problem only (not on
 * the simulator seed), so every sample and every replica of that model agree on it.
 */
export function problemOffset(modelId: string, problemText: string, settings: RealismSettings): number {
  return new Rng(deriveSeed(0, 'problem-offset', modelId, problemText)).normal() * settings.problemSpread;
}

/**
 * P(a sample is right) = sigmoid(skillSlope·(ability + skillShift - difficulty) + offset
 * - temperaturePenalty·max(0, T - 0.5)^2).
 */
export function rightProbability(input: { ability: number; difficulty: Difficulty; temperature: number; offset: number; settings: RealismSettings }): number {
  const { settings } = input;
  const heat = Math.max(0, input.temperature - TEMPERATURE_KNEE);
  const logit = settings.skillSlope * (input.ability + settings.skillShift - input.difficulty) + input.offset - settings.temperaturePenalty * heat * heat;
  return 1 / (1 + Math.exp(-logit));
}
