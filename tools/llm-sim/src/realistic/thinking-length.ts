import type { Difficulty } from '../families/family-types.js';
import type { Rng } from '../rng.js';
import { mixProbabilities, type RealismSettings } from './realism-settings.js';

/** The standard normal CDF (Abramowitz–Stegun 7.1.26 through erf; error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * A reasoning model's thinking length in tokens is log-normal: ln L ~ N(μ_d, σ) with
 * μ_d = μ_1 + (d - 1)·ln(growth), so its median grows geometrically with the difficulty d and its
 * tail is heavy. μ_1 is solved so that, over the difficulty mix, exactly `truncationShare` of the
 * samples are longer than `truncationReferenceTokens`.
 */
export class ThinkingLength {
  readonly #settings: RealismSettings;
  readonly #mu1: number;

  constructor(settings: RealismSettings) {
    this.#settings = settings;
    this.#mu1 = settings.truncationShare <= 0 ? -Infinity : this.#solveMu1();
  }

  /** The median thinking length at difficulty `d`, tokens. */
  median(d: Difficulty): number {
    return Math.exp(this.#mu(d));
  }

  /** The share of samples at difficulty `d` longer than `maxTokens`. */
  shareLongerThan(d: Difficulty, maxTokens: number): number {
    if (this.#mu1 === -Infinity) return 0;
    return 1 - normalCdf((Math.log(maxTokens) - this.#mu(d)) / this.#settings.thinkSigma);
  }

  /** The expected share over a list of difficulties (each sample's own). */
  expectedShare(difficulties: readonly Difficulty[], maxTokens: number): number {
    if (difficulties.length === 0) return 0;
    return difficulties.reduce((s, d) => s + this.shareLongerThan(d, maxTokens), 0) / difficulties.length;
  }

  /** A thinking length for one sample, tokens (at least 60). */
  draw(d: Difficulty, rng: Rng): number {
    if (this.#mu1 === -Infinity) return 60 + Math.round(200 * d * rng.next());
    return Math.max(60, Math.round(Math.exp(this.#mu(d) + this.#settings.thinkSigma * rng.normal())));
  }

  #mu(d: Difficulty): number {
    return this.#mu1 + (d - 1) * Math.log(this.#settings.thinkGrowth);
  }

  #shareAt(mu1: number): number {
    const { thinkSigma, thinkGrowth, truncationReferenceTokens } = this.#settings;
    return mixProbabilities(this.#settings).reduce((s, [d, p]) => s + p * (1 - normalCdf((Math.log(truncationReferenceTokens) - mu1 - (d - 1) * Math.log(thinkGrowth)) / thinkSigma)), 0);
  }

  #solveMu1(): number {
    // The share rises with μ_1; bisect on a range from a few tokens to far beyond any max_tokens.
    let [lo, hi] = [0, 30];
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (this.#shareAt(mid) < this.#settings.truncationShare) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }
}
