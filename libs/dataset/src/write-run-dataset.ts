import { expectedRecordKinds, runDomains, type AnyRecord, type RunCounts, type RunState } from '@magpie/contracts';
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

export interface RunDatasetEnd {
  /** The run as stored once it ended. */
  readonly state: RunState;
  readonly platform: WriteRunDatasetOptions['platform'];
  readonly counts: RunCounts;
}

/**
 * The one mapping of a RunState onto DatasetWriter: file names from the model, count and start
 * time; the run's domains; its keep_unverified. Any state of the run will do (the spec and start
 * never change), so a writer can be opened when the run starts and fed while it runs; `asReady`
 * writes each problem's rows once every stage the run has answered it.
 */
export function createRunDatasetWriter(dir: string, state: RunState, options: { readonly asReady?: boolean } = {}): Promise<DatasetWriter> {
  const { spec } = state;
  return DatasetWriter.create({
    dir,
    domain: spec.domain,
    domains: runDomains(spec),
    runId: state.runId,
    model: spec.generator.model,
    count: spec.count,
    timestamp: Math.floor(Date.parse(state.createdAt) / 1000),
    keepUnverified: spec.quality.keepUnverified,
    ...(options.asReady ? { rowsAsReady: { kinds: expectedRecordKinds(spec), recipe: spec.tags } } : {}),
  });
}

/** Finishes a run's writer with its final state: its status, times and counts go into dataset_info.json. */
export function finishRunDataset(writer: DatasetWriter, end: RunDatasetEnd): Promise<DatasetSummary> {
  const { state } = end;
  return writer.finish({
    spec: state.spec,
    status: state.status,
    ...(state.reason === undefined ? {} : { reason: state.reason }),
    startedAt: state.createdAt,
    finishedAt: state.finishedAt ?? state.updatedAt,
    platform: end.platform,
    counts: end.counts,
  });
}

/**
 * A finished run's whole dataset directory from its stored state and records, used by the
 * gateway's exports when nothing was built while the run ran. Nothing is left half-written when
 * reading the records fails.
 */
export async function writeRunDataset(options: WriteRunDatasetOptions): Promise<{ summary: DatasetSummary; fileNames: DatasetFileNames; records: number }> {
  const writer = await createRunDatasetWriter(options.dir, options.state);
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
  const summary = await finishRunDataset(writer, options);
  return { summary, fileNames: writer.fileNames, records };
}
