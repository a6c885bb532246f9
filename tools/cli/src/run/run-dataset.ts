import { rm } from 'node:fs/promises';
import { relative } from 'node:path';
import { isGrpcError, isoFromTimestamp, runCountsFromProto, runStatusFromProto, type MagpieClient, type Run } from '@magpie/api';
import { isTerminal } from '@magpie/contracts';
import { claimDatasetDir, datasetDirName, type DatasetRunStatus, type DatasetSummary } from '@magpie/dataset';
import { ExitCode } from '../exit-codes.js';
import type { Translate } from '../i18n/translator.js';
import { describeGatewayError } from './describe-error.js';
import { downloadDataset } from './download-dataset.js';
import { DownloadError } from './download-error.js';
import { finalRunState } from './final-run-state.js';
import { watchProgressSource, type ProgressSource } from './progress-source.js';
import { qualityLines } from './quality-lines.js';
import type { ProgressReporter } from './progress-reporter.js';
import { retryUnavailable } from './retry-unavailable.js';
import { toStartRunRequest, type RunRequest } from './start-run-request.js';
import { waitForGateway } from './wait-for-gateway.js';
import { waitForRunEnd, type RunEndOutcome } from './wait-for-run-end.js';

export type { RunRequest } from './start-run-request.js';

/** How a run that got as far as writing its dataset ended; for callers that summarise several runs. */
export interface RunResult {
  readonly runId: string;
  readonly domain: string;
  readonly status: DatasetRunStatus;
  readonly exitCode: number;
  readonly summary: DatasetSummary;
}

export interface RunDatasetOptions {
  readonly client: MagpieClient;
  readonly request: RunRequest;
  /** Parent of the dataset directory. */
  readonly outDir: string;
  /** How long to wait for the gateway: at the start, and for every call while it is unavailable. */
  readonly waitMs: number;
  /** Aborted on Ctrl-C: the run is cancelled and the files of what it made so far are downloaded. */
  readonly signal: AbortSignal;
  /** Result lines (stdout). */
  readonly out: (line: string) => void;
  /** Diagnostics (stderr), when no progress display is up. */
  readonly err: (line: string) => void;
  readonly t: Translate;
  readonly createProgress: (total: number) => ProgressReporter;
  /** Where progress comes from; default WatchRun's stream. */
  readonly progressSource?: ProgressSource;
  /** Writes extra files beside the dataset once it is written (the HTML report); resolves with their paths. */
  readonly afterDataset?: (summary: DatasetSummary) => Promise<readonly string[]>;
  readonly now?: () => Date;
  /** First pause before resuming a broken stream or retrying a call; default 250 ms. */
  readonly retryDelayMs?: number;
  /** How long to wait for a terminal status on GetRun after progress ended; default 10 s. */
  readonly settleMs?: number;
  /** When the "start the platform with magpie up" notice appears; default 2 s. */
  readonly noticeAfterMs?: number;
  /** Told the outcome once the dataset is written (not when the run never started). */
  readonly onFinished?: (result: RunResult) => void;
}

const CONTROL_DEADLINE_MS = 5_000;

/**
 * `magpie run`: starts a run, follows its progress until it ends, downloads its dataset files
 * into a directory of its own and prints them. Every gateway call is retried while the gateway is unavailable, for
 * up to `waitMs`. Resolves with the exit code: 0 when the run succeeded, 1 when it failed or was
 * cancelled, 2 when the gateway was unreachable or rejected a call (or the run's final state
 * could not be read, or its files downloaded), 130 when interrupted. Throws only for local failures (e.g. the dataset
 * directory cannot be written).
 */
export async function runDataset(options: RunDatasetOptions): Promise<number> {
  const { client, request, t } = options;
  const log = (line: string): void => options.err(`magpie run: ${line}`);
  const seconds = Math.round(options.waitMs / 1000);
  const retry = { waitMs: options.waitMs, signal: options.signal, ...(options.retryDelayMs === undefined ? {} : { firstDelayMs: options.retryDelayMs }) };
  const onRetry = (call: string) => (error: { details?: string; message: string }, delayMs: number) =>
    log(t('gateway.retrying', { call, error: error.details || error.message, delayMs, seconds }));
  try {
    const waited = await waitForGateway(client, {
      waitMs: options.waitMs,
      signal: options.signal,
      onWaiting: () => log(t('gateway.waiting', { address: client.address, seconds })),
      ...(options.noticeAfterMs === undefined ? {} : { noticeAfterMs: options.noticeAfterMs }),
    });
    // Ctrl-C while waiting for the gateway must not go on to start a run.
    if (waited === 'aborted') return ExitCode.interrupted;
  } catch {
    log(t('gateway.unreachable', { address: client.address, seconds }));
    return ExitCode.gatewayError;
  }
  let run: Run;
  let created = true;
  // One request id for every attempt, so a StartRun retried after UNAVAILABLE attaches to the run the first attempt started.
  const startRequest = toStartRunRequest(request, request.requestId ?? crypto.randomUUID());
  try {
    const started = await retryUnavailable(() => client.startRun(startRequest, { deadlineMs: CONTROL_DEADLINE_MS * 2 }), { ...retry, onRetry: onRetry('StartRun') });
    if (!started.run) throw new Error('the response has no run');
    run = started.run;
    created = started.created;
  } catch (error) {
    if (options.signal.aborted) return ExitCode.interrupted;
    log(describeGatewayError('StartRun', error, t));
    return ExitCode.gatewayError;
  }
  // A repeated --request-id attaches to the earlier run, whose whole dataset is downloaded once it ends.
  options.out(t(created ? 'run.started' : 'run.attached', { runId: run.run_id }));
  return followRunDataset(run, { ...options, domain: request.domain, model: request.model, count: request.count });
}

/** What following a run needs beyond RunDatasetOptions: the domain the files are named after, and fallbacks for a run without its spec. */
export interface FollowRunOptions extends Omit<RunDatasetOptions, 'request'> {
  readonly domain: string;
  readonly model: string;
  readonly count: number;
  /** What diagnostics start with; default `magpie run`. */
  readonly logPrefix?: string;
}

/**
 * Follows a run that exists (started, attached, or asked for by `magpie report <run>`) with
 * progress until it ends, reads its final state (retried), then downloads the dataset files the
 * gateway built from the run's record log (ExportDataset) into a directory of its own. Resolves
 * with the exit code, as runDataset; when the run cannot be seen to end, or its files cannot be
 * downloaded, nothing is written and the message says how to fetch them later.
 */
export async function followRunDataset(run: Run, options: FollowRunOptions): Promise<number> {
  const { client, t } = options;
  const now = options.now ?? (() => new Date());
  const prefix = options.logPrefix ?? 'magpie run';
  let log = (line: string): void => options.err(`${prefix}: ${line}`);
  const seconds = Math.round(options.waitMs / 1000);
  const onRetry = (call: string) => (error: { details?: string; message: string }, delayMs: number) =>
    log(t('gateway.retrying', { call, error: error.details || error.message, delayMs, seconds }));
  const runId = run.run_id;
  // The run's start names the directory, as it names the files (the seed's script takes both from one `date`).
  const createdAt = isoFromTimestamp(run.created_at);
  const model = run.spec?.generator?.model || options.model;
  const count = run.spec?.count || options.count;
  const progress = options.createProgress(count);
  log = (line) => progress.notice(`${prefix}: ${line}`);
  const stopProgress = (): void => {
    progress.stop();
    log = (line) => options.err(`${prefix}: ${line}`);
  };
  let dir: string | undefined;
  try {
    const outcome = await waitForRunEnd(options.progressSource ?? watchProgressSource(client, options.waitMs), runId, {
      signal: options.signal,
      onProgress: (p) => progress.update(p.counts),
      onReconnect: (error) => log(t('watch.interrupted', { reason: describeGatewayError('WatchRun', error, t) })),
    });
    if (outcome.kind === 'interrupted') await cancel(runId, options, log);
    if (outcome.kind === 'failed') log(describeGatewayError('WatchRun', outcome.error, t));
    const final = await finalRunState({
      client,
      runId,
      settleMs: options.settleMs ?? 10_000,
      waitMs: outcome.kind === 'interrupted' ? CONTROL_DEADLINE_MS : options.waitMs,
      onRetry: onRetry('GetRun'),
    });
    const finalRun = 'run' in final ? final.run : undefined;
    const status: DatasetRunStatus = finalRun && finalRun.status !== 'RUN_STATUS_UNSPECIFIED' ? runStatusFromProto(finalRun.status) : 'unknown';
    if (finalRun) progress.update(runCountsFromProto(finalRun.counts, finalRun.quality));
    if (!finalRun || status === 'unknown' || !isTerminal(status)) {
      stopProgress();
      const error = finalRun ? t('run.notEnded', { status: t(`status.${status}`) }) : describeGatewayError('GetRun', 'error' in final ? final.error : undefined, t);
      log(t('run.finalUnknown', { runId, error }));
      return outcome.kind === 'interrupted' ? ExitCode.interrupted : ExitCode.gatewayError;
    }
    dir = await claimDatasetDir(options.outDir, datasetDirName(model, options.domain, createdAt ? new Date(createdAt) : now()));
    let summary: DatasetSummary;
    try {
      summary = await downloadDataset({ client, runId, dir, waitMs: options.waitMs, onRetry: onRetry('ExportDataset') });
    } catch (error) {
      if (!isGrpcError(error) && !(error instanceof DownloadError)) throw error;
      stopProgress();
      await rm(dir, { recursive: true, force: true });
      log(t('dataset.downloadFailed', { runId, error: describeGatewayError('ExportDataset', error, t) }));
      return ExitCode.gatewayError;
    }
    stopProgress();
    const extras = options.afterDataset ? await options.afterDataset(summary) : [];
    printSummary(summary, { runId, status, extras }, options);
    const exitCode = exitCodeFor(outcome, status);
    options.onFinished?.({ runId, domain: options.domain, status, exitCode, summary });
    return exitCode;
  } catch (error) {
    progress.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function exitCodeFor(outcome: RunEndOutcome, status: DatasetRunStatus): number {
  if (outcome.kind === 'interrupted') return ExitCode.interrupted;
  if (outcome.kind === 'failed') return ExitCode.gatewayError;
  return status === 'succeeded' ? ExitCode.ok : ExitCode.failure;
}

async function cancel(runId: string, options: FollowRunOptions, log: (line: string) => void): Promise<void> {
  log(options.t('run.interrupted', { runId }));
  try {
    await options.client.cancelRun({ run_id: runId, reason: 'cancelled from magpie run (interrupted)' }, { deadlineMs: CONTROL_DEADLINE_MS });
  } catch (error) {
    log(describeGatewayError('CancelRun', error, options.t));
  }
}

/** A path relative to the working directory when it is below it, else absolute. */
export function shownPath(path: string): string {
  const shown = relative(process.cwd(), path) || '.';
  return shown.startsWith('..') ? path : shown;
}

function printSummary(
  summary: DatasetSummary,
  { runId, status, extras }: { runId: string; status: DatasetRunStatus; extras: readonly string[] },
  options: FollowRunOptions,
): void {
  const { out, t } = options;
  out(t('summary.dataset', { dir: shownPath(summary.dir) }));
  const width = Math.max(...summary.files.map((f) => f.name.length));
  for (const file of summary.files) out(`  ${file.name.padEnd(width)}  ${file.records}`);
  for (const path of extras) out(t('summary.report', { path: shownPath(path) }));
  const { counts } = summary.info;
  if (counts) {
    const { problem, solution, samples, rewards } = counts.records;
    const rejected = Object.values(counts.rejections).reduce((a, b) => a + b, 0);
    out(t('summary.counts', { problems: problem, solutions: solution, samples, rewards, deadLetters: counts.dead_lettered, rejected }));
  }
  const { quality } = summary.info;
  if (quality) for (const line of qualityLines(quality)) out(line);
  const shownStatus = t(`status.${status}`);
  out(summary.info.complete ? t('run.result', { runId, status: shownStatus }) : t('run.resultWithNote', { runId, status: shownStatus, note: summary.info.note }));
}
