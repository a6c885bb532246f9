import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import type { RunCommandOptions } from '../commands/run-options.js';
import type { RunFlags } from '../commands/run-options.js';
import { fakeIo } from '../testing/fake-io.js';
import { runMenu, type MenuOptions } from './run-menu.js';

const FLAGS: RunFlags = { out: 'data', gateway: '127.0.0.1:50051', samplesPerProblem: 5, waitMs: 1000, subtopics: [], report: true, currency: 'USD' };
const catalog = () => loadCatalog(DEFAULT_CONFIG_DIR);

/** Drives the menu with `input` (or flags only) and a fake runOne that records the runs it is asked for. */
async function drive(options: Partial<MenuOptions>, input?: string, exitCode = 0) {
  const io = fakeIo(input);
  const runs: RunCommandOptions[] = [];
  const code = await runMenu(
    { flags: FLAGS, ...options },
    {
      io,
      catalog,
      runOne: (run) => {
        runs.push(run);
        return Promise.resolve(exitCode);
      },
    },
  );
  return { code, runs, out: io.outLines, err: io.errLines };
}

describe('runMenu driven by input lines', () => {
  it('lists models and domains, then quits on 0', async () => {
    const { code, out, runs } = await drive({}, '4\n5\n0\n');
    expect(code).toBe(0);
    expect(runs).toEqual([]);
    expect(out).toContain('  1) generate one domain');
    expect(out).toContain('  deepseek-ai/DeepSeek-R1-Distill-Qwen-32B  (reasoning)');
    expect(out.some((l) => l.startsWith('  algebra: '))).toBe(true);
  });

  it('generates one domain from the answers, blank answers taking the defaults', async () => {
    const { runs } = await drive({}, '1\nQwen/Qwen2.5-Math-72B-Instruct\ngeometry\n7\n1\n\nalgebra\n\n0\n');
    expect(runs.map((r) => [r.model, r.domain, r.count])).toEqual([
      ['Qwen/Qwen2.5-Math-72B-Instruct', 'geometry', 7],
      ['deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', 'algebra', 50],
    ]);
  });

  it('runs every domain of all-domains for choice 2', async () => {
    const { runs, out } = await drive({}, '2\n\n0\n');
    expect(runs.map((r) => r.domain)).toEqual(Object.keys(catalog().presets.domains('all-domains').domains));
    expect(out.some((l) => l.startsWith('total '))).toBe(true);
  });

  it("runs a model preset for choice 3 with the preset's values as defaults", async () => {
    const preset = catalog().presets.model('deepseek-r1');
    const { runs } = await drive({}, '3\ndeepseek-r1\n\n20\n0\n');
    expect(runs[0]).toMatchObject({
      domain: 'algebra',
      model: preset.model,
      count: 20,
      generator: { temperature: preset.ins_temp, topP: preset.ins_topp, maxTokens: preset.maxTokensInstruction },
    });
  });

  it('reports bad answers and unknown choices and goes on; ends at end of input', async () => {
    const { code, err, runs } = await drive({}, '9\n1\nm\nalgebra\nmany\n3\nno-such\n');
    expect(code).toBe(0);
    expect(runs).toEqual([]);
    expect(err).toEqual([
      'magpie menu: unknown choice "9"',
      'magpie menu: count must be a whole number ≥ 1, got "many"',
      expect.stringMatching(/^magpie menu: unknown preset "no-such"/),
    ]);
  });

  it("keeps the worst run's exit code and stops after an interrupt", async () => {
    expect((await drive({}, '1\nm\nalgebra\n1\n0\n', 1)).code).toBe(1);
    const interrupted = await drive({}, '1\nm\nalgebra\n1\n1\nm\nalgebra\n1\n0\n', 130);
    expect(interrupted.code).toBe(130);
    expect(interrupted.runs).toHaveLength(1);
  });
});

describe('runMenu driven by flags (--choice)', () => {
  it('runs the entry once without reading input', async () => {
    const { code, runs, out } = await drive({ choice: 1, model: 'm', domain: 'calculus', count: 3 });
    expect(code).toBe(0);
    expect(runs).toEqual([{ domain: 'calculus', count: 3, model: 'm', out: 'data', gateway: '127.0.0.1:50051', subtopics: [], samplesPerProblem: 5, waitMs: 1000, report: true, prices: { currency: 'USD' } }]);
    expect(out).not.toContain('  1) generate one domain');
  });

  it('fills what the flags leave out with the defaults, and fails on a missing required value', async () => {
    expect((await drive({ choice: 3, preset: 'deepseek-r1' })).runs[0]).toMatchObject({ domain: 'algebra', model: 'deepseek-ai/DeepSeek-R1' });
    expect((await drive({ choice: 3, preset: 'deepseek-r1', model: 'm', count: 4 })).runs[0]).toMatchObject({ model: 'm', count: 4 });
    const missing = await drive({ choice: 1 });
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual(['magpie menu: domain is required (give it as a flag with --choice 1)']);
    expect((await drive({ choice: 2, model: 'm' })).runs).toHaveLength(5);
    expect((await drive({ choice: 0 })).code).toBe(0);
  });
});
