import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError } from './errors.js';
import { DEFAULT_CONFIG_DIR, loadCatalog } from './load-catalog.js';
import { matchPreQuery, renderPreQuery } from './render-pre-query.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const R1 = 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B';
const QWEN = 'Qwen/Qwen2.5-Math-72B-Instruct';

describe('the shipped catalog', () => {
  it('has the required models and the six domains with five subtopics each', () => {
    expect(catalog.models.ids).toEqual(expect.arrayContaining([R1, QWEN]));
    expect(catalog.models.ids[0]).toBe(R1);
    expect(catalog.domains.names).toEqual(['algebra', 'calculus', 'geometry', 'statistics', 'number_theory', 'discrete']);
    for (const d of catalog.domains.all()) expect(d.subtopics).toHaveLength(5);
    expect(catalog.domains.get('discrete').subtopics.map((s) => s.name)).toEqual([
      'graph_theory',
      'combinatorial_identities',
      'recurrences',
      'logic_and_sets',
      'pigeonhole',
    ]);
  });

  it("keeps the seed fork's instruction temperature per domain", () => {
    const temps = Object.fromEntries(catalog.domains.all().map((d) => [d.name, d.instructionTemperature]));
    expect(temps).toEqual({ algebra: 1.3, calculus: 1.2, geometry: 1.35, statistics: 1.1, number_theory: 1.25, discrete: 1.3 });
  });

  it('gives every domain and subtopic its own steering prompt', () => {
    const prompts = catalog.domains.all().flatMap((d) => [d.systemPrompt, ...d.subtopics.map((s) => s.systemPrompt)]);
    expect(new Set(prompts).size).toBe(prompts.length);
  });

  it('rejects an unknown model with the list of known ones', () => {
    expect(() => catalog.models.get('acme/Nope')).toThrow(CatalogError);
    expect(() => catalog.models.get('acme/Nope')).toThrow(new RegExp(`known models: .*${R1.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
  });
});

describe('renderPreQuery', () => {
  it("renders R1-Distill's real chat prefix: BOS, system text, then the User tag", () => {
    const p = renderPreQuery(catalog.models.get(R1), 'SYS');
    expect(p.prompt).toBe('<｜begin▁of▁sentence｜>SYS<｜User｜>');
    expect(p.addSpecialTokens).toBe(false);
    expect(p.stopTokenIds).toEqual([151643, 151644, 151645]);
    expect(p.stop).toContain('<｜end▁of▁sentence｜>');
  });

  it('renders the bare R1 template without a system prompt', () => {
    expect(renderPreQuery(catalog.models.get(R1), undefined).prompt).toBe('<｜begin▁of▁sentence｜><｜User｜>');
  });

  it("renders Qwen2.5's ChatML system turn and lets vLLM add nothing (no BOS)", () => {
    const p = renderPreQuery(catalog.models.get(QWEN), 'SYS');
    expect(p.prompt).toBe('<|im_start|>system\nSYS<|im_end|>\n<|im_start|>user\n');
    expect(p.addSpecialTokens).toBe(true);
    expect(p.stop).toEqual(['<|im_end|>', '<|im_start|>', '<|endoftext|>', 'Assistant', 'assistant']);
    expect(p.stopTokenIds).toEqual([151645, 151644, 151643]);
    expect(renderPreQuery(catalog.models.get(QWEN), undefined).prompt).toBe(
      '<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\n<|im_start|>user\n',
    );
  });

  it('round-trips through matchPreQuery, also with a double BOS', () => {
    const model = catalog.models.get(R1);
    const system = catalog.domains.get('algebra').systemPrompt;
    const { prompt } = renderPreQuery(model, system);
    expect(matchPreQuery(model, prompt)).toEqual({ system });
    expect(matchPreQuery(model, '<｜begin▁of▁sentence｜>' + prompt)).toEqual({ system });
    expect(matchPreQuery(model, 'Hello')).toBeUndefined();
    expect(matchPreQuery(model, model.preQueryTemplate)).toEqual({ system: undefined });
  });
});

describe('loadCatalog', () => {
  it('names the file and field of an invalid entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    copyFileSync(join(DEFAULT_CONFIG_DIR, 'domains.json'), join(dir, 'domains.json'));
    writeFileSync(
      join(dir, 'models.json'),
      JSON.stringify({ models: [{ id: 'x' }], rewardModels: [{ id: 'r', api: 'classify' }], defaultRewardModel: 'r' }),
    );
    expect(() => loadCatalog(dir)).toThrow(/models\.json is invalid: .*models\.0\.preQueryTemplate/);
  });

  it('explains a missing file', () => {
    expect(() => loadCatalog(join(tmpdir(), 'no-such-dir'))).toThrow(/cannot read .*models\.json/);
  });
});
