import { relative } from 'node:path';
import { isoFromTimestamp, runCountsFromProto, runSpecFromProto, runStatusFromProto, type MagpieClient, type Run } from '@magpie/api';
import { claimDatasetDir, datasetDirName, type DatasetRunStatus, type DatasetSummary } from '@magpie/dataset';
import { ExitCode } from '../exit-codes.js';
import type { Translate } from '../i18n/translator.js';
import type { PlatformInfo } from '../repo-root.js';
import { recordStreamDatasetSource, type CollectOutcome, type DatasetSource, type RecordStreamSourceOptions } from './dataset-source.js';
import { describeGatewayError } from './describe-error.js';
import { finalRunState } from './final-run-state.js';
import { pollingProgressSource, type ProgressSource } from './progress-source.js';
import { qualityLines } from './quality-lines.js';
import type { ProgressReporter } from './progress-reporter.js';
import { retryUnavailable } from './retry-unavailable.js';
import { toStartRunRequest, type RunRequest } from './start-run-request.js';
import { waitForGateway } from './wait-for-gateway.js';

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
  readonly platform: PlatformInfo;
  /** Aborted on Ctrl-C: the run is cancelled and what arrived so far is written. */
  readonly signal: AbortSignal;
  /** Result lines (stdout). */
  readonly out: (line: string) => void;
  /** Diagnostics (stderr), when no progress display is up. */
  readonly err: (line: string) => void;
  readonly t: Translate;
  readonly createProgress: (total: number) => ProgressReporter;
  /** Where progress comes from; default GetRun polled every `progressIntervalMs`. */
  readonly progressSource?: ProgressSource;
  /** Where the files come from; default the record stream into a DatasetWriter. */
  readonly createDatasetSource?: (options: RecordStreamSourceOptions) => Promise<DatasetSource>;
  /** Writes extra files beside the dataset once it is written (the HTML report); resolves with their paths. */
  readonly afterDataset?: (summary: DatasetSummary) => Promise<readonly string[]>;
  readonly now?: () => Date;
  /** First pause before resuming a broken stream or retrying a call; default 250 ms. */
  readonly retryDelayMs?: number;
  /** How long to wait for a terminal status after the stream ends; default 10 s. */
  readonly settleMs?: number;
  /** How often progress reads the run's counts (GetRun); default 1 s. */
  readonly progressIntervalMs?: number;
  /** When the "start the platform with magpie up" notice appears; default 2 s. */
  readonly noticeAfterMs?: number;
  /** Told the outcome once the dataset is written (not when the run never started). */
  readonly onFinished?: (result: RunResult) => void;
}

const CONTROL_DEADLINE_MS = 5_000;

/**
 * `magpie run`: starts a run, streams its records into a dataset directory of its own, finishes
 * the files and prints them. Every gateway call is retried while the gateway is unavailable, for
 * up to `waitMs`. Resolves with the exit code: 0 when the run succeeded, 1 when it failed or was
 * cancelled, 2 when the gateway was unreachable or rejected a call (or the run's final state
 * could not be read), 130 when interrupted. Throws only for local failures (e.g. the dataset
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
  // A repeated --request-id attaches to the earlier run; streaming from cursor 0 rebuilds its whole dataset.
  options.out(t(created ? 'run.started' : 'run.attached', { runId: run.run_id }));
  return followRunDataset(run, { ...options, domain: request.domain, model: request.model, count: request.count, ...(request.keepUnverified ? { keepUnverified: true } : {}) });
}

/** What following a run needs beyond RunDatasetOptions: the domain the files are named after, and fallbacks for a run without its spec. */
export interface FollowRunOptions extends Omit<RunDatasetOptions, 'request'> {
  readonly domain: string;
  readonly model: string;
  readonly count: number;
  /** Put unverified solutions and pairs into the training exports too (`--keep-unverified`). */
  readonly keepUnverified?: boolean;
  /** What diagnostics start with; default `magpie run`. */
  readonly logPrefix?: string;
}

/**
 * Follows a run that exists (started, attached, or asked for by `magpie report <run>`): streams
 * its records into a dataset directory of its own with progress, reads its final state (retried)
 * and writes the files. Resolves with the exit code, as runDataset.
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
  // One instant names both the directory and the files, as the seed's script takes both from one `date`.
  const start = now();
  const startedAt = isoFromTimestamp(run.created_at) ?? start.toISOString();
  const model = run.spec?.generator?.model || options.model;
  const count = run.spec?.count || options.count;
  const dir = await claimDatasetDir(options.outDir, datasetDirName(model, options.domain, start));
  const createSource = options.createDatasetSource ?? recordStreamDatasetSource;
  const source = await createSource({
    client,
    writer: { dir, domain: options.domain, runId, model, count, timestamp: Math.floor(start.getTime() / 1000), keepUnverified: options.keepUnverified ?? false },
    waitMs: options.waitMs,
    ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
  });
  const progress = options.createProgress(count);
  log = (line) => progress.notice(`${prefix}: ${line}`);
  const follow = (options.progressSource ?? pollingProgressSource(client, options.progressIntervalMs ?? 1_000)).follow(runId, { onProgress: (p) => progress.update(p.counts) });
  try {
    const outcome = await source
      .collect({
        signal: options.signal,
        onReconnect: (cursor, error) => log(t('stream.interrupted', { reason: error.details || error.message, cursor })),
      })
      .finally(() => follow.stop());
    if (outcome.kind === 'interrupted') await cancel(runId, options, log);
    if (outcome.kind === 'failed') log(describeGatewayError('StreamRecords', outcome.error, t));
    const final = await finalRunState({
      client,
      runId,
      settleMs: outcome.kind === 'ended' ? (options.settleMs ?? 10_000) : 0,
      waitMs: outcome.kind === 'interrupted' ? CONTROL_DEADLINE_MS : options.waitMs,
      onRetry: onRetry('GetRun'),
    });
    const finalRun = 'run' in final ? final.run : undefined;
    if (!finalRun) log(t('run.finalUnknown', { runId, error: describeGatewayError('GetRun', 'error' in final ? final.error : undefined, t) }));
    // Never a made-up status: what the gateway said last, or `unknown` when it could not be asked.
    const status: DatasetRunStatus = finalRun && finalRun.status !== 'RUN_STATUS_UNSPECIFIED' ? runStatusFromProto(finalRun.status) : 'unknown';
    const spec = finalRun?.spec ?? run.spec;
    if (!spec) throw new Error(t('run.noSpec', { runId }));
    const reason = finalRun?.reason || (outcome.kind === 'failed' ? describeGatewayError('StreamRecords', outcome.error, t) : undefined);
    const counts = finalRun ? runCountsFromProto(finalRun.counts, finalRun.quality) : undefined;
    if (counts) progress.update(counts);
    progress.stop();
    log = (line) => options.err(`${prefix}: ${line}`);
    const summary = await source.finish({
      spec: runSpecFromProto(spec),
      status,
      ...(reason ? { reason } : {}),
      startedAt,
      finishedAt: isoFromTimestamp(finalRun?.finished_at) ?? now().toISOString(),
      platform: options.platform,
      ...(counts ? { counts } : {}),
    });
    const extras = options.afterDataset ? await options.afterDataset(summary) : [];
    printSummary(summary, { runId, status, extras }, options);
    const exitCode = exitCodeFor(outcome, status);
    options.onFinished?.({ runId, domain: options.domain, status, exitCode, summary });
    return exitCode;
  } catch (error) {
    progress.stop();
    await source.discard();
    throw error;
  }
}

function exitCodeFor(outcome: CollectOutcome, status: DatasetRunStatus): number {
  if (outcome.kind === 'interrupted') return ExitCode.interrupted;
  if (outcome.kind === 'failed' || status === 'unknown') return ExitCode.gatewayError;
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
