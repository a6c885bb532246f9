import { Command, Option } from 'commander';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import type { CliConfig } from '../config.js';
import { runMenu, MENU_CHOICES, type MenuChoice, type MenuOptions } from '../menu/run-menu.js';
import { parsePositiveInt } from '../parse-options.js';
import type { CommandIo } from './command-io.js';
import { executeRunCommand } from './run-command.js';
import { addRunFlags, type RunFlags } from './run-options.js';

interface MenuFlags extends RunFlags {
  readonly choice?: string;
  readonly model?: string;
  readonly domain?: string;
  readonly count?: number;
  readonly preset?: string;
}

/**
 * Defines `magpie menu`: the seed's interactive menu. Every answer can also be given as a flag,
 * and `--choice` runs one entry without prompting. The action calls `execute` with the options.
 */
export function defineMenuCommand(config: CliConfig, execute: (options: MenuOptions) => Promise<void>): Command {
  const command = new Command('menu')
    .summary('the interactive menu (also scriptable with --choice)')
    .description(`the interactive menu (${MENU_CHOICES.map(([n, label]) => `${n} ${label}`).join(', ')}); --choice runs one entry without prompting`)
    .addOption(new Option('--choice <n>', 'run this entry once, taking every value from the flags').choices(MENU_CHOICES.map(([n]) => String(n))))
    .option('--model <id>', 'model for entries 1-3 (default: the default model; for 3, the preset\'s)')
    .option('--domain <domain>', 'domain for entries 1 and 3 (required for 1; 3 defaults to algebra)')
    .addOption(new Option('--count <n>', "problems for entries 1 and 3 (default 50; for 3, the preset's total_prompts)").argParser(parsePositiveInt))
    .option('--preset <name>', 'model preset for entry 3');
  addRunFlags(command, config).addHelpText(
    'after',
    `
Examples:
  magpie menu                                               # interactive
  printf '1\\ndeepseek-ai/DeepSeek-R1-Distill-Qwen-32B\\nalgebra\\n50\\n0\\n' | magpie menu
  magpie menu --choice 1 --model deepseek-ai/DeepSeek-R1-Distill-Qwen-32B --domain algebra --count 50
  magpie menu --choice 3 --preset deepseek-r1 --count 100`,
  );
  return command.action(async function (this: Command) {
    const { choice, model, domain, count, preset, ...flags } = this.opts<MenuFlags>();
    await execute({
      ...(choice === undefined ? {} : { choice: Number(choice) as MenuChoice }),
      ...(model === undefined ? {} : { model }),
      ...(domain === undefined ? {} : { domain }),
      ...(count === undefined ? {} : { count }),
      ...(preset === undefined ? {} : { preset }),
      flags,
    });
  });
}

/** Runs `magpie menu` for real over the repository's catalog; resolves with the exit code. */
export function executeMenuCommand(options: MenuOptions, io: CommandIo): Promise<number> {
  return runMenu(options, {
    io,
    catalog: () => loadCatalog(DEFAULT_CONFIG_DIR),
    runOne: (run, onFinished) => executeRunCommand(run, io, onFinished),
  });
}
