import { Command, Option } from 'commander';
import type { MagpieClient, Run } from '@magpie/api';
import { isTerminal } from '@magpie/contracts';
import type { CliConfig } from '../config.js';
import { ExitCode } from '../exit-codes.js';
import { parsePositiveInt } from '../parse-options.js';
import { describeGatewayError } from '../run/describe-error.js';
import { createGatewayClient } from '../run/gateway-client-options.js';
import { createProgressReporter } from '../run/progress-reporter.js';
import { pollingProgressSource, type ProgressSource, type RunProgress } from '../run/progress-source.js';
import { retryUnavailable } from '../run/retry-unavailable.js';
import { waitForGateway } from '../run/wait-for-gateway.js';
import { formatRunDetail, formatRunTable, runJson, shownStatus } from '../runs/format-run.js';
import type { CommandIo } from './command-io.js';
import { addGatewayFlags, type GatewayFlags } from './run-options.js';

export interface RunsListOptions extends GatewayFlags {
  readonly limit: number;
  readonly json?: boolean;
}
export interface RunsGetOptions extends GatewayFlags {
  readonly json?: boolean;
}
export interface RunsCancelOptions extends GatewayFlags {
  readonly reason: string;
  readonly json?: boolean;
}
export interface RunsWatchOptions extends GatewayFlags {
  readonly json?: boolean;
  readonly intervalMs: number;
}

/** What each `magpie runs` subcommand does once parsed; tests pass their own. */
export interface RunsHandlers {
  readonly list: (options: RunsListOptions) => Promise<void>;
  readonly get: (runId: string, options: RunsGetOptions) => Promise<void>;
  readonly cancel: (runId: string, options: RunsCancelOptions) => Promise<void>;
  readonly watch: (runId: string, options: RunsWatchOptions) => Promise<void>;
}

const jsonOption = (): Option => new Option('--json', 'print JSON for scripts (watch: one JSON object per line)');

/** Defines `magpie runs list|get|cancel|watch`. */
export function defineRunsCommand(config: CliConfig, handlers: RunsHandlers): Command {
  const runs = new Command('runs').description('list, inspect, cancel and watch the runs on the gateway');
  const sub = (name: string, description: string): Command => addGatewayFlags(runs.command(name).description(description), config);
  sub('list', 'the runs on the gateway, newest first')
    .addOption(new Option('--limit <n>', 'at most this many runs, newest first (up to 1000)').argParser(parsePositiveInt).default(20))
    .addOption(jsonOption())
    .action((options: RunsListOptions) => handlers.list(options));
  sub('get', "one run's status, spec and counts")
    .argument('<run-id>')
    .addOption(jsonOption())
    .action((runId: string, options: RunsGetOptions) => handlers.get(runId, options));
  sub('cancel', 'cancel a run (idempotent: a finished run is returned unchanged)')
    .argument('<run-id>')
    .option('--reason <text>', 'why, stored with the run', 'cancelled from magpie runs cancel')
    .addOption(jsonOption())
    .action((runId: string, options: RunsCancelOptions) => handlers.cancel(runId, options));
  sub('watch', "follow a run's progress until it ends")
    .argument('<run-id>')
    .addOption(new Option('--interval-ms <ms>', 'how often progress is read').argParser(parsePositiveInt).default(1_000))
    .addOption(jsonOption())
    .action((runId: string, options: RunsWatchOptions) => handlers.watch(runId, options));
  return runs;
}

/** Connects (with the "start the platform" notice) and runs one call with retries; the exit code on failure. */
async function withGateway(io: CommandIo, options: GatewayFlags, use: (client: MagpieClient) => Promise<number>): Promise<number> {
  const client = createGatewayClient(options.gateway, options);
  const seconds = Math.round(options.waitMs / 1000);
  const log = (line: string): void => io.err(`magpie runs: ${line}`);
  try {
    try {
      await waitForGateway(client, { waitMs: options.waitMs, signal: new AbortController().signal, onWaiting: () => log(io.t('gateway.waiting', { address: client.address, seconds })) });
    } catch {
      log(io.t('gateway.unreachable', { address: client.address, seconds }));
      return ExitCode.gatewayError;
    }
    return await use(client);
  } finally {
    client.close();
  }
}

function call<T>(io: CommandIo, options: GatewayFlags, name: string, run: () => Promise<T>): Promise<T> {
  const seconds = Math.round(options.waitMs / 1000);
  return retryUnavailable(run, {
    waitMs: options.waitMs,
    onRetry: (error, delayMs) => io.err(`magpie runs: ${io.t('gateway.retrying', { call: name, error: error.details || error.message, delayMs, seconds })}`),
  });
}

interface GatewayRead<T> {
  readonly name: string;
  readonly request: (client: MagpieClient) => Promise<T>;
  readonly print: (value: T) => void;
}

/** Runs a gateway call and prints its result, or its error with exit code 2. */
async function readCommand<T>(io: CommandIo, options: GatewayFlags, { name, request, print }: GatewayRead<T>): Promise<number> {
  return withGateway(io, options, async (client) => {
    try {
      print(await call(io, options, name, () => request(client)));
      return ExitCode.ok;
    } catch (error) {
      io.err(`magpie runs: ${describeGatewayError(name, error, io.t)}`);
      return ExitCode.gatewayError;
    }
  });
}

/** Follows a run until it is terminal, through `source`; the exit code is the run's outcome. */
export async function watchRun(runId: string, options: RunsWatchOptions, io: CommandIo, source: ProgressSource): Promise<number> {
  let reporter: ReturnType<typeof createProgressReporter> | undefined;
  let last = '';
  const outcome = await new Promise<RunProgress | { error: unknown }>((resolve) => {
    const follow = source.follow(runId, {
      onProgress: (progress) => {
        if (options.json) {
          const line = JSON.stringify({ run_id: runId, ...progress });
          if (line !== last) io.out(line);
          last = line;
        } else {
          reporter ??= createProgressReporter({ stream: io.errStream, isTty: io.errIsTty, total: progress.count, t: io.t });
          reporter.update(progress.counts);
        }
        if (isTerminal(progress.status)) void follow.stop().then(() => resolve(progress));
      },
      onError: (error) => void follow.stop().then(() => resolve({ error })),
    });
  });
  reporter?.stop();
  if ('error' in outcome) {
    io.err(`magpie runs: ${describeGatewayError('GetRun', outcome.error, io.t)}`);
    return ExitCode.gatewayError;
  }
  if (!options.json) io.out(io.t('watch.final', { runId, status: io.t(`status.${outcome.status}`) }));
  return outcome.status === 'succeeded' ? ExitCode.ok : ExitCode.failure;
}

/** The real handlers: a gateway client per command, output on io, the exit code set. */
export function runsHandlers(io: CommandIo, setExitCode: (code: number) => void): RunsHandlers {
  const print = (run: Run, json: boolean | undefined): void => {
    if (json) io.out(runJson(run));
    else for (const line of formatRunDetail(run, io.t)) io.out(line);
  };
  return {
    list: async (options) =>
      setExitCode(
        await readCommand(io, options, {
          name: 'ListRuns',
          request: (c) => c.listRuns({ page_size: Math.min(options.limit, 1000) }),
          print: ({ runs }) => {
            if (options.json) io.out(JSON.stringify({ runs }));
            else for (const line of formatRunTable(runs, io.t)) io.out(line);
          },
        }),
      ),
    get: async (runId, options) =>
      setExitCode(await readCommand(io, options, { name: 'GetRun', request: (c) => c.getRun({ run_id: runId }), print: (run) => print(run, options.json) })),
    cancel: async (runId, options) =>
      setExitCode(
        await readCommand(io, options, {
          name: 'CancelRun',
          request: (c) => c.cancelRun({ run_id: runId, reason: options.reason }),
          print: (run) => {
            if (options.json) io.out(runJson(run));
            else io.out(io.t('runs.cancelled', { runId: run.run_id, status: shownStatus(run, io.t) }));
          },
        }),
      ),
    watch: async (runId, options) =>
      setExitCode(await withGateway(io, options, (client) => watchRun(runId, options, io, pollingProgressSource(client, options.intervalMs, options.waitMs)))),
  };
}
