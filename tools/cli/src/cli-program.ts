import { Command, Option } from 'commander';
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

type DefineCommand = (options: CliProgramOptions) => Promise<Command>;

/**
 * Every command, each defined from a module imported only when the command is: `magpie run`
 * loads the gRPC client and the dataset writer, never the simulator, the answer checker or the
 * launcher, so it starts in a fraction of the time (the compiled CLI keeps one chunk per module).
 */
const COMMANDS: readonly (readonly [name: string, define: DefineCommand])[] = [
  [
    'run',
    async ({ config, io, setExitCode }) => {
      const { defineRunCommand, executeRunCommand } = await import('./commands/run-command.js');
      return defineRunCommand(config, async (opts) => setExitCode(await executeRunCommand(opts, io)));
    },
  ],
  [
    'runs',
    async ({ config, io, setExitCode }) => {
      const { defineRunsCommand, runsHandlers } = await import('./commands/runs-command.js');
      return defineRunsCommand(config, runsHandlers(io, setExitCode));
    },
  ],
  [
    'report',
    async ({ config, io, setExitCode }) => {
      const { defineReportCommand, executeReport } = await import('./commands/report-command.js');
      return defineReportCommand(config, async (target, opts) => setExitCode(await executeReport(target, opts, io)));
    },
  ],
  [
    'generate-domain',
    async ({ config, io, setExitCode }) => {
      const [{ defineGenerateDomainCommand }, { executeRunCommand }] = await Promise.all([
        import('./commands/generate-domain-command.js'),
        import('./commands/run-command.js'),
      ]);
      return defineGenerateDomainCommand(config, async (opts) => setExitCode(await executeRunCommand(opts, io)));
    },
  ],
  [
    'generate-all',
    async ({ config, io, setExitCode }) => {
      const [{ defineGenerateAllCommand, executeGenerateAll }, { executeRunCommand }] = await Promise.all([
        import('./commands/generate-all-command.js'),
        import('./commands/run-command.js'),
      ]);
      return defineGenerateAllCommand(config, async (opts) =>
        setExitCode(await executeGenerateAll(opts.runs, io, (run, onFinished) => executeRunCommand(run, io, onFinished))),
      );
    },
  ],
  [
    'menu',
    async ({ config, io, setExitCode }) => {
      const { defineMenuCommand, executeMenuCommand } = await import('./commands/menu-command.js');
      return defineMenuCommand(config, async (opts) => setExitCode(await executeMenuCommand(opts, io)));
    },
  ],
  [
    'up',
    async ({ config, io, setExitCode }) => {
      const { defineUpCommand, executeUpCommand } = await import('./commands/up-command.js');
      return defineUpCommand(config, async (opts) => setExitCode(await executeUpCommand(opts, config, io)));
    },
  ],
  [
    'status',
    async ({ config, io, setExitCode }) => {
      const { defineStatusCommand, executeStatusCommand } = await import('./commands/status-command.js');
      return defineStatusCommand(config, async (opts) => setExitCode(await executeStatusCommand(opts, io)));
    },
  ],
  [
    'verify-answer',
    async ({ io, setExitCode }) => {
      const { defineVerifyAnswerCommand, runVerifyAnswer } = await import('./commands/verify-answer-command.js');
      return defineVerifyAnswerCommand(io, async (request) => setExitCode(await runVerifyAnswer(request, io)));
    },
  ],
  [
    'sim',
    async ({ config, io, setExitCode }) => {
      const { defineSimCommand, executeSimCommand } = await import('./commands/sim-command.js');
      return defineSimCommand(async (opts) => setExitCode(await executeSimCommand(opts, config, io)));
    },
  ],
  [
    'models',
    async ({ io, setExitCode }) => {
      const { defineModelsCommand, modelsHandlers } = await import('./commands/models-command.js');
      return defineModelsCommand(modelsHandlers(io, setExitCode));
    },
  ],
  [
    'fleet',
    async ({ config, io, setExitCode }) => {
      const { defineFleetCommand, executeFleetCommand } = await import('./commands/fleet-command.js');
      return defineFleetCommand(config, async (opts) => setExitCode(await executeFleetCommand(opts, io)));
    },
  ],
];

/** The command `argv` runs (`run …`, `--lang ja run …`, `help run`), or undefined for top-level help, the version or an unknown command. */
export function invokedCommand(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--lang') i++;
    else if (!arg.startsWith('-')) words.push(arg);
    else if (!arg.startsWith('--lang=')) break;
    if (words.length === 2) break;
  }
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.some(([known]) => known === name) ? name : undefined;
}

/**
 * The `magpie` command tree, wired to the real commands. With `argv`, only the command it invokes
 * is defined (and its modules loaded); top-level help, `--version` and unknown commands get all.
 */
export async function createCliProgram(options: CliProgramOptions, argv?: readonly string[]): Promise<Command> {
  // `--lang` is read before any action runs; commands hold this io, whose `t` follows it.
  let translate = createTranslator(options.config.lang);
  const io: CommandIo = { ...options.io, t: (key, params) => translate(key, params) };
  const program = new Command('magpie')
    .description('Magpie Reasoning: generate verified math training data')
    .version(options.version)
    .showHelpAfterError()
    .addOption(new Option('--lang <lang>', 'language of progress and log messages (env MAGPIE_LANG)').choices(LANGUAGES).default(options.config.lang))
    .hook('preAction', (root) => {
      translate = createTranslator(root.opts<{ lang: Language }>().lang);
    });
  const only = argv === undefined ? undefined : invokedCommand(argv);
  const defined = await Promise.all(COMMANDS.filter(([name]) => only === undefined || name === only).map(([, define]) => define({ ...options, io })));
  for (const command of defined) program.addCommand(command);
  return program;
}
