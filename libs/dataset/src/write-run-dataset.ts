import { runDomains, type AnyRecord, type RunCounts, type RunState } from '@magpie/contracts';
import type { DatasetFileNames } from './dataset-file-names.js';
import { DatasetWriter, type DatasetSummary } from './dataset-writer.js';

export interface WriteRunDatasetOptions {
  /** The dataset directory; created if missing. */
  readonly dir: string;
  /** The run as stored once it ended: its spec names and shapes the files, its times and status go into dataset_info.json. */
  readonly state: RunState;
  /** The run's records in log order (repeats are ignored by the writer). */
  readonly records: AsyncIterable<AnyRecord> | Iterable<AnyRecord>;
  /** Written into dataset_info.json as the platform that built the files. */
  readonly platform: { readonly name: string; readonly version: string };
  /** The run's counts from the platform's record log. */
  readonly counts: RunCounts;
}

/**
 * A finished run's whole dataset directory from its stored state and records: the one mapping of
 * a RunState onto DatasetWriter (file names from the model, count and start time; the run's
 * domains; its keep_unverified), used by the gateway's exports. Nothing is left half-written when
 * reading the records fails.
 */
export async function writeRunDataset(options: WriteRunDatasetOptions): Promise<{ summary: DatasetSummary; fileNames: DatasetFileNames; records: number }> {
  const { state } = options;
  const { spec } = state;
  const writer = await DatasetWriter.create({
    dir: options.dir,
    domain: spec.domain,
    domains: runDomains(spec),
    runId: state.runId,
    model: spec.generator.model,
    count: spec.count,
    timestamp: Math.floor(Date.parse(state.createdAt) / 1000),
    keepUnverified: spec.quality.keepUnverified,
  });
  let records = 0;
  try {
    for await (const record of options.records) {
      await writer.add(record);
      records++;
    }
  } catch (err) {
    await writer.discard();
    throw err;
  }
  const summary = await writer.finish({
    spec,
    status: state.status,
    ...(state.reason === undefined ? {} : { reason: state.reason }),
    startedAt: state.createdAt,
    finishedAt: state.finishedAt ?? state.updatedAt,
    platform: options.platform,
    counts: options.counts,
  });
  return { summary, fileNames: writer.fileNames, records };
}
