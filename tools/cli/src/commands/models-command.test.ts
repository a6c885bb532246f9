import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG_DIR } from '@magpie/catalog';
import { describe, expect, it } from 'vitest';
import { createCliProgram } from '../cli-program.js';
import { loadCliConfig } from '../config.js';
import { fakeIo, type FakeIo } from '../testing/fake-io.js';
import { DEFAULT_MODELS_FILE } from './models-command.js';

/** Runs `magpie <argv>` in this process, as main.ts does; the exit code and what was printed. */
async function magpie(argv: string[]): Promise<{ code: number; io: FakeIo }> {
  const io = fakeIo();
  let code = 0;
  const program = await createCliProgram({ config: loadCliConfig({}), io, version: 'test', setExitCode: (c) => (code = c) });
  program.exitOverride().configureOutput({ writeErr: (s) => io.err(s.trimEnd()), writeOut: (s) => io.out(s.trimEnd()) });
  await program.parseAsync(argv, { from: 'user' });
  return { code, io };
}

type ModelsJson = { models: { id: string; serving: Record<string, unknown> }[]; rewardModels: unknown[] };
const shipped = (): ModelsJson => JSON.parse(readFileSync(DEFAULT_MODELS_FILE, 'utf8')) as ModelsJson;

/** A config directory holding the shipped files with models.json (and presets.json) replaced. */
function configDir(models: unknown, presets?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'models-command-'));
  copyFileSync(join(DEFAULT_CONFIG_DIR, 'domains.json'), join(dir, 'domains.json'));
  writeFileSync(join(dir, 'models.json'), JSON.stringify(models));
  if (presets === undefined) copyFileSync(join(DEFAULT_CONFIG_DIR, 'presets.json'), join(dir, 'presets.json'));
  else writeFileSync(join(dir, 'presets.json'), JSON.stringify(presets));
  return dir;
}

describe('magpie models list', () => {
  it('prints every model with its serving settings, then the reward models', async () => {
    const { code, io } = await magpie(['models', 'list']);
    expect(code).toBe(0);
    const lines = io.outLines;
    expect(lines[0]).toBe('33 generator models (default deepseek-ai/DeepSeek-R1-Distill-Qwen-32B); GPUS per replica = tensor-parallel size');
    expect(lines[1]).toMatch(/^MODEL\s+GPUS\s+MAX LEN\s+GPU MEM\s+DTYPE\s+QUANT\s+PARSER\s+SEQS\s+VRAM\s+GATED\s+EXTRA ARGS$/);
    expect(lines[2]).toMatch(/^deepseek-ai\/DeepSeek-R1-Distill-Qwen-32B\s+2\s+32768\s+0\.92\s+bfloat16\s+-\s+deepseek_r1\s+256\s+80 GiB\s+no$/);
    expect(lines.find((l) => l.startsWith('deepseek-ai/DeepSeek-R1 '))).toMatch(/16 \(TP 8 × PP 2\)\s+32768\s+0\.95\s+bfloat16\s+fp8\s+deepseek_r1/);
    expect(lines.find((l) => l.startsWith('nvidia/DeepSeek-R1-0528-FP4'))).toMatch(/\s8\s+32768\s+0\.95\s+bfloat16\s+modelopt_fp4\s+deepseek_r1/);
    expect(lines.find((l) => l.startsWith('microsoft/Phi-3-small-128k-instruct'))).toMatch(/--trust-remote-code$/);
    expect(lines.find((l) => l.startsWith('meta-llama/Llama-3.3-70B-Instruct'))).toMatch(/\s4\s+8192\s+0\.92\s+bfloat16\s+-\s+-\s+256\s+80 GiB\s+yes$/);
    const rewards = lines.slice(lines.indexOf('') + 1);
    expect(rewards[0]).toBe('2 reward models (default RLHFlow/ArmoRM-Llama3-8B-v0.1)');
    expect(rewards[2]).toMatch(/^RLHFlow\/ArmoRM-Llama3-8B-v0\.1\s+ArmoRM server \(\/v1\/armorm\/score\)\s+1\s+8192\s+bfloat16\s+batch 16/);
    expect(rewards[3]).toMatch(/^Skywork\/Skywork-Reward-Llama-3\.1-8B-v0\.2\s+vLLM \/classify \(pooling\)\s+1\s+32768/);
    expect(lines).toHaveLength(2 + 33 + 1 + 2 + 2);
  });

  it('prints the same as JSON with --json', async () => {
    const { code, io } = await magpie(['models', 'list', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(io.outLines.join('\n')) as { defaultModel: string; models: { id: string; serving: { tensorParallelSize: number } }[]; rewardModels: { api: string }[] };
    expect(json.defaultModel).toBe('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B');
    expect(json.models).toHaveLength(33);
    expect(json.models.find((m) => m.id === 'Qwen/Qwen2.5-72B-Instruct')?.serving.tensorParallelSize).toBe(4);
    expect(json.rewardModels.map((r) => r.api)).toEqual(['armorm', 'classify']);
  });
});

describe('magpie models validate', () => {
  it("accepts the repository's models file by default", async () => {
    const { code, io } = await magpie(['models', 'validate']);
    expect(code).toBe(0);
    expect(io.outLines).toEqual([`${DEFAULT_MODELS_FILE}: valid (33 models, 2 reward models)`]);
  });

  it('names every bad field by its path and exits 1', async () => {
    const models = shipped();
    const llama = models.models.find((m) => m.id === 'meta-llama/Llama-3.3-70B-Instruct');
    if (llama) llama.serving.tensorParallelSize = 1;
    const first = models.models[0];
    if (first) first.serving.gpuMemoryUtilization = 1.5;
    const file = join(configDir(models), 'models.json');
    const { code, io } = await magpie(['models', 'validate', file]);
    expect(code).toBe(1);
    expect(io.outLines).toEqual([]);
    expect(io.errLines[0]).toBe(`${file}: invalid (3 problems)`);
    expect(io.errLines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}models\.0\.serving\.gpuMemoryUtilization: Too big: expected number to be <=0\.98$/),
      '  models.12.serving.tensorParallelSize: a 70.6B model needs tensor parallelism (2-4 GPUs, more for the largest)',
      expect.stringMatching(/^ {2}models\.12\.serving\.tensorParallelSize: 131\.5 GiB of weights leave too little KV cache on 1 × 80 GiB .*use 4 GPUs or more$/),
    ]);
  });

  it('checks the presets of the same config directory against the models', async () => {
    const presets = JSON.parse(readFileSync(join(DEFAULT_CONFIG_DIR, 'presets.json'), 'utf8')) as { presets: Record<string, unknown>[] };
    const math = presets.presets.find((p) => p.name === 'qwen2-math-7b');
    if (math) math.maxTokensResponse = 4000;
    const file = join(configDir(shipped(), presets), 'models.json');
    const { code, io } = await magpie(['models', 'validate', file]);
    expect(code).toBe(1);
    expect(io.errLines.join('\n')).toMatch(/presets\.json is invalid: presets\.\d+\.maxTokensResponse: 4000 plus 1024 prompt tokens exceeds the model's maxModelLen 4096/);
  });

  it('reports a file that is not JSON, or missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'models-command-'));
    writeFileSync(join(dir, 'broken.json'), '{"models": [');
    const broken = await magpie(['models', 'validate', join(dir, 'broken.json')]);
    expect(broken.code).toBe(1);
    expect(broken.io.errLines[1]).toMatch(/^ {2}cannot read .*broken\.json: /);
    const missing = await magpie(['models', 'validate', join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.io.errLines[1]).toMatch(/cannot read .*nope\.json: ENOENT/);
  });
});
