// Original file: proto/magpie/v1/magpie.proto

import type { DatasetFormatInput as _magpie_v1_DatasetFormatInput, DatasetFormat as _magpie_v1_DatasetFormat } from '../../magpie/v1/DatasetFormat.js';

/**
 * The request of ExportDataset.
 */
export interface ExportDatasetRequestInput {
  /**
   * The run's id.
   */
  'run_id'?: (string);
  /**
   * Which files; unspecified means DATASET_FORMAT_MAGPIE_JSON.
   */
  'format'?: (_magpie_v1_DatasetFormatInput);
}

/**
 * The request of ExportDataset.
 */
export interface ExportDatasetRequest {
  /**
   * The run's id.
   */
  'run_id': (string);
  /**
   * Which files; unspecified means DATASET_FORMAT_MAGPIE_JSON.
   */
  'format': (_magpie_v1_DatasetFormat);
}
