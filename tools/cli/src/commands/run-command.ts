import { Argument, Command, Option } from 'commander';
import { DEFAULT_CONFIG_DIR, loadCatalog, type ModelPreset, type PresetCatalog } from '@magpie/catalog';
import type { CliConfig } from '../config.js';
import { parsePositiveInt, parseTemperature, parseUnitInterval } from '../parse-options.js';
import { applyModelPreset, type SeedPositionals } from '../run/apply-model-preset.js';
import { createGatewayClient } from '../run/gateway-client-options.js';
import { createProgressReporter } from '../run/progress-reporter.js';
import { runDataset, type RunResult } from '../run/run-dataset.js';
import { reportBeside } from './report-command.js';
import type { CommandIo } from './command-io.js';
import { addRunFlags, DEFAULT_MODEL, runCommandOptions, type RunCommandOptions, type RunFlags } from './run-options.js';

export { DEFAULT_MODEL, type RunCommandOptions } from './run-options.js';

/** The default problem count of `magpie run` without a preset. */
export const DEFAULT_COUNT = 50;

/** The domain of `magpie run --preset` when --domain is left out: the seed's scripts are math-first and algebra is its first domain. */
export const PRESET_DEFAULT_DOMAIN = 'algebra';

interface RunOnlyFlags extends RunFlags {
  readonly domain?: string;
  readonly count: number;
  readonly model: string;
  readonly preset?: string;
}

/** Domain names for help texts; empty when configs/ cannot be read, since help must still work. */
export function knownDomains(): string {
  try {
    return ` (${loadCatalog(DEFAULT_CONFIG_DIR).domains.names.join(', ')})`;
  } catch {
    return '';
  }
}

/** The presets of the repository's configs/ (presets.json through the catalog). */
export function defaultPresets(): PresetCatalog {
  return loadCatalog(DEFAULT_CONFIG_DIR).presets;
}

/** Looks a model preset up, reporting an unknown one as a usage error of `command`. */
export function requireModelPreset(command: Command, presets: () => PresetCatalog, name: string): ModelPreset {
  try {
    return presets().model(name);
  } catch (error) {
    return command.error(`error: ${error instanceof Error ? error.message : String(error)}`, { code: 'magpie.invalidPreset' });
  }
}

/**
 * Defines `magpie run`. The action calls `execute` with the resolved options, so tests can parse
 * without running anything. With `--preset <name>` the seed script's positional parameters
 * `[model] [total_prompts] [ins_topp] [ins_temp] [res_topp] [res_temp]` override the preset's.
 */
export function defineRunCommand(
  config: CliConfig,
  execute: (options: RunCommandOptions) => Promise<void>,
  presets: () => PresetCatalog = defaultPresets,
): Command {
  const command = new Command('run')
    .summary("start one run and write its Magpie dataset files (optionally one of the seed's per-model presets)")
    .description(
      'start a run on the gateway and write its Magpie dataset files as records arrive; with --preset, ' +
        "one of the seed's per-model scripts (positionals as the script's: model total_prompts ins_topp ins_temp res_topp res_temp)",
    )
    .addArgument(new Argument('[model]', 'generator model (overrides --model and the preset)'))
    .addArgument(new Argument('[total_prompts]', 'problems to generate (overrides --count and the preset)').argParser(parsePositiveInt))
    .addArgument(new Argument('[ins_topp]', 'instruction top_p').argParser(parseUnitInterval))
    .addArgument(new Argument('[ins_temp]', 'instruction temperature').argParser(parseTemperature))
    .addArgument(new Argument('[res_topp]', 'response (solver) top_p').argParser(parseUnitInterval))
    .addArgument(new Argument('[res_temp]', 'response (solver) temperature').argParser(parseTemperature))
    .option('--domain <domain>', `math domain${knownDomains()}; required unless --preset is given (then ${PRESET_DEFAULT_DOMAIN})`)
    .addOption(new Option('--count <n>', 'problems to generate').argParser(parsePositiveInt).default(DEFAULT_COUNT))
    .option('--model <id>', 'generator model (also the solver and sampler model)', DEFAULT_MODEL)
    .option('--preset <name>', 'a per-model preset of configs/presets.json (e.g. deepseek-r1, qwen2.5-math-72b)');
  addRunFlags(command, config).addHelpText(
    'after',
    `
Examples:
  magpie run --domain calculus --count 200
  magpie run --domain algebra --pair-rule magpie --min-reward-margin 0.05 --sanitize
  magpie run --preset deepseek-r1                        # the preset as it is, domain ${PRESET_DEFAULT_DOMAIN}
  magpie run --preset deepseek-r1 deepseek-ai/DeepSeek-R1 500 1 1.2 1 0.1 --domain geometry

Positionals override the preset, which overrides the defaults; --model and --count sit between.`,
  );
  return command.action(async function (this: Command) {
    const flags = this.opts<RunOnlyFlags>();
    const [model, totalPrompts, insTopP, insTemp, resTopP, resTemp] = this.processedArgs as [
      string?,
      number?,
      number?,
      number?,
      number?,
      number?,
    ];
    const positionals: SeedPositionals = { model, totalPrompts, insTopP, insTemp, resTopP, resTemp };
    const preset = flags.preset === undefined ? undefined : requireModelPreset(this, presets, flags.preset);
    const domain = flags.domain ?? (preset ? PRESET_DEFAULT_DOMAIN : undefined);
    if (domain === undefined) {
      this.error("error: required option '--domain <domain>' not specified (it defaults to algebra only with --preset)", {
        code: 'commander.missingMandatoryOptionValue',
      });
    }
    const explicit = (name: string): boolean => this.getOptionValueSource(name) === 'cli';
    const target = applyModelPreset(
      preset,
      positionals,
      {
        ...(explicit('model') ? { model: flags.model } : {}),
        ...(explicit('count') ? { count: flags.count } : {}),
        ...(explicit('samplesPerProblem') ? { samplesPerProblem: flags.samplesPerProblem } : {}),
      },
      { model: flags.model, count: flags.count },
    );
    await execute(runCommandOptions(flags, { domain, ...target }));
  });
}

/**
 * Runs one dataset run for real: a gateway client (with the token and TLS options), progress on
 * stderr, Ctrl-C (or SIGTERM) cancels the run. Resolves with the exit code; `onFinished` gets the
 * outcome once the dataset is written. Every run command ends here. Throws GatewayAccessError for
 * unusable TLS flags.
 */
export async function executeRunCommand(options: RunCommandOptions, io: CommandIo, onFinished?: (result: RunResult) => void): Promise<number> {
  const client = createGatewayClient(options.gateway, options);
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) {
      io.err(`magpie run: ${io.t('run.secondInterrupt')}`);
      io.exit(130);
    }
    controller.abort();
  };
  io.onSignals(['SIGINT', 'SIGTERM'], onSignal);
  // The access fields (the token among them) stay out of the run request.
  const { out, gateway: _gateway, waitMs, token: _token, tlsCa: _ca, tlsCert: _cert, tlsKey: _key, report, prices, ...request } = options;
  try {
    return await runDataset({
      client,
      request,
      outDir: out,
      waitMs,
      signal: controller.signal,
      out: io.out,
      err: io.err,
      t: io.t,
      createProgress: (total) => createProgressReporter({ stream: io.errStream, isTty: io.errIsTty, total, t: io.t }),
      ...(report ? { afterDataset: reportBeside(prices) } : {}),
      ...(onFinished === undefined ? {} : { onFinished }),
    });
  } finally {
    io.offSignals(['SIGINT', 'SIGTERM'], onSignal);
    client.close();
  }
}
