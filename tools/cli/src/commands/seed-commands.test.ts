import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { PresetCatalog, PresetsFile } from '@magpie/catalog';
import { loadCliConfig } from '../config.js';
import { parseCommand } from '../testing/parse-command.js';
import { defineGenerateAllCommand, type GenerateAllOptions } from './generate-all-command.js';
import { defineGenerateDomainCommand } from './generate-domain-command.js';
import { defineMenuCommand } from './menu-command.js';
import type { MenuOptions } from '../menu/run-menu.js';
import { defineRunCommand, DEFAULT_MODEL, type RunCommandOptions } from './run-command.js';

const CONFIG = loadCliConfig({});

// Fixed presets, so these tests do not follow edits to configs/presets.json.
const PRESETS = new PresetCatalog(
  PresetsFile.parse({
    presets: [
      { name: 'all-domains', kind: 'domains', source: 'test', domains: { algebra: 10_000, calculus: 10_000, geometry: 6_000, statistics: 6_000, number_theory: 4_000 } },
      {
        name: 'deepseek-r1',
        kind: 'model',
        source: 'test',
        model: 'deepseek-ai/DeepSeek-R1',
        total_prompts: 1000,
        ins_topp: 1,
        ins_temp: 1.2,
        res_topp: 1,
        res_temp: 0.1,
        maxTokensInstruction: 3072,
        maxTokensResponse: 16384,
      },
      {
        name: 'qwen25-math-72b',
        kind: 'model',
        source: 'test',
        model: 'Qwen/Qwen2.5-Math-72B-Instruct',
        total_prompts: 1000,
        ins_topp: 1,
        ins_temp: 1,
        res_topp: 1,
        res_temp: 0,
        maxTokensInstruction: 512,
        maxTokensResponse: 2048,
        po_topp: 0.95,
        po_temp: 0.5,
        maxTokensSamples: 2048,
        po_num_responses: 7,
      },
    ],
  }),
);

const parseRun = (argv: string[]) => parseCommand<RunCommandOptions>((execute) => defineRunCommand(CONFIG, execute, () => PRESETS), ['run', ...argv]);
const parseDomain = (argv: string[]) => parseCommand<RunCommandOptions>((execute) => defineGenerateDomainCommand(CONFIG, execute), ['generate-domain', ...argv]);
const parseAll = (argv: string[]) =>
  parseCommand<GenerateAllOptions>((execute) => defineGenerateAllCommand(CONFIG, execute, () => PRESETS), ['generate-all', ...argv]);
const parseMenu = (argv: string[]) => parseCommand<MenuOptions>((execute) => defineMenuCommand(CONFIG, execute), ['menu', ...argv]);

async function usageError(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CommanderError);
  return (error as CommanderError).code;
}

const COMMON = { out: 'data', gateway: '127.0.0.1:50051', subtopics: [], waitMs: 60_000, report: true, prices: { currency: 'USD' } };

describe('magpie run --preset <name> [model] [total_prompts] [ins_topp] [ins_temp] [res_topp] [res_temp]', () => {
  it("takes the preset's model, count and sampling, with algebra as the domain", async () => {
    expect(await parseRun(['--preset', 'deepseek-r1'])).toEqual({
      ...COMMON,
      domain: 'algebra',
      model: 'deepseek-ai/DeepSeek-R1',
      count: 1000,
      samplesPerProblem: 5,
      generator: { temperature: 1.2, topP: 1, maxTokens: 3072 },
      solver: { temperature: 0.1, topP: 1, maxTokens: 16384 },
    });
  });

  it("maps the script's positionals over the preset's values, in the script's order", async () => {
    const options = await parseRun(['--preset', 'deepseek-r1', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', '50', '0.95', '1.3', '0.9', '0.6']);
    expect(options).toMatchObject({
      model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
      count: 50,
      generator: { topP: 0.95, temperature: 1.3, maxTokens: 3072 },
      solver: { topP: 0.9, temperature: 0.6, maxTokens: 16384 },
    });
  });

  it('lets leading positionals override and keeps the preset for the rest', async () => {
    expect(await parseRun(['--preset', 'deepseek-r1', 'deepseek-ai/DeepSeek-R1', '200', '0.9'])).toMatchObject({
      count: 200,
      generator: { topP: 0.9, temperature: 1.2 },
      solver: { topP: 1, temperature: 0.1 },
    });
  });

  it('ranks positionals over flags over the preset, and --domain over algebra', async () => {
    expect(await parseRun(['--preset', 'deepseek-r1', '--model', 'x/y', '--count', '7', '--domain', 'geometry'])).toMatchObject({
      model: 'x/y',
      count: 7,
      domain: 'geometry',
    });
    expect(await parseRun(['--preset', 'deepseek-r1', '--count', '7', 'a/b', '9'])).toMatchObject({ model: 'a/b', count: 9 });
  });

  it("uses the preset's preference-data sampling and response count, unless --samples-per-problem is given", async () => {
    expect(await parseRun(['--preset', 'qwen25-math-72b'])).toMatchObject({
      samplesPerProblem: 7,
      sampler: { temperature: 0.5, topP: 0.95, maxTokens: 2048 },
    });
    expect(await parseRun(['--preset', 'qwen25-math-72b', '--samples-per-problem', '3'])).toMatchObject({ samplesPerProblem: 3 });
  });

  it('accepts the positionals without a preset too, but then needs --domain', async () => {
    expect(await parseRun(['--domain', 'calculus', 'a/b', '12', '1', '0.7'])).toEqual({
      ...COMMON,
      domain: 'calculus',
      model: 'a/b',
      count: 12,
      samplesPerProblem: 5,
      generator: { topP: 1, temperature: 0.7 },
    });
    expect(await usageError(parseRun(['a/b', '12']))).toBe('commander.missingMandatoryOptionValue');
  });

  it('finds the presets of configs/presets.json by default', async () => {
    const options = await parseCommand<RunCommandOptions>((execute) => defineRunCommand(CONFIG, execute), ['run', '--preset', 'deepseek-r1']);
    expect(options).toMatchObject({ domain: 'algebra', model: 'deepseek-ai/DeepSeek-R1' });
  });
});

describe('magpie generate-domain <model> <domain> <count>', () => {
  it('maps the three positionals onto one run with the shared flags', async () => {
    expect(await parseDomain(['deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', 'geometry', '300'])).toEqual({
      ...COMMON,
      domain: 'geometry',
      count: 300,
      model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
      samplesPerProblem: 5,
    });
    expect(await parseDomain(['m', 'algebra', '5', '--seed', '3', '--pair-rule', 'magpie', '--out', '/tmp/o'])).toMatchObject({
      seed: 3,
      pairRule: 'magpie',
      out: '/tmp/o',
    });
    const quality = ['m', 'algebra', '5', '--style-pairs', '--verify-share', '0.8', '--adaptive-sampling', '--keep-unverified'];
    expect(await parseDomain(quality)).toMatchObject({ quality: { verifyShare: 0.8, stylePairs: true, adaptiveSampling: true, keepUnverified: true } });
    expect(await usageError(parseDomain(['m', 'algebra', '5', '--pair-rule', 'majority']))).toBe('commander.invalidArgument');
    expect(await usageError(parseDomain(['m', 'algebra', '5', '--verify-share', '0']))).toBe('commander.invalidArgument');
  });

  it.each([
    [['m', 'algebra'], 'commander.missingArgument'],
    [['m', 'algebra', 'many'], 'commander.invalidArgument'],
    [['m', 'algebra', '0'], 'commander.invalidArgument'],
    [['m', 'algebra', '5', 'extra'], 'commander.excessArguments'],
  ])('rejects %j', async (argv, code) => {
    expect(await usageError(parseDomain(argv))).toBe(code);
  });
});

describe('magpie generate-all <model>', () => {
  it("plans one run per domain of the all-domains preset with the preset's counts (36,000)", async () => {
    const options = await parseAll(['Qwen/Qwen2.5-Math-72B-Instruct', '--min-reward-margin', '0.1']);
    expect(options.preset).toBe('all-domains');
    expect(options.runs.map((r) => [r.domain, r.count])).toEqual([
      ['algebra', 10_000],
      ['calculus', 10_000],
      ['geometry', 6_000],
      ['statistics', 6_000],
      ['number_theory', 4_000],
    ]);
    expect(options.runs.reduce((n, r) => n + r.count, 0)).toBe(36_000);
    for (const run of options.runs) expect(run).toMatchObject({ model: 'Qwen/Qwen2.5-Math-72B-Instruct', minRewardMargin: 0.1, subtopics: [] });
  });

  it('rejects a missing model, a model preset and --subtopics', async () => {
    expect(await usageError(parseAll([]))).toBe('commander.missingArgument');
    expect(await usageError(parseAll(['m', '--preset', 'deepseek-r1']))).toBe('magpie.invalidPreset');
    expect(await usageError(parseAll(['m', '--subtopics', 'a']))).toBe('commander.unknownOption');
  });
});

describe('magpie menu', () => {
  it('takes no choice by default (interactive)', async () => {
    expect(await parseMenu([])).toEqual({ flags: { out: 'data', gateway: '127.0.0.1:50051', subtopics: [], samplesPerProblem: 5, waitMs: 60_000, report: true, currency: 'USD' } });
  });

  it('takes the choice and every value as flags', async () => {
    expect(await parseMenu(['--choice', '1', '--model', 'm', '--domain', 'algebra', '--count', '3', '--seed', '1'])).toEqual({
      choice: 1,
      model: 'm',
      domain: 'algebra',
      count: 3,
      flags: { out: 'data', gateway: '127.0.0.1:50051', subtopics: [], samplesPerProblem: 5, waitMs: 60_000, seed: 1, report: true, currency: 'USD' },
    });
    expect(await parseMenu(['--choice', '3', '--preset', 'deepseek-r1'])).toMatchObject({ choice: 3, preset: 'deepseek-r1' });
  });

  it.each([
    [['--choice', '6'], 'commander.invalidArgument'],
    [['--count', '0'], 'commander.invalidArgument'],
    [['extra'], 'commander.excessArguments'],
  ])('rejects %j', async (argv, code) => {
    expect(await usageError(parseMenu(argv))).toBe(code);
  });

  it('shares the defaults of magpie run', () => {
    expect(DEFAULT_MODEL).toBe('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B');
  });
});
