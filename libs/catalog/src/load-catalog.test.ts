import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError } from './errors.js';
import { DEFAULT_CONFIG_DIR, loadCatalog } from './load-catalog.js';
import { presetTotal } from './preset-catalog.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const shipped = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(DEFAULT_CONFIG_DIR, file), 'utf8')) as Record<string, unknown>;

/** A config dir holding the shipped files, with `overrides` written over them (null leaves a file out). */
function configDir(overrides: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  for (const file of ['models.json', 'domains.json', 'presets.json']) {
    const content = overrides[file];
    if (content === null) continue;
    if (content === undefined) copyFileSync(join(DEFAULT_CONFIG_DIR, file), join(dir, file));
    else writeFileSync(join(dir, file), JSON.stringify(content));
  }
  return dir;
}

/** The shipped models.json with the first model changed by `edit`. */
function withFirstModel(edit: (m: Record<string, unknown>) => void): unknown {
  const file = shipped('models.json') as { models: Record<string, unknown>[] };
  edit(file.models[0] as Record<string, unknown>);
  return file;
}

describe('the shipped presets', () => {
  it("has the seed's all-domains mix: 36,000 problems over the five original domains", () => {
    const preset = catalog.presets.domains('all-domains');
    expect(preset.domains).toEqual({ algebra: 10000, calculus: 10000, geometry: 6000, statistics: 6000, number_theory: 4000 });
    expect(presetTotal(preset)).toBe(36000);
  });

  it("has the seed fork's per-model scripts with their sampling", () => {
    expect(catalog.presets.model('deepseek-r1-distill-llama-70b')).toMatchObject({
      model: 'deepseek-ai/DeepSeek-R1-Distill-Llama-70B',
      total_prompts: 1000,
      ins_topp: 1,
      ins_temp: 1.2,
      res_topp: 1,
      res_temp: 0.1,
      po_temp: 0.7,
      po_topp: 0.9,
      po_num_responses: 5,
    });
    expect(catalog.presets.model('deepseek-r1')).toMatchObject({ model: 'deepseek-ai/DeepSeek-R1', maxTokensInstruction: 3072, seedMaxTokensResponse: 4096 });
    expect(catalog.presets.model('gemma3-27b')).toMatchObject({ model: 'google/gemma-3-27b-it', maxTokensInstruction: 512, maxTokensResponse: 2048 });
    expect(catalog.presets.model('qwen2.5-math-72b')).toMatchObject({ ins_topp: 0.9, ins_temp: 0.6, res_topp: 0.9, res_temp: 0.6 });
    expect(catalog.presets.model('llama3.1-8b')).toMatchObject({ ins_topp: 1, ins_temp: 0.8, res_topp: 0.9, res_temp: 0.6, maxTokensInstruction: 1024 });
  });

  it('names only known models and gives reasoning models room to think', () => {
    for (const p of catalog.presets.all()) {
      if (p.kind !== 'model') continue;
      expect(catalog.models.has(p.model), p.name).toBe(true);
      if (catalog.models.get(p.model).reasoning) expect(p.maxTokensResponse, p.name).toBeGreaterThanOrEqual(16384);
    }
  });

  it('rejects an unknown preset with the list of known ones, and the wrong kind by name', () => {
    expect(() => catalog.presets.get('nope')).toThrow(CatalogError);
    expect(() => catalog.presets.get('nope')).toThrow(/unknown preset "nope"; known presets: all-domains, deepseek-r1, /);
    expect(() => catalog.presets.model('all-domains')).toThrow(/"all-domains" is a domains preset, not a model preset/);
    expect(() => catalog.presets.domains('deepseek-r1')).toThrow(/"deepseek-r1" is a model preset, not a domains preset/);
  });
});

describe('loadCatalog with presets', () => {
  it('gives an empty preset catalog when presets.json is absent', () => {
    const loaded = loadCatalog(configDir({ 'presets.json': null }));
    expect(loaded.presets.names).toEqual([]);
    expect(() => loaded.presets.get('all-domains')).toThrow(/known presets: \(none\)/);
  });

  it('rejects a preset naming an unknown model or domain', () => {
    const model = { presets: [{ ...catalog.presets.model('llama3-8b'), model: 'acme/Nope' }] };
    expect(() => loadCatalog(configDir({ 'presets.json': model }))).toThrow(/presets\.json is invalid: presets\.0\.model: unknown model "acme\/Nope"/);
    const domains = { presets: [{ name: 'x', kind: 'domains', source: 's', domains: { topology: 5 } }] };
    expect(() => loadCatalog(configDir({ 'presets.json': domains }))).toThrow(/presets\.0\.domains\.topology: unknown domain/);
  });

  it("rejects a preset that cuts a reasoning model's responses to the seed's 4096 tokens", () => {
    const presets = { presets: [{ ...catalog.presets.model('deepseek-r1'), maxTokensResponse: 4096 }] };
    expect(() => loadCatalog(configDir({ 'presets.json': presets }))).toThrow(/presets\.0\.maxTokensResponse: a reasoning model needs >= 16384/);
  });

  it('rejects duplicate names, unknown fields and a half-given preference step', () => {
    const base = catalog.presets.model('llama3-8b');
    expect(() => loadCatalog(configDir({ 'presets.json': { presets: [base, base] } }))).toThrow(/duplicate preset name llama3-8b/);
    expect(() => loadCatalog(configDir({ 'presets.json': { presets: [{ ...base, temperature: 1 }] } }))).toThrow(/presets\.json is invalid/);
    expect(() => loadCatalog(configDir({ 'presets.json': { presets: [{ ...base, po_temp: 0.7 }] } }))).toThrow(/go together/);
  });
});

describe('loadCatalog model validation', () => {
  it('rejects stop ids that do not pair with the stop strings', () => {
    const models = withFirstModel((m) => (m.stopTokenIds = [151643]));
    expect(() => loadCatalog(configDir({ 'models.json': models }))).toThrow(/models\.0\.stopTokenIds: must be empty or give one id per stopTokens entry/);
  });

  it('rejects a reasoning model with fewer than 16384 response tokens', () => {
    const models = withFirstModel((m) => ((m.defaults as { response: { maxTokens: number } }).response.maxTokens = 4096));
    expect(() => loadCatalog(configDir({ 'models.json': models }))).toThrow(/models\.0\.defaults: a reasoning model needs response and samples maxTokens >= 16384/);
  });

  it('rejects a system template with two placeholders or without systemRole', () => {
    const twice = withFirstModel((m) => (m.systemTemplate = '{system}{system}'));
    expect(() => loadCatalog(configDir({ 'models.json': twice }))).toThrow(/models\.0\.systemTemplate: must contain \{system\} exactly once/);
    const noRole = withFirstModel((m) => delete m.systemRole);
    expect(() => loadCatalog(configDir({ 'models.json': noRole }))).toThrow(/models\.0\.systemRole/);
  });

  it('accepts a model with stop strings only (ids unknown)', () => {
    const models = withFirstModel((m) => (m.stopTokenIds = []));
    expect(loadCatalog(configDir({ 'models.json': models })).models.ids[0]).toBe('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B');
  });
});
