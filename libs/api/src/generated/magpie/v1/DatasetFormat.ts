// Original file: proto/magpie/v1/magpie.proto

/**
 * The files of a dataset export.
 */
export const DatasetFormat = {
  /**
   * Not set: DATASET_FORMAT_MAGPIE_JSON.
   */
  DATASET_FORMAT_UNSPECIFIED: 'DATASET_FORMAT_UNSPECIFIED',
  /**
   * Magpie's own JSON files (`…_ins.json`, `…_ins_res.json`, `…_ins_5res.json`,
   * `…_ins_5res_armorm.json`) and dataset_info.json.
   */
  DATASET_FORMAT_MAGPIE_JSON: 'DATASET_FORMAT_MAGPIE_JSON',
  /**
   * JSON Lines for Hugging Face `datasets` (`…_ins_res.jsonl`, `…_ins_5res_armorm.jsonl`,
   * `…_sharegpt.jsonl`, `…_messages.jsonl`, `…_dpo.jsonl`) and dataset_info.json.
   */
  DATASET_FORMAT_JSONL: 'DATASET_FORMAT_JSONL',
} as const;

/**
 * The files of a dataset export.
 */
export type DatasetFormatInput =
  /**
   * Not set: DATASET_FORMAT_MAGPIE_JSON.
   */
  | 'DATASET_FORMAT_UNSPECIFIED'
  | 0
  /**
   * Magpie's own JSON files (`…_ins.json`, `…_ins_res.json`, `…_ins_5res.json`,
   * `…_ins_5res_armorm.json`) and dataset_info.json.
   */
  | 'DATASET_FORMAT_MAGPIE_JSON'
  | 1
  /**
   * JSON Lines for Hugging Face `datasets` (`…_ins_res.jsonl`, `…_ins_5res_armorm.jsonl`,
   * `…_sharegpt.jsonl`, `…_messages.jsonl`, `…_dpo.jsonl`) and dataset_info.json.
   */
  | 'DATASET_FORMAT_JSONL'
  | 2

/**
 * The files of a dataset export.
 */
export type DatasetFormat = typeof DatasetFormat[keyof typeof DatasetFormat]
