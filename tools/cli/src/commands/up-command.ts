import { DEFAULT_SHUTDOWN_GRACE_MS } from '@magpie/launcher';
import { Command, Option } from 'commander';
import { entryLikeThisProcess } from '@magpie/launcher';
import type { CliConfig } from '../config.js';
import { parsePort, parsePositiveInt } from '../parse-options.js';
import { REPO_ROOT } from '../repo-root.js';
import { runUp } from '../supervisor/run-up.js';
import type { CommandIo } from './command-io.js';

/** The parsed options of `magpie up`. */
export interface UpCommandOptions {
  readonly natsPort: number;
  readonly simPort: number;
  readonly grpcPort: number;
  readonly stateDir: string;
  readonly readyTimeoutMs: number;
  readonly shutdownGraceMs: number;
}

/**
 * Defines `magpie up`. The action calls `execute` with the parsed options, so tests can parse
 * without starting anything.
 */
export function defineUpCommand(config: CliConfig, execute: (options: UpCommandOptions) => Promise<void>): Command {
  return new Command('up')
    .description('run the whole platform locally (nats-server, LLM simulator, services, gateway) until Ctrl-C')
    .addOption(new Option('--nats-port <port>', 'nats-server client port (env MAGPIE_NATS_PORT)').argParser(parsePort).default(config.natsPort))
    .addOption(new Option('--sim-port <port>', 'LLM simulator port (env MAGPIE_SIM_PORT)').argParser(parsePort).default(config.simPort))
    .addOption(new Option('--grpc-port <port>', 'gateway gRPC port (env MAGPIE_GRPC_PORT)').argParser(parsePort).default(config.grpcPort))
    .option('--state-dir <dir>', 'logs, NATS data and up.json (env MAGPIE_STATE_DIR)', config.stateDir)
    .addOption(
      new Option('--ready-timeout-ms <ms>', 'how long each component may take to become ready').argParser(parsePositiveInt).default(60_000),
    )
    .addOption(
      new Option(
        '--shutdown-grace-ms <ms>',
        "each service's SHUTDOWN_GRACE_MS on Ctrl-C (finish or hand back in-flight work); SIGKILL only comes 10 s after it",
      )
        .argParser(parsePositiveInt)
        .default(DEFAULT_SHUTDOWN_GRACE_MS),
    )
    .action(async (options: UpCommandOptions) => execute(options));
}

/** Runs `magpie up` for real until SIGINT or SIGTERM. Resolves with the exit code. */
export async function executeUpCommand(options: UpCommandOptions, config: CliConfig, io: CommandIo): Promise<number> {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) {
      io.err('magpie up: second interrupt, killing children and exiting now');
      io.exit(1);
    }
    controller.abort();
  };
  io.onSignals(['SIGINT', 'SIGTERM'], onSignal);
  try {
    return await runUp({
      ...options,
      repoRoot: REPO_ROOT,
      nodePath: process.execPath,
      // Compiled services when this CLI is the compiled one (dist/), the sources otherwise.
      entry: entryLikeThisProcess(process.execPath),
      searchPath: config.searchPath,
      baseEnv: config.inheritedEnv,
      signal: controller.signal,
      log: io.out,
    });
  } finally {
    io.offSignals(['SIGINT', 'SIGTERM'], onSignal);
  }
}
