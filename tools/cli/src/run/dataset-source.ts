import type * as grpc from '@grpc/grpc-js';
import type { MagpieClient } from '@magpie/api';
import { DatasetWriter, type DatasetRunInfo, type DatasetSummary, type DatasetWriterOptions } from '@magpie/dataset';
import { streamRunRecords } from './stream-run-records.js';

/** How following a run's data ended. */
export type CollectOutcome = { readonly kind: 'ended' } | { readonly kind: 'interrupted' } | { readonly kind: 'failed'; readonly error: unknown };

export interface CollectHooks {
  /** Aborted on Ctrl-C. */
  readonly signal: AbortSignal;
  /** Told each time the connection broke and is being resumed. */
  readonly onReconnect: (cursor: number, error: grpc.ServiceError) => void;
}

/**
 * Where a run's dataset comes from. Today the records are streamed (StreamRecords) into a
 * DatasetWriter here; with ExportDataset, `collect` waits for the run to end and `finish`
 * downloads the files the gateway built, behind the same interface.
 */
export interface DatasetSource {
  /** Follows the run until it ends (or the stream fails, or Ctrl-C), gathering what the files need. */
  collect(hooks: CollectHooks): Promise<CollectOutcome>;
  /** Writes every file into the dataset directory for the run's final state. */
  finish(run: DatasetRunInfo): Promise<DatasetSummary>;
  /** Leaves nothing behind but the empty directory; for a failure before `finish`. */
  discard(): Promise<void>;
}

export interface RecordStreamSourceOptions {
  readonly client: MagpieClient;
  readonly writer: DatasetWriterOptions;
  /** How long to keep resuming a broken stream without receiving a record. */
  readonly waitMs: number;
  readonly retryDelayMs?: number;
}

/** The dataset built here from the run's record stream, resumed from the last cursor after UNAVAILABLE. */
export async function recordStreamDatasetSource(options: RecordStreamSourceOptions): Promise<DatasetSource> {
  const writer = await DatasetWriter.create(options.writer);
  return {
    async collect(hooks) {
      try {
        await streamRunRecords({
          client: options.client,
          runId: options.writer.runId,
          signal: hooks.signal,
          reconnectWithinMs: options.waitMs,
          ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
          onRecord: async (record) => {
            await writer.add(record);
          },
          onReconnect: hooks.onReconnect,
        });
        return { kind: 'ended' };
      } catch (error) {
        return hooks.signal.aborted ? { kind: 'interrupted' } : { kind: 'failed', error };
      }
    },
    finish: (run) => writer.finish(run),
    discard: () => writer.discard(),
  };
}
