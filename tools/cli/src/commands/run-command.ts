import { Command, Option } from 'commander';
import { createMagpieClient } from '@magpie/api';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import type { CliConfig } from '../config.js';
import { parseAddress, parseList, parseNonNegativeInt, parsePositiveInt } from '../parse-options.js';
import { readPlatformInfo } from '../repo-root.js';
import { createProgressReporter } from '../run/progress-reporter.js';
import { runDataset } from '../run/run-dataset.js';
import type { CommandIo } from './command-io.js';

export const DEFAULT_MODEL = 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B';

/** The parsed options of `magpie run`. */
export interface RunCommandOptions {
  readonly domain: string;
  readonly count: number;
  readonly model: string;
  readonly out: string;
  readonly gateway: string;
  readonly seed?: number;
  readonly subtopics: string[];
  readonly samplesPerProblem: number;
  readonly rewardModel?: string;
  readonly waitMs: number;
}

function knownDomains(): string {
  try {
    return ` (${loadCatalog(DEFAULT_CONFIG_DIR).domains.names.join(', ')})`;
  } catch {
    // Help must work even when configs/ is broken; the gateway validates the domain anyway.
    return '';
  }
}

/**
 * Defines `magpie run`. The action calls `execute` with the parsed options, so tests can parse
 * without running anything.
 */
export function defineRunCommand(config: CliConfig, execute: (options: RunCommandOptions) => Promise<void>): Command {
  return new Command('run')
    .description('start a run on the gateway and write its Magpie dataset files as records arrive')
    .requiredOption('--domain <domain>', `math domain${knownDomains()}`)
    .addOption(new Option('--count <n>', 'problems to generate').argParser(parsePositiveInt).default(50))
    .option('--model <id>', 'generator model (also the solver and sampler model)', DEFAULT_MODEL)
    .option('--out <dir>', 'parent directory of the dataset directory (env MAGPIE_OUT_DIR)', config.outDir)
    .addOption(new Option('--gateway <host:port>', 'gateway address (env MAGPIE_GATEWAY)').argParser(parseAddress).default(config.gateway))
    .addOption(new Option('--seed <n>', 'base seed; the gateway picks one when omitted').argParser(parseNonNegativeInt))
    .addOption(new Option('--subtopics <a,b>', 'subtopics to steer towards').argParser(parseList).default([], "all of the domain's"))
    .addOption(new Option('--samples-per-problem <n>', 'sampled responses per problem').argParser(parsePositiveInt).default(5))
    .option('--reward-model <id>', "reward model (default: the gateway's default)")
    .addOption(new Option('--wait-ms <ms>', 'how long to wait for the gateway to be reachable').argParser(parsePositiveInt).default(60_000))
    .action(async (options: RunCommandOptions) => execute(options));
}

/**
 * Runs `magpie run` for real: a gateway client, progress on stderr, Ctrl-C (or SIGTERM) cancels
 * the run. Resolves with the exit code.
 */
export async function executeRunCommand(options: RunCommandOptions, io: CommandIo): Promise<number> {
  const client = createMagpieClient(options.gateway);
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) {
      io.err('magpie run: second interrupt, exiting now');
      io.exit(130);
    }
    controller.abort();
  };
  io.onSignals(['SIGINT', 'SIGTERM'], onSignal);
  try {
    return await runDataset({
      client,
      request: {
        domain: options.domain,
        count: options.count,
        model: options.model,
        subtopics: options.subtopics,
        samplesPerProblem: options.samplesPerProblem,
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.rewardModel === undefined ? {} : { rewardModel: options.rewardModel }),
      },
      outDir: options.out,
      waitMs: options.waitMs,
      platform: readPlatformInfo(),
      signal: controller.signal,
      out: io.out,
      err: io.err,
      createProgress: (total) => createProgressReporter({ stream: io.errStream, isTty: io.errIsTty, total }),
    });
  } finally {
    io.offSignals(['SIGINT', 'SIGTERM'], onSignal);
    client.close();
  }
}
