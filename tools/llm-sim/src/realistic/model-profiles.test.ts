import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { describe, expect, it } from 'vitest';
import { decodeMsPerToken } from '../timing-params.js';
import { a100Timing, modelProfile } from './model-profiles.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const timing = (id: string) => a100Timing(modelProfile(id, catalog.models.get(id).reasoning), 256);

describe('model profiles', () => {
  it('gives every catalog model an ability, a size and an A100 timing', () => {
    for (const model of catalog.models.all()) {
      const p = modelProfile(model.id, model.reasoning);
      expect(p.ability, model.id).toBeGreaterThan(0);
      expect(p.gpus, model.id).toBeGreaterThanOrEqual(1);
      const t = a100Timing(p, 256);
      expect(t.prefillMsPerToken).toBeGreaterThan(0);
      expect(t.decodeBaseMs).toBeGreaterThanOrEqual(6);
    }
  });

  it('makes a 70B model slower than a 32B one, and an 8B model faster, at every batch size', () => {
    const [small, mid, big] = [timing('meta-llama/Meta-Llama-3-8B-Instruct'), timing('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B'), timing('meta-llama/Meta-Llama-3.1-70B-Instruct')];
    for (const running of [1, 64, 256]) {
      expect(decodeMsPerToken(small, running)).toBeLessThan(decodeMsPerToken(mid, running));
      expect(decodeMsPerToken(mid, running)).toBeLessThan(decodeMsPerToken(big, running));
    }
    expect(mid.prefillMsPerToken).toBeLessThan(big.prefillMsPerToken);
  });

  it('reproduces the ideal profile’s 32B reference per running sequence', () => {
    expect(timing('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B').decodeMsPerRunningSeq).toBeCloseTo(0.134, 2);
  });

  it('ranks reasoning distills above same-size instruct models and guesses unknown ids from their size', () => {
    expect(modelProfile('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', true).ability).toBeGreaterThan(modelProfile('Qwen/Qwen2.5-32B-Instruct', false).ability);
    const guessed = modelProfile('acme/Tiny-Math-3B', false);
    expect(guessed.totalParamsB).toBe(3);
    expect(modelProfile('acme/Huge-70B', false).ability).toBeGreaterThan(guessed.ability);
    expect(modelProfile('acme/Huge-70B', true).ability).toBeGreaterThan(modelProfile('acme/Huge-70B', false).ability);
  });
});
