import { join, relative } from 'node:path';
import { runCountsFromProto, runSpecFromProto, runStatusFromProto, type MagpieClient, type Run } from '@magpie/api';
import { isTerminal, type RunStatus } from '@magpie/contracts';
import { DatasetWriter, datasetDirName, type DatasetSummary } from '@magpie/dataset';
import { ExitCode } from '../exit-codes.js';
import type { PlatformInfo } from '../repo-root.js';
import { describeGatewayError } from './describe-error.js';
import { qualityLines } from './quality-lines.js';
import { followRunCounts } from './follow-run-counts.js';
import type { ProgressReporter } from './progress-reporter.js';
import { toStartRunRequest, type RunRequest } from './start-run-request.js';
import { streamRunRecords } from './stream-run-records.js';

export type { RunRequest } from './start-run-request.js';

/** How a run that got as far as writing its dataset ended; for callers that summarise several runs. */
export interface RunResult {
  readonly runId: string;
  readonly domain: string;
  readonly status: RunStatus;
  readonly exitCode: number;
  readonly summary: DatasetSummary;
}

export interface RunDatasetOptions {
  readonly client: MagpieClient;
  readonly request: RunRequest;
  /** Parent of the dataset directory. */
  readonly outDir: string;
  /** How long to wait for the gateway at the start and after a broken stream. */
  readonly waitMs: number;
  readonly platform: PlatformInfo;
  /** Aborted on Ctrl-C: the run is cancelled and what arrived so far is written. */
  readonly signal: AbortSignal;
  /** Result lines (stdout). */
  readonly out: (line: string) => void;
  /** Diagnostics (stderr). */
  readonly err: (line: string) => void;
  readonly createProgress: (total: number) => ProgressReporter;
  readonly now?: () => Date;
  /** First pause before resuming a broken stream; default 250 ms. */
  readonly retryDelayMs?: number;
  /** How long to wait for a terminal status after the stream ends; default 10 s. */
  readonly settleMs?: number;
  /** How often progress reads the run's counts (GetRun); default 1 s. */
  readonly progressIntervalMs?: number;
  /** Told the outcome once the dataset is written (not when the run never started). */
  readonly onFinished?: (result: RunResult) => void;
}

type StreamOutcome = { kind: 'ended' } | { kind: 'interrupted' } | { kind: 'failed'; error: unknown };

const CONTROL_DEADLINE_MS = 5_000;
const ABORTED = Symbol('aborted');

/** Settles like `promise`, or with ABORTED as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * `magpie run`: starts a run, streams its records into a dataset directory, finishes the files and
 * prints them. Resolves with the exit code: 0 when the run succeeded, 1 when it failed or was
 * cancelled, 2 when the gateway was unreachable or rejected a call, 130 when interrupted. Throws
 * only for local failures (e.g. the dataset directory cannot be written).
 */
export async function runDataset(options: RunDatasetOptions): Promise<number> {
  const { client, request, err } = options;
  const now = options.now ?? (() => new Date());
  const log = (line: string): void => err(`magpie run: ${line}`);
  try {
    // Ctrl-C while waiting for the gateway must not go on to start a run.
    if ((await untilAborted(client.waitForReady(options.waitMs), options.signal)) === ABORTED) return ExitCode.interrupted;
  } catch {
    log(`gateway ${client.address} is not reachable (waited ${options.waitMs} ms)`);
    return ExitCode.gatewayError;
  }
  let run: Run;
  let created = true;
  try {
    const started = await client.startRun(toStartRunRequest(request, request.requestId ?? crypto.randomUUID()));
    if (!started.run) throw new Error('the response has no run');
    run = started.run;
    created = started.created;
  } catch (error) {
    log(describeGatewayError('StartRun', error));
    return ExitCode.gatewayError;
  }
  // A repeated --request-id attaches to the earlier run; streaming from cursor 0 rebuilds its whole dataset.
  options.out(created ? `run ${run.run_id} started` : `run ${run.run_id} attached (started earlier with this request id)`);
  // One instant names both the directory and the files, as the seed's script takes both from one `date`.
  const start = now();
  const startedAt = run.created_at || start.toISOString();
  const model = run.spec?.generator?.model || request.model;
  const dir = join(options.outDir, datasetDirName(model, request.domain, start));
  const writer = await DatasetWriter.create({
    dir,
    domain: request.domain,
    runId: run.run_id,
    model,
    count: run.spec?.count || request.count,
    timestamp: Math.floor(start.getTime() / 1000),
    keepUnverified: request.keepUnverified ?? false,
  });
  const progress = options.createProgress(run.spec?.count || request.count);
  const follower = followRunCounts({
    client,
    runId: run.run_id,
    intervalMs: options.progressIntervalMs ?? 1_000,
    onCounts: (counts) => progress.update(counts.records),
  });
  try {
    const outcome = await streamInto(writer, run.run_id, options).finally(() => follower.stop());
    if (outcome.kind === 'interrupted') await cancel(run.run_id, options);
    if (outcome.kind === 'failed') log(describeGatewayError('StreamRecords', outcome.error));
    const final = await finalRun(run.run_id, outcome.kind === 'ended' ? (options.settleMs ?? 10_000) : 0, options);
    const fallback: RunStatus = outcome.kind === 'interrupted' ? 'cancelled' : 'failed';
    const status = final && final.status !== 'RUN_STATUS_UNSPECIFIED' ? runStatusFromProto(final.status) : fallback;
    const spec = final?.spec ?? run.spec;
    if (!spec) throw new Error(`the gateway returned run ${run.run_id} without its spec`);
    const reason = final?.reason || (outcome.kind === 'failed' ? describeGatewayError('StreamRecords', outcome.error) : undefined);
    const counts = final ? runCountsFromProto(final.counts, final.quality) : undefined;
    if (counts) progress.update(counts.records);
    progress.stop();
    const summary = await writer.finish({
      spec: runSpecFromProto(spec),
      status,
      ...(reason ? { reason } : {}),
      startedAt,
      finishedAt: final?.finished_at || now().toISOString(),
      platform: options.platform,
      ...(counts ? { counts } : {}),
    });
    printSummary(summary, run.run_id, status, options.out);
    const exitCode = exitCodeFor(outcome, status);
    options.onFinished?.({ runId: run.run_id, domain: request.domain, status, exitCode, summary });
    return exitCode;
  } catch (error) {
    progress.stop();
    await writer.discard();
    throw error;
  }
}

function exitCodeFor(outcome: StreamOutcome, status: RunStatus): number {
  if (outcome.kind === 'interrupted') return ExitCode.interrupted;
  if (outcome.kind === 'failed') return ExitCode.gatewayError;
  return status === 'succeeded' ? ExitCode.ok : ExitCode.failure;
}

async function streamInto(writer: DatasetWriter, runId: string, options: RunDatasetOptions): Promise<StreamOutcome> {
  try {
    await streamRunRecords({
      client: options.client,
      runId,
      signal: options.signal,
      reconnectWithinMs: options.waitMs,
      ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
      onRecord: async (record) => {
        await writer.add(record);
      },
      onReconnect: (cursor, error) =>
        options.err(`magpie run: stream interrupted (${error.details || error.message}); resuming after cursor ${cursor}`),
    });
    return { kind: 'ended' };
  } catch (error) {
    return options.signal.aborted ? { kind: 'interrupted' } : { kind: 'failed', error };
  }
}

async function cancel(runId: string, options: RunDatasetOptions): Promise<void> {
  options.err(`magpie run: interrupted; cancelling run ${runId}`);
  try {
    await options.client.cancelRun({ run_id: runId, reason: 'cancelled from magpie run (interrupted)' }, { deadlineMs: CONTROL_DEADLINE_MS });
  } catch (error) {
    options.err(`magpie run: ${describeGatewayError('CancelRun', error)}`);
  }
}

/**
 * The run's final state. The stream ends when the run ends, but the stored status may trail the
 * last record slightly, so poll for up to `settleMs` for a terminal status.
 */
async function finalRun(runId: string, settleMs: number, options: RunDatasetOptions): Promise<Run | undefined> {
  const giveUpAt = Date.now() + settleMs;
  for (;;) {
    let run: Run;
    try {
      run = await options.client.getRun({ run_id: runId }, { deadlineMs: CONTROL_DEADLINE_MS });
    } catch (error) {
      options.err(`magpie run: ${describeGatewayError('GetRun', error)}`);
      return undefined;
    }
    if (run.status !== 'RUN_STATUS_UNSPECIFIED' && isTerminal(runStatusFromProto(run.status))) return run;
    if (Date.now() >= giveUpAt) return run;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function printSummary(summary: DatasetSummary, runId: string, status: RunStatus, out: (line: string) => void): void {
  const shown = relative(process.cwd(), summary.dir) || '.';
  out(`dataset: ${shown.startsWith('..') ? summary.dir : shown}`);
  const width = Math.max(...summary.files.map((f) => f.name.length));
  for (const file of summary.files) out(`  ${file.name.padEnd(width)}  ${file.records}`);
  const { counts } = summary.info;
  if (counts) {
    const rejected = Object.values(counts.rejections).reduce((a, b) => a + b, 0);
    const { problem, solution, samples, rewards } = counts.records;
    out(`counts: problems ${problem}, solutions ${solution}, samples ${samples}, rewards ${rewards}; dead letters ${counts.dead_lettered}; rejected instructions ${rejected}`);
  }
  const { quality } = summary.info;
  if (quality) for (const line of qualityLines(quality)) out(line);
  const note = summary.info.complete ? '' : ` (${summary.info.note})`;
  out(`run ${runId} ${status}${note}`);
}
