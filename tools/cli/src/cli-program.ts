import { Command } from 'commander';
import { executeRunCommand, defineRunCommand } from './commands/run-command.js';
import { executeUpCommand, defineUpCommand } from './commands/up-command.js';
import type { CommandIo } from './commands/command-io.js';
import type { CliConfig } from './config.js';

export interface CliProgramOptions {
  readonly config: CliConfig;
  readonly io: CommandIo;
  readonly version: string;
  /** Receives each command's exit code. */
  readonly setExitCode: (code: number) => void;
}

/** The `magpie` command tree, wired to the real commands. */
export function createCliProgram(options: CliProgramOptions): Command {
  const { config, io, setExitCode } = options;
  return new Command('magpie')
    .description('Magpie Reasoning: generate verified math training data')
    .version(options.version)
    .showHelpAfterError()
    .addCommand(defineRunCommand(config, async (opts) => setExitCode(await executeRunCommand(opts, io))))
    .addCommand(defineUpCommand(config, async (opts) => setExitCode(await executeUpCommand(opts, config, io))));
}
