import { deriveSeed } from '@magpie/llm';
import { Rng } from '../rng.js';
import { normalCdf } from './thinking-length.js';
import type { RealismSettings } from './realism-settings.js';

/** How a confidently wrong answer scores: like a right one, plus this much (in noise units). */
const CONFIDENT_BOOST = 0.5;
/** The spread of the log-length term assumed when calibrating (measured on the simulator's own answers: 0.25). */
const LOG_LENGTH_SD = 0.25;
/** Responses of this many characters get no length bonus or penalty (about the simulator's typical answer). */
const TYPICAL_CHARS = 300;
/** Raw logits of a 1-label reward model: score = SCALE·r + OFFSET. */
const LOGIT_SCALE = 2;
const LOGIT_OFFSET = -1;

/** What the reward model knows about one response. */
export interface RewardEvidence {
  /** True/false when the simulator knows the problem and found an answer; undefined when it cannot tell. */
  readonly correct: boolean | undefined;
  /** The response as scored (its length drives the length bias). */
  readonly response: string;
  /** Everything the reward model reads; seeds the noise. */
  readonly text: string;
}

/**
 * A reward model that is right about correctness only statistically. Its latent score is
 * r = Δ·y + λ·ℓ + ε: y is 1 for a right answer, 0 for a wrong one, and 1 + CONFIDENT_BOOST for the
 * share of wrong answers it is fooled by; ℓ is the log length relative to TYPICAL_CHARS (the length
 * bias λ); ε is standard normal noise seeded by the text. Δ is solved from the target AUROC:
 * AUROC = (1 - c)·Φ(Δ/s) + c·Φ(-boost/s) with s = √(2(1 + λ²·σℓ²)).
 */
export class RewardModel {
  readonly #settings: RealismSettings;
  readonly #seed: number;
  readonly separation: number;

  constructor(settings: RealismSettings, seed: number) {
    this.#settings = settings;
    this.#seed = seed;
    this.separation = this.#solveSeparation();
  }

  /** The raw (pre-sigmoid) reward logit. */
  score(evidence: RewardEvidence): number {
    const rng = new Rng(deriveSeed(this.#seed, 'reward', evidence.text));
    const noise = rng.normal();
    const fooled = new Rng(deriveSeed(0, 'confident-wrong', evidence.response)).chance(this.#settings.confidentWrongRate);
    const y = evidence.correct === undefined ? 0.5 : evidence.correct ? 1 : fooled ? 1 + CONFIDENT_BOOST : 0;
    const logLength = Math.max(-3, Math.min(3, Math.log((evidence.response.length + 50) / TYPICAL_CHARS)));
    const latent = this.separation * y + this.#settings.rewardLengthBias * logLength + noise;
    return LOGIT_SCALE * latent + LOGIT_OFFSET;
  }

  /** The AUROC the model has at separation Δ (independence of length and correctness assumed). */
  aurocAt(separation: number): number {
    const { confidentWrongRate: c, rewardLengthBias: lambda } = this.#settings;
    const s = Math.sqrt(2 * (1 + lambda * lambda * LOG_LENGTH_SD * LOG_LENGTH_SD));
    const boost = separation * CONFIDENT_BOOST;
    return (1 - c) * normalCdf(separation / s) + c * normalCdf(-boost / s);
  }

  #solveSeparation(): number {
    let [lo, hi] = [0, 20];
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (this.aurocAt(mid) < this.#settings.rewardAuroc) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }
}
