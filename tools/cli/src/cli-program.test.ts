import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { defineRunCommand, DEFAULT_MODEL, type RunCommandOptions } from './commands/run-command.js';
import { defineUpCommand, type UpCommandOptions } from './commands/up-command.js';
import { loadCliConfig } from './config.js';
import { parseCommand as parse } from './testing/parse-command.js';

const CONFIG = loadCliConfig({});

const parseRun = (argv: string[]) => parse<RunCommandOptions>((execute) => defineRunCommand(CONFIG, execute), ['run', ...argv]);
const parseUp = (argv: string[]) => parse<UpCommandOptions>((execute) => defineUpCommand(CONFIG, execute), ['up', ...argv]);

describe('magpie run arguments', () => {
  it('applies the documented defaults', async () => {
    expect(await parseRun(['--domain', 'algebra'])).toEqual({
      domain: 'algebra',
      count: 50,
      model: DEFAULT_MODEL,
      out: 'data',
      gateway: '127.0.0.1:50051',
      subtopics: [],
      samplesPerProblem: 5,
      waitMs: 60_000,
      report: true,
      prices: { currency: 'USD' },
    });
  });

  it('parses every option', async () => {
    const options = await parseRun([
      '--domain=geometry',
      '--count',
      '7',
      '--model',
      'Qwen/Qwen2.5-Math-72B-Instruct',
      '--out',
      '/tmp/data',
      '--gateway',
      'localhost:6000',
      '--seed',
      '0',
      '--subtopics',
      'triangles,circles',
      '--samples-per-problem',
      '3',
      '--reward-model',
      'Skywork/Skywork-Reward-Llama-3.1-8B-v0.2',
      '--wait-ms',
      '1000',
      '--pair-rule',
      'magpie',
      '--min-reward-margin',
      '0.5',
      '--near-duplicate-threshold',
      '0.9',
      '--sanitize',
      '--min-chars',
      '20',
      '--max-chars',
      '3000',
    ]);
    expect(options).toEqual({
      domain: 'geometry',
      count: 7,
      model: 'Qwen/Qwen2.5-Math-72B-Instruct',
      out: '/tmp/data',
      gateway: 'localhost:6000',
      seed: 0,
      subtopics: ['triangles', 'circles'],
      samplesPerProblem: 3,
      rewardModel: 'Skywork/Skywork-Reward-Llama-3.1-8B-v0.2',
      waitMs: 1000,
      report: true,
      prices: { currency: 'USD' },
      pairRule: 'magpie',
      minRewardMargin: 0.5,
      filters: { minChars: 20, maxChars: 3000, nearDuplicateThreshold: 0.9, sanitize: true },
    });
    expect(await parseRun(['--domain', 'algebra', '--no-sanitize'])).toMatchObject({ filters: { sanitize: false } });
  });

  it('parses the data-quality flags', async () => {
    const options = await parseRun([
      '--domain',
      'discrete',
      '--dataset',
      'discrete-v1',
      '--mask-values',
      '--embedding-dedup',
      'sentence-transformers/all-mpnet-base-v2',
      '--embedding-threshold',
      '0.98',
      '--decontaminate',
      'remove',
      '--decontamination-ngram',
      '10',
      '--tags',
      '--tagger-model',
      'Qwen/Qwen2.5-7B-Instruct',
      '--min-quality',
      'any',
      '--min-difficulty',
      'very-hard',
      '--min-reward',
      '-2.5',
    ]);
    expect(options.dataQuality).toEqual({
      dataset: 'discrete-v1',
      maskValues: true,
      embeddingModel: 'sentence-transformers/all-mpnet-base-v2',
      embeddingThreshold: 0.98,
      decontamination: 'remove',
      decontaminationNgram: 10,
      tags: true,
      taggerModel: 'Qwen/Qwen2.5-7B-Instruct',
      minQuality: null,
      minDifficulty: 'very hard',
      minReward: -2.5,
    });
    expect(await parseRun(['--domain', 'algebra'])).not.toHaveProperty('dataQuality');
  });

  it('takes defaults from the environment config', async () => {
    let received: RunCommandOptions | undefined;
    const command = defineRunCommand(loadCliConfig({ MAGPIE_GATEWAY: 'gw:7', MAGPIE_OUT_DIR: 'elsewhere' }), (o) => {
      received = o;
      return Promise.resolve();
    });
    await command.parseAsync(['--domain', 'algebra'], { from: 'user' });
    expect(received).toMatchObject({ gateway: 'gw:7', out: 'elsewhere' });
  });

  it.each([
    [['--count', '5'], 'commander.missingMandatoryOptionValue'],
    [['--domain', 'algebra', '--count', '0'], 'commander.invalidArgument'],
    [['--domain', 'algebra', '--gateway', 'nope'], 'commander.invalidArgument'],
    [['--domain', 'algebra', '--bogus'], 'commander.unknownOption'],
    [['--domain', 'algebra', '--pair-rule', 'best'], 'commander.invalidArgument'],
    [['--domain', 'algebra', '--min-reward-margin', '-1'], 'commander.invalidArgument'],
    [['--domain', 'algebra', '--near-duplicate-threshold', '0'], 'commander.invalidArgument'],
    [['--domain', 'algebra', '--near-duplicate-threshold', '1.5'], 'commander.invalidArgument'],
    [['--domain', 'algebra', '--min-chars', '0'], 'commander.invalidArgument'],
    [['--domain', 'algebra', '--dataset', 'my data'], 'commander.invalidArgument'],
    [['--domain', 'algebra', '--decontaminate', 'maybe'], 'commander.invalidArgument'],
    [['--domain', 'algebra', '--min-quality', 'great'], 'commander.invalidArgument'],
    [['--domain', 'algebra', '--min-reward', 'high'], 'commander.invalidArgument'],
    [['--preset', 'no-such-preset'], 'magpie.invalidPreset'],
    [['--preset', 'all-domains'], 'magpie.invalidPreset'],
    [['--preset', 'deepseek-r1', 'm', '0'], 'commander.invalidArgument'],
    [['--preset', 'deepseek-r1', 'm', '10', '1.5'], 'commander.invalidArgument'],
    [['--preset', 'deepseek-r1', 'm', '10', '1', '9'], 'commander.invalidArgument'],
    [['--preset', 'deepseek-r1', 'm', '10', '1', '1', '1', '1', 'extra'], 'commander.excessArguments'],
  ])('rejects %j', async (argv, code) => {
    const error: unknown = await parseRun(argv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommanderError);
    expect((error as CommanderError).code).toBe(code);
  });
});

describe('magpie up arguments', () => {
  it('applies the documented defaults', async () => {
    expect(await parseUp([])).toEqual({ natsPort: 4222, simPort: 8000, grpcPort: 50051, stateDir: '.magpie', readyTimeoutMs: 60_000, shutdownGraceMs: 20_000 });
  });

  it('parses every option', async () => {
    expect(
      await parseUp(['--nats-port', '14222', '--sim-port', '18000', '--grpc-port', '15051', '--state-dir', '/tmp/s', '--ready-timeout-ms', '5', '--shutdown-grace-ms', '3000']),
    ).toEqual({ natsPort: 14222, simPort: 18000, grpcPort: 15051, stateDir: '/tmp/s', readyTimeoutMs: 5, shutdownGraceMs: 3_000 });
  });

  it('rejects a bad port', async () => {
    await expect(parseUp(['--nats-port', '70000'])).rejects.toBeInstanceOf(CommanderError);
  });
});
