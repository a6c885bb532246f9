import { Command, InvalidArgumentError, Option } from 'commander';
import { loadCatalog } from '@magpie/catalog';
import { loadSimConfig, replicaOptionsFromConfig, startReplicas, type SimConfig } from '@magpie/llm-sim';
import type { CliConfig } from '../config.js';
import { ExitCode } from '../exit-codes.js';
import { parseNonNegativeInt, parsePort, parsePositiveInt } from '../parse-options.js';
import type { CommandIo } from './command-io.js';

/**
 * The parsed options of `magpie sim`. A flag left out is undefined and falls back to its SIM_*
 * environment variable, then to the simulator's default — except timeScale, which defaults to 1
 * (real A100 timing) here, because a simulator started by hand is usually a demo or a benchmark.
 */
export interface SimCommandOptions {
  readonly port?: number;
  readonly host?: string;
  readonly replicas?: number;
  readonly maxNumSeqs?: number;
  readonly timeScale?: number;
  readonly seed?: number;
  readonly accuracy?: number;
  readonly reasoningParser?: boolean | string;
  readonly errorRate?: number;
  readonly hangRate?: number;
  readonly slowRate?: number;
  readonly slowFactor?: number;
  readonly malformedRate?: number;
  readonly resetRate?: number;
  readonly emptyRate?: number;
}

/** The time scale of `magpie sim` when neither --time-scale nor SIM_TIME_SCALE is given. */
export const SIM_COMMAND_TIME_SCALE = 1;

function parseRate(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0 || parsed > 1) throw new InvalidArgumentError('Must be a number from 0 to 1.');
  return parsed;
}

function parseNonNegativeNumber(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('Must be a number ≥ 0.');
  return parsed;
}

function parseFactor(value: string): number {
  const parsed = parseNonNegativeNumber(value);
  if (parsed < 1) throw new InvalidArgumentError('Must be at least 1.');
  return parsed;
}

/**
 * Defines `magpie sim`. The action calls `execute` with the parsed options, so tests can parse
 * without starting anything.
 */
export function defineSimCommand(execute: (options: SimCommandOptions) => Promise<void>): Command {
  const opt = (flags: string, description: string, parse: (value: string) => number): Option => new Option(flags, description).argParser(parse);
  return new Command('sim')
    .description('run the vLLM-compatible simulator (see tools/llm-sim/README.md) until Ctrl-C')
    .addOption(opt('--port <port>', 'first replica port; replica i listens on port + i (default 8000, env SIM_PORT)', parsePort))
    .option('--host <host>', 'listen address (default 127.0.0.1, env SIM_HOST)')
    .addOption(opt('--replicas <n>', 'independent simulators on consecutive ports (default 1, env SIM_REPLICAS)', parsePositiveInt))
    .addOption(opt('--max-num-seqs <n>', 'sequence slots per replica (default 256, env SIM_MAX_NUM_SEQS)', parsePositiveInt))
    .addOption(opt('--time-scale <x>', `simulated time runs x times faster; 0 answers instantly (default ${SIM_COMMAND_TIME_SCALE}, env SIM_TIME_SCALE)`, parseNonNegativeNumber))
    .addOption(opt('--seed <n>', 'base seed; replica i uses seed + i (default 1234, env SIM_SEED)', parseNonNegativeInt))
    .addOption(opt('--accuracy <p>', 'probability that a sampled solution is correct (default 0.8, env SIM_ACCURACY)', parseRate))
    .option('--reasoning-parser [name]', "like vLLM's --reasoning-parser: reasoning in message.reasoning_content (env SIM_REASONING_PARSER)")
    .addOption(opt('--error-rate <p>', 'fraction of requests answered 500/503/429 (env SIM_ERROR_RATE)', parseRate))
    .addOption(opt('--hang-rate <p>', 'fraction of requests never answered (env SIM_HANG_RATE)', parseRate))
    .addOption(opt('--slow-rate <p>', 'fraction of requests slowed down (env SIM_SLOW_RATE)', parseRate))
    .addOption(opt('--slow-factor <x>', 'how many times slower a slow request is (default 10, env SIM_SLOW_FACTOR)', parseFactor))
    .addOption(opt('--malformed-rate <p>', 'fraction of requests answered with invalid JSON (env SIM_MALFORMED_RATE)', parseRate))
    .addOption(opt('--reset-rate <p>', 'fraction of connections reset (env SIM_RESET_RATE)', parseRate))
    .addOption(opt('--empty-rate <p>', 'fraction of Magpie problem choices that come back empty (env SIM_EMPTY_RATE)', parseRate))
    .action(async (options: SimCommandOptions) => execute(options));
}

/**
 * The simulator configuration `magpie sim` runs with: SIM_* variables from `config.inheritedEnv`,
 * overridden by every flag given. Throws ConfigError for invalid SIM_* variables or fault rates
 * that add up to more than 1.
 */
export function simConfigFor(options: SimCommandOptions, config: CliConfig): SimConfig {
  const env = config.inheritedEnv;
  const base = loadSimConfig(env);
  const timeScaleFromEnv = env.SIM_TIME_SCALE !== undefined && env.SIM_TIME_SCALE !== '';
  const merged: SimConfig = {
    ...base,
    SIM_PORT: options.port ?? base.SIM_PORT,
    SIM_HOST: options.host ?? base.SIM_HOST,
    SIM_REPLICAS: options.replicas ?? base.SIM_REPLICAS,
    SIM_MAX_NUM_SEQS: options.maxNumSeqs ?? base.SIM_MAX_NUM_SEQS,
    SIM_TIME_SCALE: options.timeScale ?? (timeScaleFromEnv ? base.SIM_TIME_SCALE : SIM_COMMAND_TIME_SCALE),
    SIM_SEED: options.seed ?? base.SIM_SEED,
    SIM_ACCURACY: options.accuracy ?? base.SIM_ACCURACY,
    SIM_REASONING_PARSER: options.reasoningParser === undefined ? base.SIM_REASONING_PARSER : options.reasoningParser !== false,
    SIM_ERROR_RATE: options.errorRate ?? base.SIM_ERROR_RATE,
    SIM_HANG_RATE: options.hangRate ?? base.SIM_HANG_RATE,
    SIM_SLOW_RATE: options.slowRate ?? base.SIM_SLOW_RATE,
    SIM_SLOW_FACTOR: options.slowFactor ?? base.SIM_SLOW_FACTOR,
    SIM_MALFORMED_RATE: options.malformedRate ?? base.SIM_MALFORMED_RATE,
    SIM_RESET_RATE: options.resetRate ?? base.SIM_RESET_RATE,
    SIM_EMPTY_RATE: options.emptyRate ?? base.SIM_EMPTY_RATE,
  };
  // Re-validate the merged values (the fault-rate sum in particular) with the simulator's own rules.
  return loadSimConfig(Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, String(v)])));
}

/**
 * Runs `magpie sim` for real: starts the replicas, prints one line per replica with its URL, and
 * stops them all on SIGINT or SIGTERM. Resolves with the exit code (1 when the configuration is
 * invalid or a port cannot be bound).
 */
export async function executeSimCommand(options: SimCommandOptions, config: CliConfig, io: CommandIo): Promise<number> {
  let sim: SimConfig;
  try {
    sim = simConfigFor(options, config);
  } catch (error) {
    io.err(`magpie sim: ${error instanceof Error ? error.message : String(error)}`);
    return ExitCode.failure;
  }
  const catalog = loadCatalog(sim.MAGPIE_CONFIG_DIR);
  let set;
  try {
    set = await startReplicas(replicaOptionsFromConfig(sim, { catalog }));
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    io.err(`magpie sim: ${error instanceof Error ? error.message : String(error)}${cause}`);
    return ExitCode.failure;
  }
  const timing = sim.SIM_TIME_SCALE === 0 ? 'instant answers' : `time scale ${sim.SIM_TIME_SCALE}, ${sim.SIM_MAX_NUM_SEQS} slots`;
  for (const r of set.replicas) io.out(`replica ${r.index}: ${r.url}  (OpenAI base URL ${r.url}/v1; seed ${sim.SIM_SEED + r.index}; ${timing})`);
  io.out('magpie sim: serving; Ctrl-C stops all replicas');
  await new Promise<void>((resolve) => {
    const onSignal = (): void => {
      io.offSignals(['SIGINT', 'SIGTERM'], onSignal);
      resolve();
    };
    io.onSignals(['SIGINT', 'SIGTERM'], onSignal);
  });
  await set.stop();
  io.out('magpie sim: stopped');
  return ExitCode.ok;
}
