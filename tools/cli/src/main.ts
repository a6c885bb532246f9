import { processIo } from './commands/command-io.js';
import { loadCliConfig } from './config.js';
import { readPlatformInfo } from './repo-root.js';
import { runCli } from './run-cli.js';

const code = await runCli(process.argv.slice(2), { config: () => loadCliConfig(), io: processIo(), version: readPlatformInfo().version });
process.exitCode = code;
// Exit even if a library left a handle open; output to a terminal, pipe or file is already flushed.
setTimeout(() => process.exit(code), 2_000).unref();
