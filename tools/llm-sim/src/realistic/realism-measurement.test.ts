import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REALISM } from './realism-settings.js';
import { measureRealism, type RealismMeasurement } from './realism-measurement.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const STRONG = 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B';
const WEAK = 'meta-llama/Meta-Llama-3-8B-Instruct';
const base = { catalog, perDomain: 1000, answered: 2400, seed: 1234, strongModel: STRONG, weakModel: WEAK, temperature: 0.8, maxTokens: 16_384 };

describe('the realistic profile at its defaults, measured over 6,000 instructions and 2,400 answered problems per model', () => {
  let m: RealismMeasurement;
  beforeAll(() => {
    m = measureRealism(base);
    console.log(JSON.stringify(m));
  }, 120_000);

  it('writes at least 200 number-masked skeletons per domain in 1,000 problems', () => {
    for (const [domain, count] of Object.entries(m.skeletonsPerDomain)) expect(count, domain).toBeGreaterThanOrEqual(200);
  });

  it('drifts off the steered domain, off mathematics, into a trailing colon or into its own answer at the configured rates', () => {
    expect(Math.abs(m.shares.offDomain - DEFAULT_REALISM.offDomainRate)).toBeLessThan(0.015);
    expect(Math.abs(m.shares.nonMath - DEFAULT_REALISM.nonMathRate)).toBeLessThan(0.01);
    expect(Math.abs(m.shares.trailingColon - DEFAULT_REALISM.colonRate)).toBeLessThan(0.01);
    expect(Math.abs(m.shares.answerLeak - DEFAULT_REALISM.leakRate)).toBeLessThan(0.01);
  });

  it('gets harder problems wrong more often, and a weak model more often than a strong one', () => {
    for (const acc of [m.strong, m.weak]) {
      for (let d = 1; d < 5; d++) expect(acc.byDifficulty[d], `${acc.model} difficulty ${d + 1}`).toBeLessThan(acc.byDifficulty[d - 1] ?? 0);
    }
    m.strong.byDifficulty.forEach((a, i) => expect(a, `difficulty ${i + 1}`).toBeGreaterThan((m.weak.byDifficulty[i] ?? 1) + 0.15));
    expect(m.strong.byDifficulty[0]).toBeGreaterThan(0.9);
    expect(m.strong.byDifficulty[4]).toBeLessThan(0.5);
  });

  it('truncates the configured share of reasoning samples at the reference max_tokens', () => {
    expect(Math.abs(m.strong.truncatedShare - DEFAULT_REALISM.truncationShare)).toBeLessThan(0.02);
    expect(Math.abs(m.strong.truncatedShare - m.expectedTruncatedShare)).toBeLessThan(0.015);
    expect(m.weak.truncatedShare).toBe(0);
  });

  it('scores right answers above wrong ones with the configured AUROC', () => {
    expect(Math.abs(m.rewardAuroc - DEFAULT_REALISM.rewardAuroc)).toBeLessThan(0.05);
  });

  it("agrees with its own truth service on every sample's verdict", () => {
    expect(m.truthAgreement).toBe(1);
  });

  it('embeds near-twins (one number changed) above 0.975 cosine and unrelated problems far below', () => {
    expect(m.embedding.twinMin).toBeGreaterThanOrEqual(0.975);
    expect(m.embedding.unrelatedMean).toBeLessThan(0.5);
    expect(m.embedding.unrelatedP99).toBeLessThan(0.975);
  });
});

describe('the realistic profile follows its settings', () => {
  // Several measurements each: seconds on an idle machine, more on a loaded one.
  it('reaches another reward AUROC and truncation share when they are set', { timeout: 120_000 }, () => {
    const m = measureRealism({ ...base, perDomain: 350, answered: 2000, seed: 99, settings: { rewardAuroc: 0.85, confidentWrongRate: 0.05, truncationShare: 0.2 } });
    expect(Math.abs(m.rewardAuroc - 0.85)).toBeLessThan(0.05);
    expect(Math.abs(m.strong.truncatedShare - 0.2)).toBeLessThan(0.03);
  });

  it('makes every model weaker at a high temperature and stronger with a positive skill shift', { timeout: 120_000 }, () => {
    const hot = measureRealism({ ...base, perDomain: 200, answered: 1000, temperature: 1.4 });
    const cool = measureRealism({ ...base, perDomain: 200, answered: 1000, temperature: 0.3 });
    const boosted = measureRealism({ ...base, perDomain: 200, answered: 1000, temperature: 0.3, settings: { skillShift: 1 } });
    expect(hot.weak.overall).toBeLessThan(cool.weak.overall - 0.05);
    expect(boosted.weak.overall).toBeGreaterThan(cool.weak.overall + 0.05);
  });

  it('is a pure function of the seed', { timeout: 120_000 }, () => {
    const a = measureRealism({ ...base, perDomain: 100, answered: 200, seed: 5 });
    const b = measureRealism({ ...base, perDomain: 100, answered: 200, seed: 5 });
    const c = measureRealism({ ...base, perDomain: 100, answered: 200, seed: 6 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});
