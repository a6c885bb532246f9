import type { Difficulty } from '../families/family-types.js';

/** How the simulator behaves: `ideal` is the plumbing double (fixed accuracy, oracle rewards); `realistic` models real models. */
export type SimProfile = 'ideal' | 'realistic';
export const SIM_PROFILES: readonly SimProfile[] = ['ideal', 'realistic'];

/** Every knob of the realistic profile (documented in tools/llm-sim/README.md, one SIM_* variable and flag each). */
export interface RealismSettings {
  /** Share of Magpie problems from another domain than the steering prompt asks for. */
  readonly offDomainRate: number;
  /** Share of Magpie outputs that are not mathematics at all. */
  readonly nonMathRate: number;
  /** Share of Magpie outputs that end with ':' (an incomplete instruction). */
  readonly colonRate: number;
  /** Share of Magpie outputs that go on to answer the problem. */
  readonly leakRate: number;
  /** Relative weights of difficulties 1..5 among generated problems. */
  readonly difficultyMix: readonly [number, number, number, number, number];
  /** Added to every model's ability (in difficulty levels): > 0 makes all models stronger. */
  readonly skillShift: number;
  /** Logit change of P(right) per difficulty level of ability above the problem. */
  readonly skillSlope: number;
  /** Standard deviation of a problem's own logit offset for one model (correlates its samples). */
  readonly problemSpread: number;
  /** Logit lost per (temperature - 0.5)^2 above temperature 0.5. */
  readonly temperaturePenalty: number;
  /** Share of a reasoning model's samples that run past `truncationReferenceTokens`, over the difficulty mix. */
  readonly truncationShare: number;
  /** The max_tokens at which `truncationShare` holds (the catalog's reasoning default). */
  readonly truncationReferenceTokens: number;
  /** Median thinking length multiplies by this per difficulty level. */
  readonly thinkGrowth: number;
  /** Log-normal sigma of thinking length (heavier tail when larger). */
  readonly thinkSigma: number;
  /** AUROC of the reward score between right and wrong answers. */
  readonly rewardAuroc: number;
  /** Reward logit gained per unit of log response length (relative to a typical 300-character answer). */
  readonly rewardLengthBias: number;
  /** Share of wrong answers the reward model scores as confidently right. */
  readonly confidentWrongRate: number;
  /** Probability that a tag answer is off by one level or picks a neighbouring category. */
  readonly tagNoise: number;
}

export const DEFAULT_REALISM: RealismSettings = Object.freeze({
  offDomainRate: 0.08,
  nonMathRate: 0.03,
  colonRate: 0.03,
  leakRate: 0.04,
  difficultyMix: [0.15, 0.25, 0.25, 0.2, 0.15] as const,
  skillShift: 0,
  skillSlope: 1.1,
  problemSpread: 0.8,
  temperaturePenalty: 2,
  truncationShare: 0.08,
  truncationReferenceTokens: 16_384,
  thinkGrowth: 1.9,
  thinkSigma: 0.8,
  rewardAuroc: 0.75,
  rewardLengthBias: 0.3,
  confidentWrongRate: 0.1,
  tagNoise: 0.25,
});

/** Thrown for settings out of range; the message names the setting. */
export class RealismSettingsError extends Error {
  override readonly name = 'RealismSettingsError';
}

/** Checks ranges and that the Magpie defect shares leave room for clean problems. Throws RealismSettingsError. */
export function validateRealism(s: RealismSettings): RealismSettings {
  const rates: (keyof RealismSettings)[] = ['offDomainRate', 'nonMathRate', 'colonRate', 'leakRate', 'truncationShare', 'confidentWrongRate', 'tagNoise'];
  for (const key of rates) {
    const v = s[key] as number;
    if (!(v >= 0 && v <= 1)) throw new RealismSettingsError(`${key} must be in [0, 1], got ${v}`);
  }
  if (s.nonMathRate + s.colonRate + s.leakRate > 1) throw new RealismSettingsError('nonMathRate + colonRate + leakRate must be at most 1');
  if (s.difficultyMix.length !== 5 || s.difficultyMix.some((w) => !(w >= 0)) || s.difficultyMix.every((w) => w === 0)) {
    throw new RealismSettingsError('difficultyMix must be five non-negative weights, not all zero');
  }
  if (!(s.rewardAuroc > 0.5 && s.rewardAuroc < 1)) throw new RealismSettingsError(`rewardAuroc must be in (0.5, 1), got ${s.rewardAuroc}`);
  if (s.rewardAuroc >= 1 - s.confidentWrongRate) {
    throw new RealismSettingsError(`rewardAuroc ${s.rewardAuroc} cannot be reached when ${s.confidentWrongRate} of wrong answers fool the reward model (at most ${1 - s.confidentWrongRate})`);
  }
  if (!(s.truncationShare < 1)) throw new RealismSettingsError('truncationShare must be below 1');
  if (!(s.thinkGrowth >= 1)) throw new RealismSettingsError('thinkGrowth must be at least 1');
  if (!(s.thinkSigma > 0)) throw new RealismSettingsError('thinkSigma must be positive');
  if (!(s.truncationReferenceTokens >= 256)) throw new RealismSettingsError('truncationReferenceTokens must be at least 256');
  return s;
}

/** The difficulty mix as probabilities that add up to 1, difficulty 1 first. */
export function mixProbabilities(s: RealismSettings): readonly [Difficulty, number][] {
  const total = s.difficultyMix.reduce((a, b) => a + b, 0);
  return s.difficultyMix.map((w, i) => [(i + 1) as Difficulty, w / total]);
}
