import { Command, InvalidArgumentError, Option } from 'commander';
import { loadCatalog } from '@magpie/catalog';
import { loadSimConfig, replicaOptionsFromConfig, SIM_FLAGS, startReplicas, type SimConfig, type SimFlag, type SimFlagKind } from '@magpie/llm-sim';
import type { CliConfig } from '../config.js';
import { ExitCode } from '../exit-codes.js';
import { parseNonNegativeInt, parsePort, parsePositiveInt } from '../parse-options.js';
import type { CommandIo } from './command-io.js';

/**
 * The parsed options of `magpie sim`, keyed by each flag's camel-case name (`offDomainRate` for
 * `--off-domain-rate`; see SIM_FLAGS). A flag left out is undefined and falls back to its SIM_*
 * variable, then to the simulator's default — except timeScale, which defaults to 1 (real A100
 * timing) here, because a simulator started by hand is usually a demo or a benchmark.
 */
export type SimCommandOptions = Readonly<Record<string, number | string | boolean | undefined>>;

/** The time scale of `magpie sim` when neither --time-scale nor SIM_TIME_SCALE is given. */
export const SIM_COMMAND_TIME_SCALE = 1;

function parseNumber(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new InvalidArgumentError('Must be a number.');
  return parsed;
}

function parseNonNegativeNumber(value: string): number {
  const parsed = parseNumber(value);
  if (parsed < 0) throw new InvalidArgumentError('Must be a number ≥ 0.');
  return parsed;
}

function parseRate(value: string): number {
  const parsed = parseNumber(value);
  if (parsed < 0 || parsed > 1) throw new InvalidArgumentError('Must be a number from 0 to 1.');
  return parsed;
}

function parseFactor(value: string): number {
  const parsed = parseNumber(value);
  if (parsed < 1) throw new InvalidArgumentError('Must be at least 1.');
  return parsed;
}

const PARSERS: Partial<Record<SimFlagKind, (value: string) => number>> = {
  port: parsePort,
  count: parsePositiveInt,
  'non-negative-int': parseNonNegativeInt,
  number: parseNumber,
  'non-negative-number': parseNonNegativeNumber,
  rate: parseRate,
  factor: parseFactor,
};

function optionFor(f: SimFlag): Option {
  const help = `${f.help} (env ${f.env})`;
  if (f.kind === 'bool-optional') return new Option(`--${f.flag} [value]`, `${help}; "false", "off" or "no" turns it off`);
  if (f.kind === 'profile') return new Option(`--${f.flag} <name>`, help).choices(['realistic', 'ideal']);
  const option = new Option(`--${f.flag} <${f.kind === 'text' || f.kind === 'mix' ? 'value' : 'n'}>`, help);
  const parse = PARSERS[f.kind];
  return parse ? option.argParser(parse) : option;
}

/** The SIM_* text a parsed flag value stands for. */
function envValue(f: SimFlag, value: number | string | boolean): string {
  if (f.kind !== 'bool-optional') return String(value);
  return value === true || !['false', 'off', 'no', '0'].includes(String(value).toLowerCase()) ? 'true' : 'false';
}

/**
 * Defines `magpie sim`, one flag per SIM_* variable (SIM_FLAGS). The action calls `execute` with
 * the parsed options, so tests can parse without starting anything.
 */
export function defineSimCommand(execute: (options: SimCommandOptions) => Promise<void>): Command {
  const command = new Command('sim').description('run the vLLM-compatible simulator (see tools/llm-sim/README.md) until Ctrl-C');
  for (const f of SIM_FLAGS) command.addOption(optionFor(f));
  return command.action(async (options: SimCommandOptions) => execute(options));
}

/**
 * The simulator configuration `magpie sim` runs with: SIM_* variables from `config.inheritedEnv`,
 * overridden by every flag given, validated by the simulator's own rules. Throws ConfigError for
 * invalid values (naming the variable) or fault rates that add up to more than 1.
 */
export function simConfigFor(options: SimCommandOptions, config: CliConfig): SimConfig {
  const env: Record<string, string | undefined> = { ...config.inheritedEnv };
  if (options.timeScale === undefined && (env.SIM_TIME_SCALE === undefined || env.SIM_TIME_SCALE === '')) env.SIM_TIME_SCALE = String(SIM_COMMAND_TIME_SCALE);
  for (const f of SIM_FLAGS) {
    const value = options[new Option(`--${f.flag}`).attributeName()];
    if (value !== undefined) env[f.env] = envValue(f, value);
  }
  return loadSimConfig(env);
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
  const timing = `${sim.SIM_PROFILE} profile, ${sim.SIM_TIME_SCALE === 0 ? 'instant answers' : `time scale ${sim.SIM_TIME_SCALE}, ${sim.SIM_MAX_NUM_SEQS} slots`}`;
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
