import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { DEFAULT_REALISM, RealismSettingsError, validateRealism } from './realism-settings.js';
import { RewardModel } from './reward-model.js';
import { ThinkingLength, normalCdf } from './thinking-length.js';

describe('thinking length', () => {
  it('is calibrated so the configured share runs past the reference max_tokens over the mix', () => {
    const t = new ThinkingLength(DEFAULT_REALISM);
    const mix = DEFAULT_REALISM.difficultyMix;
    const total = mix.reduce((a, b) => a + b, 0);
    const share = ([1, 2, 3, 4, 5] as const).reduce((s, d) => s + (mix[d - 1] ?? 0) / total * t.shareLongerThan(d, 16_384), 0);
    expect(share).toBeCloseTo(0.08, 6);
    expect(t.median(5) / t.median(1)).toBeCloseTo(1.9 ** 4, 6);
  });

  it('draws heavy-tailed lengths: the mean is well above the median', () => {
    const t = new ThinkingLength(DEFAULT_REALISM);
    const rng = new Rng(3);
    const draws = Array.from({ length: 20_000 }, () => t.draw(3, rng)).sort((a, b) => a - b);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const median = draws[draws.length / 2] ?? 0;
    expect(median / t.median(3)).toBeCloseTo(1, 1);
    expect(mean / median).toBeGreaterThan(1.3);
  });

  it('has a standard normal CDF', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
    expect(normalCdf(-1)).toBeCloseTo(0.1587, 3);
  });
});

describe('reward model', () => {
  it('solves the separation that gives the configured AUROC', () => {
    for (const target of [0.6, 0.75, 0.85]) {
      const model = new RewardModel({ ...DEFAULT_REALISM, rewardAuroc: target }, 1);
      expect(model.aurocAt(model.separation)).toBeCloseTo(target, 6);
    }
  });

  it('scores a right answer above a wrong one on average, longer answers higher, and fools itself on some wrong ones', () => {
    const model = new RewardModel(DEFAULT_REALISM, 1);
    const mean = (correct: boolean, length: number): number => {
      let s = 0;
      for (let i = 0; i < 2000; i++) s += model.score({ correct, response: `${'x'.repeat(length)} ${i}`, text: `q ${i}` });
      return s / 2000;
    };
    expect(mean(true, 1000)).toBeGreaterThan(mean(false, 1000) + 0.5);
    expect(mean(true, 6000)).toBeGreaterThan(mean(true, 300));
    const wrong = Array.from({ length: 4000 }, (_, i) => model.score({ correct: false, response: `wrong ${i}`, text: `t ${i}` }));
    const highRight = Array.from({ length: 4000 }, (_, i) => model.score({ correct: true, response: `right ${i}`, text: `t ${i}` })).sort((a, b) => a - b)[2000] ?? 0;
    expect(wrong.filter((s) => s > highRight).length / wrong.length).toBeGreaterThan(0.05);
  });
});

describe('realism settings', () => {
  it.each([{ offDomainRate: 1.5 }, { nonMathRate: 0.6, colonRate: 0.5 }, { rewardAuroc: 0.95 }, { rewardAuroc: 0.4 }, { thinkGrowth: 0.5 }, { difficultyMix: [0, 0, 0, 0, 0] as const }])('refuses %j', (patch) => {
    expect(() => validateRealism({ ...DEFAULT_REALISM, ...patch })).toThrow(RealismSettingsError);
  });
});
