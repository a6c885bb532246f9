import { processIo } from './commands/command-io.js';
import { createCliProgram } from './cli-program.js';
import { loadCliConfig } from './config.js';
import { readPlatformInfo } from './repo-root.js';

async function main(): Promise<number> {
  const io = processIo();
  let exitCode = 0;
  try {
    const program = createCliProgram({
      config: loadCliConfig(),
      io,
      version: readPlatformInfo().version,
      setExitCode: (code) => {
        exitCode = code;
      },
    });
    await program.parseAsync(process.argv);
  } catch (error) {
    io.err(`magpie: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  return exitCode;
}

const code = await main();
process.exitCode = code;
// Exit even if a library left a handle open; output to a terminal, pipe or file is already flushed.
setTimeout(() => process.exit(code), 2_000).unref();
