import type { DatasetExportFormat } from '@magpie/contracts';
import type { DatasetFileNames } from './dataset-file-names.js';

/**
 * Which of a dataset's files each ExportDataset format holds; dataset_info.json is in every one,
 * and the three together are the whole directory DatasetWriter writes.
 */
export const EXPORT_FORMAT_FILES: Readonly<Record<DatasetExportFormat, readonly (keyof DatasetFileNames)[]>> = {
  magpie_json: ['ins', 'insRes', 'ins5res', 'ins5resArmorm', 'info'],
  jsonl: ['insResJsonl', 'ins5resArmormJsonl', 'sharegptJsonl', 'messagesJsonl', 'dpoJsonl', 'info'],
  parquet: ['insParquet', 'insResParquet', 'ins5resArmormParquet', 'sharegptParquet', 'messagesParquet', 'dpoParquet', 'card', 'info'],
};
