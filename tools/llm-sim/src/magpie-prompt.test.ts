import { DEFAULT_CONFIG_DIR, loadCatalog, renderPreQuery } from '@magpie/catalog';
import { describe, expect, it } from 'vitest';
import { hasDoubleBos, recogniseMagpiePrompt } from './magpie-prompt.js';
import { Rng } from './rng.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const r1 = catalog.models.get('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B');
const qwen = catalog.models.get('Qwen/Qwen2.5-Math-72B-Instruct');
const BOS = r1.bosToken ?? '';

describe('hasDoubleBos', () => {
  it.each([
    { name: 'BOS prompt sent with add_special_tokens=false', model: r1, prompt: `${BOS}<｜User｜>`, addSpecialTokens: false, expected: false },
    { name: 'BOS prompt sent with add_special_tokens=true', model: r1, prompt: `${BOS}<｜User｜>`, addSpecialTokens: true, expected: true },
    { name: 'two literal BOS even without special tokens', model: r1, prompt: `${BOS}${BOS}<｜User｜>`, addSpecialTokens: false, expected: true },
    { name: 'prompt without BOS', model: r1, prompt: '<｜User｜>', addSpecialTokens: true, expected: false },
    { name: 'model without a BOS token', model: qwen, prompt: '<|im_start|>user\n', addSpecialTokens: true, expected: false },
  ])('$name', ({ model, prompt, addSpecialTokens, expected }) => {
    expect(hasDoubleBos(model, prompt, addSpecialTokens)).toBe(expected);
  });

  it('renderPreQuery output is never a double BOS when its addSpecialTokens is honoured', () => {
    for (const model of catalog.models.all()) {
      const pre = renderPreQuery(model, 'You are a helpful assistant.');
      expect(hasDoubleBos(model, pre.prompt, pre.addSpecialTokens)).toBe(false);
    }
  });
});

describe('recogniseMagpiePrompt', () => {
  const rng = new Rng(1);
  it('finds the subtopic from its system prompt, for every model', () => {
    const subtopic = catalog.domains.subtopic('geometry', 'circles');
    for (const model of catalog.models.all()) {
      const { prompt } = renderPreQuery(model, subtopic.systemPrompt);
      expect(recogniseMagpiePrompt({ model, prompt, domains: catalog.domains, rng })).toEqual({ domain: 'geometry', subtopic: 'circles' });
    }
  });

  it('finds the domain from a domain-level system prompt', () => {
    const { prompt } = renderPreQuery(qwen, catalog.domains.get('calculus').systemPrompt);
    expect(recogniseMagpiePrompt({ model: qwen, prompt, domains: catalog.domains, rng })).toEqual({ domain: 'calculus', subtopic: undefined });
  });

  it('picks a random domain for the bare template or an unknown system prompt', () => {
    for (const system of [undefined, 'You are a pirate.']) {
      const topic = recogniseMagpiePrompt({ model: r1, prompt: renderPreQuery(r1, system).prompt, domains: catalog.domains, rng });
      expect(catalog.domains.names).toContain(topic?.domain);
      expect(topic?.subtopic).toBeUndefined();
    }
  });

  it('returns undefined for a prompt that is not the model template', () => {
    expect(recogniseMagpiePrompt({ model: r1, prompt: 'Once upon a time', domains: catalog.domains, rng })).toBeUndefined();
  });
});
