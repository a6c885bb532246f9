import { Argument, Command } from 'commander';
import type { DomainsPreset, PresetCatalog } from '@magpie/catalog';
import type { CliConfig } from '../config.js';
import { ExitCode } from '../exit-codes.js';
import type { RunResult } from '../run/run-dataset.js';
import { formatRunSummaryTable, type RunSummaryRow } from '../run/run-summary-table.js';
import type { CommandIo } from './command-io.js';
import { defaultPresets } from './run-command.js';
import { addRunFlags, runCommandOptions, type RunCommandOptions, type RunFlags } from './run-options.js';

/** The domains preset `magpie generate-all` runs unless --preset names another. */
export const DEFAULT_DOMAINS_PRESET = 'all-domains';

/** The parsed `magpie generate-all`: one run per domain of the preset, in the preset's order. */
export interface GenerateAllOptions {
  readonly preset: string;
  readonly runs: readonly RunCommandOptions[];
}

/** One run per domain of a domains preset, each with the preset's count. */
export function planDomainRuns(model: string, preset: DomainsPreset, flags: RunFlags): RunCommandOptions[] {
  return Object.entries(preset.domains).map(([domain, count]) => runCommandOptions({ ...flags, subtopics: [] }, { domain, count, model }));
}

/**
 * Defines `magpie generate-all <model>`: the seed's all-domains generation (36,000 problems with
 * the `all-domains` preset), one run per domain. The action calls `execute` with the plan.
 */
export function defineGenerateAllCommand(
  config: CliConfig,
  execute: (options: GenerateAllOptions) => Promise<void>,
  presets: () => PresetCatalog = defaultPresets,
): Command {
  const command = new Command('generate-all')
    .summary('generate every domain of the all-domains preset (36,000 problems), one run per domain')
    .description(`generate every domain of a domains preset (default ${DEFAULT_DOMAINS_PRESET}, 36,000 problems), one run per domain, one after another`)
    .addArgument(new Argument('<model>', 'generator model (a configs/models.json id)'))
    .option('--preset <name>', 'a domains preset of configs/presets.json', DEFAULT_DOMAINS_PRESET);
  addRunFlags(command, config, { subtopics: false }).addHelpText(
    'after',
    `
Runs go one after another (each gets the whole fleet); a failed run does not stop the rest,
Ctrl-C cancels the current run and skips the others. A summary table follows the last run.

Example:
  magpie generate-all deepseek-ai/DeepSeek-R1-Distill-Qwen-32B --seed 1`,
  );
  return command.action(async function (this: Command) {
    const [model] = this.processedArgs as [string];
    const flags = this.opts<RunFlags & { preset: string }>();
    let preset: DomainsPreset;
    try {
      preset = presets().domains(flags.preset);
    } catch (error) {
      this.error(`error: ${error instanceof Error ? error.message : String(error)}`, { code: 'magpie.invalidPreset' });
    }
    const { preset: _name, ...runFlags } = flags;
    await execute({ preset: flags.preset, runs: planDomainRuns(model, preset, runFlags) });
  });
}

/** Runs one planned run; `executeRunCommand` in production. */
export type RunOne = (options: RunCommandOptions, onFinished: (result: RunResult) => void) => Promise<number>;

function worst(codes: readonly number[]): number {
  if (codes.includes(ExitCode.interrupted)) return ExitCode.interrupted;
  if (codes.includes(ExitCode.gatewayError)) return ExitCode.gatewayError;
  return codes.some((code) => code !== ExitCode.ok) ? ExitCode.failure : ExitCode.ok;
}

/**
 * Runs the plan one domain after another, so each run has the whole fleet and its progress bars
 * the terminal; a failed run does not stop the rest, an interrupt does. Prints a summary table
 * and resolves with 0 when every run succeeded, else 130 (interrupted), 2 (gateway) or 1.
 */
export async function executeGenerateAll(runs: readonly RunCommandOptions[], io: CommandIo, runOne: RunOne): Promise<number> {
  const rows: RunSummaryRow[] = [];
  let interrupted = false;
  for (const [index, run] of runs.entries()) {
    if (interrupted) {
      rows.push({ domain: run.domain, count: run.count });
      continue;
    }
    io.out(`magpie generate-all: [${index + 1}/${runs.length}] ${run.domain}: ${run.count} problems`);
    let result: RunResult | undefined;
    const exitCode = await runOne(run, (r) => {
      result = r;
    });
    rows.push({ domain: run.domain, count: run.count, exitCode, ...(result ? { result } : {}) });
    interrupted = exitCode === ExitCode.interrupted;
  }
  io.out('');
  for (const line of formatRunSummaryTable(rows)) io.out(line);
  return worst(rows.flatMap((row) => (row.exitCode === undefined ? [] : [row.exitCode])));
}
