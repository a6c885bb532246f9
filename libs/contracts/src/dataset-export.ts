import { z } from 'zod';
import { IsoTime, RunId } from './common.js';

/** The KV bucket of dataset-export manifests (`manifest.<runId>`) and build locks (`lock.<runId>`). */
export const EXPORTS_BUCKET = 'exports';

/** The export formats a finished run's files are grouped into. */
export const DatasetExportFormat = z.enum(['magpie_json', 'jsonl']);
export type DatasetExportFormat = z.infer<typeof DatasetExportFormat>;

/** One dataset file kept in the datasets object store. */
export const ExportedFile = z.object({
  /** Magpie's file name (`Magpie_<model>_<count>_<unix>_ins.json`, dataset_info.json). */
  name: z.string().min(1).max(255),
  /** Its object's name in the bucket: `<runId>/<name>`. */
  object: z.string().min(1).max(512),
  sizeBytes: z.number().int().nonnegative(),
  /** SHA-256 of the bytes, lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** What was built for a finished run, written once the files are stored: the files of each format. */
export const DatasetExportManifest = z.object({
  schemaVersion: z.literal(1),
  runId: RunId,
  builtAt: IsoTime,
  formats: z.record(DatasetExportFormat, z.array(ExportedFile)),
});
export type DatasetExportManifest = z.infer<typeof DatasetExportManifest>;

/** Who builds a run's export: the lock one gateway replica takes so the files are built once. */
export const DatasetExportLock = z.object({
  schemaVersion: z.literal(1),
  owner: z.string().min(1).max(128),
  lockedAt: IsoTime,
});
export type DatasetExportLock = z.infer<typeof DatasetExportLock>;
