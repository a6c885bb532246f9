import { Command, Option } from 'commander';
import { executeRunCommand, defineRunCommand } from './commands/run-command.js';
import { defineGenerateAllCommand, executeGenerateAll } from './commands/generate-all-command.js';
import { defineGenerateDomainCommand } from './commands/generate-domain-command.js';
import { defineMenuCommand, executeMenuCommand } from './commands/menu-command.js';
import { executeSimCommand, defineSimCommand } from './commands/sim-command.js';
import { executeUpCommand, defineUpCommand } from './commands/up-command.js';
import { defineStatusCommand, executeStatusCommand } from './commands/status-command.js';
import { defineVerifyAnswerCommand, runVerifyAnswer } from './commands/verify-answer-command.js';
import { defineModelsCommand, modelsHandlers } from './commands/models-command.js';
import { defineRunsCommand, runsHandlers } from './commands/runs-command.js';
import { defineReportCommand, executeReport } from './commands/report-command.js';
import type { CommandIo } from './commands/command-io.js';
import type { CliConfig } from './config.js';
import { createTranslator, LANGUAGES, type Language } from './i18n/translator.js';

export interface CliProgramOptions {
  readonly config: CliConfig;
  readonly io: CommandIo;
  readonly version: string;
  /** Receives each command's exit code. */
  readonly setExitCode: (code: number) => void;
}

/** The `magpie` command tree, wired to the real commands. */
export function createCliProgram(options: CliProgramOptions): Command {
  const { config, setExitCode } = options;
  // `--lang` is read before any action runs; commands hold this io, whose `t` follows it.
  let translate = createTranslator(config.lang);
  const io: CommandIo = { ...options.io, t: (key, params) => translate(key, params) };
  return new Command('magpie')
    .description('Magpie Reasoning: generate verified math training data')
    .version(options.version)
    .showHelpAfterError()
    .addOption(new Option('--lang <lang>', 'language of progress and log messages (env MAGPIE_LANG)').choices(LANGUAGES).default(config.lang))
    .hook('preAction', (root) => {
      translate = createTranslator(root.opts<{ lang: Language }>().lang);
    })
    .addCommand(defineRunCommand(config, async (opts) => setExitCode(await executeRunCommand(opts, io))))
    .addCommand(defineRunsCommand(config, runsHandlers(io, setExitCode)))
    .addCommand(defineReportCommand(config, async (target, opts) => setExitCode(await executeReport(target, opts, io))))
    .addCommand(defineGenerateDomainCommand(config, async (opts) => setExitCode(await executeRunCommand(opts, io))))
    .addCommand(
      defineGenerateAllCommand(config, async (opts) =>
        setExitCode(await executeGenerateAll(opts.runs, io, (run, onFinished) => executeRunCommand(run, io, onFinished))),
      ),
    )
    .addCommand(defineMenuCommand(config, async (opts) => setExitCode(await executeMenuCommand(opts, io))))
    .addCommand(defineUpCommand(config, async (opts) => setExitCode(await executeUpCommand(opts, config, io))))
    .addCommand(defineStatusCommand(config, async (opts) => setExitCode(await executeStatusCommand(opts, io))))
    .addCommand(defineVerifyAnswerCommand(io, async (request) => setExitCode(await runVerifyAnswer(request, io))))
    .addCommand(defineSimCommand(async (opts) => setExitCode(await executeSimCommand(opts, config, io))))
    .addCommand(defineModelsCommand(modelsHandlers(io, setExitCode)));
}
