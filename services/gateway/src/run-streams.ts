import { once } from 'node:events';
import type * as grpc from '@grpc/grpc-js';
import {
  datasetFormatMapping,
  durationFromMs,
  recordKindMapping,
  recordToProto,
  runToProto,
  type ExportDatasetRequest,
  type StageProgress,
  type StreamRecordsRequest,
  type TokenUsage,
  type WatchRunResponseInput,
} from '@magpie/api';
import { isNatsError, type ObjectBucket } from '@magpie/bus';
import { DatasetExportFormat, RecordKind, expectedRecordKinds, isTerminal, type RunCounts, type RunState } from '@magpie/contracts';
import type { RecordLog } from '@magpie/runs';
import type { DatasetExports } from './dataset-exports.js';
import { InvalidArgumentError } from './errors.js';
import type { RunAggregate, RunAggregates } from './run-aggregates.js';
import type { RunCountsCache } from './run-counts-cache.js';
import { requireRunId } from './require-run-id.js';
import type { RunLookup } from './run-lookup.js';

export interface RunStreamsOptions {
  readonly lookup: RunLookup;
  readonly log: RecordLog;
  readonly counts: RunCountsCache;
  readonly aggregates: RunAggregates;
  readonly exports: DatasetExports;
  readonly objects: ObjectBucket;
  /** How often WatchRun looks at the run's counts. */
  readonly watchIntervalMs: number;
  /** How long an export waits for another replica's build before answering UNAVAILABLE. */
  readonly exportWaitMs?: number;
  /** Resolves once the run is seen to end: WatchRun sends its final message then, not at its next look. */
  readonly ended?: (runId: string) => Promise<unknown>;
}

/** The stage that produces each record kind, in pipeline order. */
const STAGE_OF = { problem: 'STAGE_GENERATOR', solution: 'STAGE_SOLVER', samples: 'STAGE_SAMPLER', rewards: 'STAGE_REWARD', tags: 'STAGE_TAGGER' } as const;
const RATE_WINDOW_MS = 30_000;
/** How long a stream stays open while NATS cannot be reached before it ends with UNAVAILABLE. */
const MAX_OUTAGE_MS = 600_000;
/** A chunk of an exported file; well under gRPC's default 4 MiB message limit. */
export const EXPORT_CHUNK_BYTES = 256 * 1024;
/** Unspecified means Magpie's JSON files; the rest map one to one onto the stored export formats. */
function exportFormatOf(name: string): DatasetExportFormat | undefined {
  return name === 'DATASET_FORMAT_UNSPECIFIED' ? 'magpie_json' : datasetFormatMapping.tryFromProto(name);
}

interface WatchContext {
  readonly call: grpc.ServerWritableStream<unknown, unknown>;
  readonly runId: string;
  readonly aggregate: RunAggregate;
  readonly signal: AbortSignal;
}

/** Writes one message, waiting for the client to drain when it is slow (backpressure). */
async function write(call: grpc.ServerWritableStream<unknown, unknown>, message: unknown, signal: AbortSignal): Promise<void> {
  if (!call.write(message)) await Promise.race([once(call, 'drain'), once(signal, 'abort')]);
}

const sleep = (ms: number, signal: AbortSignal): Promise<unknown> => Promise.race([new Promise((r) => setTimeout(r, ms)), once(signal, 'abort')]);

/** The server streams of MagpieService: WatchRun, StreamRecords and ExportDataset. */
export class RunStreams {
  readonly #o: RunStreamsOptions;

  constructor(options: RunStreamsOptions) {
    this.#o = options;
  }

  #finished(runId: string): Promise<boolean> {
    return this.#o.lookup.fresh(runId).then((state) => state === undefined || isTerminal(state.status));
  }

  /**
   * Replays the run's records after `from_cursor` (of the requested kinds), then follows them
   * until the run ends. A NATS restart re-creates the reader after the last record sent, so the
   * client sees a pause, not an error.
   */
  async streamRecords(call: grpc.ServerWritableStream<StreamRecordsRequest, unknown>, request: StreamRecordsRequest, signal: AbortSignal): Promise<void> {
    const runId = requireRunId(request.run_id);
    const fromCursor = Number(request.from_cursor || '0');
    if (!Number.isSafeInteger(fromCursor) || fromCursor < 0) throw new InvalidArgumentError('from_cursor', 'must be a non-negative integer');
    const kinds = request.kinds.map((name, i) => {
      const kind = recordKindMapping.tryFromProto(name);
      if (!kind) throw new InvalidArgumentError(`kinds[${i}]`, `must be one of ${RecordKind.options.map((k) => recordKindMapping.toProto(k)).join(', ')}`);
      return kind;
    });
    await this.#o.lookup.state(runId);
    const ended = this.#o.ended?.(runId);
    const records = this.#o.log.read(runId, { fromCursor, kinds, signal, isFinished: () => this.#finished(runId), ...(ended ? { ended } : {}) });
    for await (const { cursor, record } of records) {
      await write(call, recordToProto(record, cursor), signal);
      if (signal.aborted) return;
    }
    call.end();
  }

  /**
   * Progress of a run: a message at once, then one whenever the counts or tokens changed (checked
   * every watchIntervalMs), and a last one with `final: true` once the run ended and its counts
   * and tokens are final.
   */
  async watchRun(call: grpc.ServerWritableStream<unknown, unknown>, runId: string, signal: AbortSignal): Promise<void> {
    await this.#o.lookup.state(runId);
    const aggregate = this.#o.aggregates.acquire(runId);
    // Woken early by the run's end, so the final message follows it at once.
    const wake = new AbortController();
    const onAbort = (): void => wake.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    void this.#o.ended?.(runId).then(() => wake.abort());
    try {
      let last = '';
      let failingSince: number | undefined;
      while (!signal.aborted) {
        try {
          const step = await this.#watchStep({ call, runId, aggregate, signal }, last);
          if (step.ended) return;
          last = step.key;
          failingSince = undefined;
        } catch (err) {
          // NATS restarting: keep the stream open and go on from the counts once they can be read.
          failingSince ??= Date.now();
          if (!isNatsError(err) || Date.now() - failingSince > MAX_OUTAGE_MS) throw err;
        }
        await sleep(wake.signal.aborted ? Math.min(50, this.#o.watchIntervalMs) : this.#o.watchIntervalMs, wake.signal);
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.#o.aggregates.release(aggregate);
    }
  }

  /** One look at the run: sends progress when it changed from `last`; `ended` once the final message is sent. */
  async #watchStep(watch: WatchContext, last: string): Promise<{ ended: boolean; key: string }> {
    const { call, runId, aggregate, signal } = watch;
    const state = (await this.#o.lookup.fresh(runId)) ?? (await this.#o.lookup.state(runId));
    if (isTerminal(state.status)) {
      // Final numbers: every record read for the tokens, the counts read after the run settled.
      await Promise.race([aggregate.done, once(signal, 'abort')]);
      await write(call, this.#progress(state, await this.#o.counts.refresh(state), aggregate, true), signal);
      call.end();
      return { ended: true, key: last };
    }
    const message = this.#progress(state, await this.#o.counts.get(state), aggregate, false);
    const key = JSON.stringify({ c: message.run?.counts, t: message.tokens, s: message.run?.status });
    if (key !== last) await write(call, message, signal);
    return { ended: false, key };
  }

  #progress(state: RunState, counts: RunCounts, aggregate: RunAggregate, final: boolean): WatchRunResponseInput {
    const now = Date.now();
    aggregate.sample(counts.records, now, RATE_WINDOW_MS);
    const tokens = aggregate.tokens;
    const total: TokenUsage = { prompt_tokens: '0', completion_tokens: '0' };
    let etaMs: number | undefined = final ? undefined : 0;
    // The tagger is a stage only of runs with tags.
    const stages = expectedRecordKinds(state.spec).map((kind): StageProgress => {
      const records = counts.records[kind];
      const rate = aggregate.rate(kind, state, records);
      const left = Math.max(0, state.spec.count - records);
      const stageEta = left === 0 ? 0 : rate > 0 ? (left / rate) * 1000 : undefined;
      if (etaMs !== undefined) etaMs = stageEta === undefined ? undefined : Math.max(etaMs, stageEta);
      total.prompt_tokens = String(Number(total.prompt_tokens) + tokens[kind].promptTokens);
      total.completion_tokens = String(Number(total.completion_tokens) + tokens[kind].completionTokens);
      return {
        stage: STAGE_OF[kind],
        records,
        target: state.spec.count,
        tokens: { prompt_tokens: String(tokens[kind].promptTokens), completion_tokens: String(tokens[kind].completionTokens) },
        records_per_second: rate,
        eta: final || stageEta === undefined || left === 0 ? null : durationFromMs(stageEta),
      };
    });
    return {
      run: runToProto(state, counts),
      stages,
      tokens: total,
      eta: etaMs === undefined || final ? null : durationFromMs(etaMs),
      final,
    };
  }

  /** The files of a finished run's export, each as chunks in order. FAILED_PRECONDITION while it runs. */
  async exportDataset(call: grpc.ServerWritableStream<ExportDatasetRequest, unknown>, request: ExportDatasetRequest, signal: AbortSignal): Promise<void> {
    const runId = requireRunId(request.run_id);
    const format = exportFormatOf(request.format);
    if (!format) throw new InvalidArgumentError('format', `must be one of ${DatasetExportFormat.options.map((f) => datasetFormatMapping.toProto(f)).join(', ')}`);
    const state = await this.#o.lookup.state(runId);
    const manifest = await this.#o.exports.ensure(state, this.#o.exportWaitMs ?? 120_000);
    for (const file of manifest.formats[format] ?? []) {
      const data = await this.#o.objects.read(file.object);
      if (!data) throw new Error(`object ${file.object} of run ${runId} is missing from the datasets bucket`);
      const header = { file_name: file.name, file_size_bytes: String(file.sizeBytes), sha256: file.sha256 };
      let offset = 0;
      let pending = Buffer.alloc(0);
      for await (const chunk of data) {
        pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
        while (pending.length >= EXPORT_CHUNK_BYTES) {
          const piece = pending.subarray(0, EXPORT_CHUNK_BYTES);
          pending = pending.subarray(EXPORT_CHUNK_BYTES);
          const last = offset + piece.length === file.sizeBytes;
          await write(call, { ...header, offset: String(offset), data: piece, last_chunk: last }, signal);
          offset += piece.length;
          if (signal.aborted) return;
        }
      }
      if (pending.length > 0 || file.sizeBytes === 0) {
        await write(call, { ...header, offset: String(offset), data: pending, last_chunk: true }, signal);
      }
    }
    call.end();
  }
}
