import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetFormatMapping, type DatasetFormat, type MagpieClient } from '@magpie/api';
import { DatasetExportFormat } from '@magpie/contracts';
import { DATASET_CARD_FILE, DATASET_INFO_FILE, type DatasetInfo, type DatasetSummary } from '@magpie/dataset';
import { DownloadError } from './download-error.js';
import { retryUnavailable, type RetryOptions } from './retry-unavailable.js';

/** Every format ExportDataset serves; together they are the whole dataset directory. */
export const DOWNLOAD_FORMATS: readonly DatasetFormat[] = DatasetExportFormat.options.map((format) => datasetFormatMapping.toProto(format));

export interface DownloadDatasetOptions {
  readonly client: MagpieClient;
  readonly runId: string;
  /** The dataset directory (exists, empty or holding an earlier download of the same run). */
  readonly dir: string;
  /** How long each format's download is retried while the gateway is unavailable or still building the files. */
  readonly waitMs: number;
  readonly signal?: AbortSignal;
  readonly onRetry?: RetryOptions['onRetry'];
  readonly formats?: readonly DatasetFormat[];
}

interface OpenFile {
  readonly name: string;
  readonly partial: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly hash: ReturnType<typeof createHash>;
  readonly handle: Awaited<ReturnType<typeof open>>;
  written: number;
}

/**
 * Downloads a finished run's dataset files with ExportDataset, the files the gateway built once
 * from the run's record log and keeps in its object store, so the counts in dataset_info.json are
 * the platform's and a client that was away gets the same files. Each file is written to a
 * `.partial` beside it, checked against the size and SHA-256 the gateway sent, then renamed; the
 * formats download at once, and a format whose stream breaks is downloaded again.
 * Resolves with the directory's files and its dataset_info.json.
 */
export async function downloadDataset(options: DownloadDatasetOptions): Promise<DatasetSummary> {
  const done = new Set<string>();
  // Every format at once: the gateway serves them from its store in parallel, so the files land
  // in about the time of the largest format. All settle before the first failure is thrown, so
  // nothing is still writing into the directory a caller removes.
  const results = await Promise.allSettled(
    (options.formats ?? DOWNLOAD_FORMATS).map((format) =>
      retryUnavailable(() => downloadFormat(options, format, done), {
        waitMs: options.waitMs,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onRetry ? { onRetry: options.onRetry } : {}),
      }),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  if (!done.has(DATASET_INFO_FILE)) throw new DownloadError(`the export of run ${options.runId} has no ${DATASET_INFO_FILE}`);
  const info = JSON.parse(await readFile(join(options.dir, DATASET_INFO_FILE), 'utf8')) as DatasetInfo;
  const dataFiles = info.files.filter((f) => done.has(f.name));
  const extras = [DATASET_INFO_FILE, DATASET_CARD_FILE].filter((name) => done.has(name)).map((name) => ({ name, records: 1 }));
  return { dir: options.dir, files: [...dataFiles, ...extras], info };
}

async function downloadFormat(options: DownloadDatasetOptions, format: DatasetFormat, done: Set<string>): Promise<void> {
  let current: OpenFile | undefined;
  const abandon = async (): Promise<void> => {
    if (!current) return;
    await current.handle.close().catch(() => undefined);
    await rm(current.partial, { force: true });
    current = undefined;
  };
  try {
    for await (const chunk of options.client.exportDataset({ run_id: options.runId, format }, options.signal ? { signal: options.signal } : {})) {
      const name = chunk.file_name;
      if (name === '' || name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new DownloadError(`the gateway sent a file named ${JSON.stringify(name)}`);
      if (current && current.name !== name) throw new DownloadError(`${current.name} ended after ${current.written} of ${current.sizeBytes} bytes`);
      if (!current) {
        // One partial per format: dataset_info.json comes in every format, and they download at once.
        const partial = join(options.dir, `.${name}.${format}.partial`);
        current = { name, partial, sizeBytes: Number(chunk.file_size_bytes), sha256: chunk.sha256, hash: createHash('sha256'), handle: await open(partial, 'w'), written: 0 };
      }
      if (Number(chunk.offset) !== current.written) throw new DownloadError(`${name}: a chunk at offset ${chunk.offset}, expected ${current.written}`);
      // Every file is written again even when an earlier format brought it (dataset_info.json is in each), so what is on disk is whole.
      await current.handle.write(chunk.data);
      current.hash.update(chunk.data);
      current.written += chunk.data.length;
      if (!chunk.last_chunk) continue;
      const file = current;
      await file.handle.close();
      current = undefined;
      const sha256 = file.hash.digest('hex');
      if (file.written !== file.sizeBytes || sha256 !== file.sha256) {
        await rm(file.partial, { force: true });
        throw new DownloadError(`${file.name}: got ${file.written} bytes with SHA-256 ${sha256}, the gateway announced ${file.sizeBytes} bytes with ${file.sha256}`);
      }
      await rename(file.partial, join(options.dir, file.name));
      done.add(file.name);
    }
    if (current) throw new DownloadError(`${current.name} ended after ${current.written} of ${current.sizeBytes} bytes`);
  } finally {
    await abandon();
  }
}
