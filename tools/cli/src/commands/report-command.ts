import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import type { MagpieClient, Run } from '@magpie/api';
import type { DatasetSummary } from '@magpie/dataset';
import { ReportError, writeReport, type TokenPrices } from '@magpie/report';
import type { CliConfig } from '../config.js';
import { ExitCode } from '../exit-codes.js';
import { describeGatewayError } from '../run/describe-error.js';
import { createGatewayClient } from '../run/gateway-client-options.js';
import { createProgressReporter } from '../run/progress-reporter.js';
import { retryUnavailable } from '../run/retry-unavailable.js';
import { followRunDataset, shownPath } from '../run/run-dataset.js';
import { waitForGateway } from '../run/wait-for-gateway.js';
import type { CommandIo } from './command-io.js';
import { addGatewayFlags, addPriceFlags, tokenPrices, type GatewayFlags, type PriceFlags } from './run-options.js';

export interface ReportOptions extends GatewayFlags, PriceFlags {
  /** Where the dataset directory of a run fetched by id goes. */
  readonly out: string;
}

/** Writes report.html beside a dataset just written (`magpie run` does this after every run). */
export function reportBeside(prices: TokenPrices): (summary: DatasetSummary) => Promise<readonly string[]> {
  return async (summary) => [await writeReport(summary.dir, prices)];
}

/** Defines `magpie report <run-or-dir>`. */
export function defineReportCommand(config: CliConfig, execute: (target: string, options: ReportOptions) => Promise<void>): Command {
  const command = new Command('report')
    .description('write report.html for a dataset directory, or for a run id (its dataset files are downloaded over the API into a dataset directory first)')
    .argument('<run-or-dir>', 'a dataset directory (holding dataset_info.json) or a run id')
    .option('--out <dir>', 'parent directory of the dataset directory written for a run id (env MAGPIE_OUT_DIR)', config.outDir);
  addGatewayFlags(command, config);
  addPriceFlags(command, config);
  return command.action((target: string, options: ReportOptions) => execute(target, options));
}

function isDatasetDir(path: string): boolean {
  return existsSync(join(path, 'dataset_info.json'));
}

async function reportDir(dir: string, options: ReportOptions, io: CommandIo): Promise<number> {
  try {
    io.out(io.t('report.written', { path: shownPath(await writeReport(dir, tokenPrices(options))) }));
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    io.err(`magpie report: ${io.t('report.failed', { error: error.message })}`);
    return ExitCode.failure;
  }
}

async function fetchRun(client: MagpieClient, runId: string, options: ReportOptions, io: CommandIo): Promise<Run | number> {
  const seconds = Math.round(options.waitMs / 1000);
  const log = (line: string): void => io.err(`magpie report: ${line}`);
  try {
    await waitForGateway(client, { waitMs: options.waitMs, signal: new AbortController().signal, onWaiting: () => log(io.t('gateway.waiting', { address: client.address, seconds })) });
  } catch {
    log(io.t('gateway.unreachable', { address: client.address, seconds }));
    return ExitCode.gatewayError;
  }
  try {
    return await retryUnavailable(() => client.getRun({ run_id: runId }), {
      waitMs: options.waitMs,
      onRetry: (error, delayMs) => log(io.t('gateway.retrying', { call: 'GetRun', error: error.details || error.message, delayMs, seconds })),
    });
  } catch (error) {
    log(describeGatewayError('GetRun', error, io.t));
    return ExitCode.gatewayError;
  }
}

/**
 * `magpie report`: for a dataset directory, writes its report.html; for a run id, follows the
 * run until it ends (with progress), downloads its files into a new dataset directory under --out
 * and writes its report there. Resolves with the exit code.
 */
export async function executeReport(target: string, options: ReportOptions, io: CommandIo): Promise<number> {
  if (isDatasetDir(target)) return reportDir(target, options, io);
  if (existsSync(target) && statSync(target).isDirectory()) {
    io.err(`magpie report: ${io.t('report.notDataset', { path: target })}`);
    return ExitCode.failure;
  }
  const client = createGatewayClient(options.gateway, options);
  try {
    const run = await fetchRun(client, target, options, io);
    if (typeof run === 'number') return run;
    io.err(`magpie report: ${io.t('report.fetching', { runId: run.run_id, address: client.address })}`);
    return await followRunDataset(run, {
      client,
      outDir: options.out,
      waitMs: options.waitMs,
      signal: new AbortController().signal,
      out: io.out,
      err: io.err,
      t: io.t,
      createProgress: (total) => createProgressReporter({ stream: io.errStream, isTty: io.errIsTty, total, t: io.t }),
      afterDataset: reportBeside(tokenPrices(options)),
      domain: run.spec?.domain ?? '',
      model: run.spec?.generator?.model ?? '',
      count: run.spec?.count ?? 0,
      logPrefix: 'magpie report',
    });
  } finally {
    client.close();
  }
}
