import { mkdtempSync, readFileSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_DIR, loadCatalog } from './load-catalog.js';
import { gpusPerReplica, weightsGiB } from './serving-settings.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);

type Json = Record<string, unknown> & { models: Record<string, unknown>[]; rewardModels: Record<string, unknown>[] };
const shippedModels = (): Json => JSON.parse(readFileSync(join(DEFAULT_CONFIG_DIR, 'models.json'), 'utf8')) as Json;

/** loadCatalog over the shipped configs with models.json changed by `edit`; the error message, or '' when it loads. */
function loadWith(edit: (file: Json) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'serving-'));
  for (const f of ['domains.json', 'presets.json']) copyFileSync(join(DEFAULT_CONFIG_DIR, f), join(dir, f));
  const file = shippedModels();
  edit(file);
  writeFileSync(join(dir, 'models.json'), JSON.stringify(file));
  try {
    loadCatalog(dir);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

const model = (file: Json, id: string) => {
  const m = file.models.find((x) => x.id === id);
  if (!m) throw new Error(`no ${id}`);
  return m as { serving: Record<string, unknown> };
};

describe('the shipped serving settings', () => {
  it("follow the seed's sizing notes: 32 GB+ per GPU, A100 80GB and TP 2-4 (or more) for 70B-class, memory utilisation 0.90-0.95", () => {
    for (const m of catalog.models.all()) {
      const s = m.serving;
      expect(s.minGpuMemoryGiB, m.id).toBeGreaterThanOrEqual(32);
      expect(s.gpuMemoryUtilization, m.id).toBeGreaterThanOrEqual(0.9);
      expect(s.gpuMemoryUtilization, m.id).toBeLessThanOrEqual(0.95);
      if (s.paramsB >= 60) {
        expect(s.minGpuMemoryGiB, m.id).toBe(80);
        expect(s.tensorParallelSize, m.id).toBeGreaterThanOrEqual(2);
      }
    }
    const tp = (id: string) => catalog.models.get(id).serving.tensorParallelSize;
    expect(tp('deepseek-ai/DeepSeek-R1-Distill-Llama-70B')).toBe(4);
    expect(tp('meta-llama/Llama-3.3-70B-Instruct')).toBe(4);
    expect(tp('Qwen/Qwen2.5-7B-Instruct')).toBe(1);
  });

  it('parse R1-family reasoning with deepseek_r1 and serve the seed\'s FP4 variant quantized', () => {
    for (const m of catalog.models.all().filter((x) => x.family === 'deepseek-r1')) expect(m.serving.reasoningParser, m.id).toBe('deepseek_r1');
    for (const m of catalog.models.all().filter((x) => !x.reasoning)) expect(m.serving.reasoningParser, m.id).toBeUndefined();
    expect(catalog.models.get('nvidia/DeepSeek-R1-0528-FP4').serving).toMatchObject({ quantization: 'modelopt_fp4', tensorParallelSize: 8 });
    expect(weightsGiB(catalog.models.get('nvidia/DeepSeek-R1-0528-FP4').serving)).toBeCloseTo(351.5, 0);
    expect(gpusPerReplica(catalog.models.get('deepseek-ai/DeepSeek-R1').serving)).toBe(16);
  });

  it('mark the gated repositories (Llama, Gemma, Mistral) and serve the reward models', () => {
    const gated = catalog.models.all().filter((m) => m.serving.gated).map((m) => m.id.split('/')[0]);
    expect(new Set(gated)).toEqual(new Set(['google', 'meta-llama', 'mistralai']));
    expect(catalog.models.getReward('RLHFlow/ArmoRM-Llama3-8B-v0.1')).toMatchObject({ api: 'armorm', serving: { maxBatchSize: 16, dtype: 'bfloat16' } });
    expect(catalog.models.getReward('Skywork/Skywork-Reward-Llama-3.1-8B-v0.2')).toMatchObject({ api: 'classify', serving: { runner: 'pooling', convert: 'classify' } });
  });
});

describe('loadCatalog serving validation', () => {
  it('accepts the shipped file unchanged', () => {
    expect(loadWith(() => undefined)).toBe('');
  });

  it.each([
    ['a missing serving block', (f: Json) => delete (model(f, 'google/gemma-3-27b-it') as { serving?: unknown }).serving, /models\.4\.serving: /],
    ['a 70B model on one GPU', (f: Json) => (model(f, 'meta-llama/Llama-3.3-70B-Instruct').serving.tensorParallelSize = 1), /models\.12\.serving\.tensorParallelSize: a 70\.6B model needs tensor parallelism/],
    [
      'a 70B model at TP 2 (weights leave no KV cache)',
      (f: Json) => (model(f, 'meta-llama/Llama-3.3-70B-Instruct').serving.tensorParallelSize = 2),
      /models\.12\.serving\.tensorParallelSize: 131\.5 GiB of weights leave too little KV cache on 2 × 80 GiB at gpuMemoryUtilization 0\.92 \(weights may use at most 80%\): use 4 GPUs or more/,
    ],
    ['a 70B model on 40 GB GPUs', (f: Json) => (model(f, 'Qwen/Qwen2.5-72B-Instruct').serving.minGpuMemoryGiB = 40), /models\.23\.serving\.minGpuMemoryGiB: a 72\.7B model needs 80 GiB GPUs/],
    ['VRAM below the seed\'s 32 GB', (f: Json) => (model(f, 'Qwen/Qwen2-1.5B-Instruct').serving.minGpuMemoryGiB = 24), /models\.15\.serving\.minGpuMemoryGiB: Too small/],
    ['an R1 model without its reasoning parser', (f: Json) => delete model(f, 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B').serving.reasoningParser, /models\.0\.serving\.reasoningParser: a reasoning model needs a reasoning parser/],
    ['the wrong parser for R1', (f: Json) => (model(f, 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B').serving.reasoningParser = 'qwen3'), /models\.0\.serving\.reasoningParser: the DeepSeek-R1 family uses "deepseek_r1"/],
    ['a context shorter than the responses', (f: Json) => (model(f, 'Qwen/Qwen2.5-7B-Instruct').serving.maxModelLen = 4096), /models\.20\.serving\.maxModelLen: must hold the longest default maxTokens \(4096\) plus 1024 prompt tokens/],
    ['an unknown quantization', (f: Json) => (model(f, 'Qwen/Qwen2.5-7B-Instruct').serving.quantization = 'int3'), /models\.20\.serving\.quantization: Invalid option/],
    ['an extra arg that repeats a managed flag', (f: Json) => (model(f, 'Qwen/Qwen2.5-7B-Instruct').serving.extraArgs = ['--max-model-len=4096']), /models\.20\.serving\.extraArgs\.0: must not repeat a flag derived from the serving settings/],
    ['a misspelt setting', (f: Json) => (model(f, 'Qwen/Qwen2.5-7B-Instruct').serving.tensorParalelSize = 2), /models\.20\.serving: Unrecognized key: "tensorParalelSize"/],
    ['memory utilisation above 0.98', (f: Json) => (model(f, 'Qwen/Qwen2.5-7B-Instruct').serving.gpuMemoryUtilization = 0.99), /models\.20\.serving\.gpuMemoryUtilization: Too big/],
    [
      'a /classify reward model without the pooling runner',
      (f: Json) => delete (f.rewardModels[1] as { serving: Record<string, unknown> }).serving.runner,
      /rewardModels\.1\.serving\.runner: a \/classify reward model is served with runner "pooling" and convert "classify"/,
    ],
    ['ArmoRM served by vLLM settings', (f: Json) => ((f.rewardModels[0] as { serving: Record<string, unknown> }).serving.tensorParallelSize = 1), /rewardModels\.0\.serving: Unrecognized key: "tensorParallelSize"/],
  ])('names the field of %s', (_what, edit, message) => {
    expect(loadWith(edit)).toMatch(message);
  });

  it("rejects a preset whose response budget exceeds its model's context", () => {
    const dir = mkdtempSync(join(tmpdir(), 'serving-'));
    for (const f of ['domains.json', 'models.json']) copyFileSync(join(DEFAULT_CONFIG_DIR, f), join(dir, f));
    const presets = JSON.parse(readFileSync(join(DEFAULT_CONFIG_DIR, 'presets.json'), 'utf8')) as { presets: Record<string, unknown>[] };
    const math = presets.presets.find((p) => p.name === 'qwen2.5-math-72b');
    if (math) math.maxTokensResponse = 4096;
    writeFileSync(join(dir, 'presets.json'), JSON.stringify(presets));
    expect(() => loadCatalog(dir)).toThrow(/presets\.\d+\.maxTokensResponse: 4096 plus 1024 prompt tokens exceeds the model's maxModelLen 4096/);
  });
});
