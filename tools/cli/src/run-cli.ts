import type { CommandIo } from './commands/command-io.js';
import { createCliProgram } from './cli-program.js';
import type { CliConfig } from './config.js';

export interface RunCliOptions {
  readonly config: () => CliConfig;
  readonly io: CommandIo;
  readonly version: string;
}

/**
 * Runs the `magpie` command line for `argv` (after `node magpie`): what main.ts does, callable
 * in-process. Resolves with the exit code; an error is printed as `magpie: …` and exits 1.
 */
export async function runCli(argv: readonly string[], options: RunCliOptions): Promise<number> {
  let exitCode = 0;
  try {
    const program = await createCliProgram(
      {
        config: options.config(),
        io: options.io,
        version: options.version,
        setExitCode: (code) => {
          exitCode = code;
        },
      },
      argv,
    );
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    options.io.err(`magpie: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  return exitCode;
}
