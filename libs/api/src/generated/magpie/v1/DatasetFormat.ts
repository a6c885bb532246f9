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
  /**
   * Parquet for Hugging Face `datasets`, one explicit schema per file (`…_ins.parquet`,
   * `…_ins_res.parquet`, `…_ins_5res_armorm.parquet`, `…_sharegpt.parquet`, `…_messages.parquet`,
   * `…_dpo.parquet`), the dataset card README.md (its YAML `configs` point at them) and
   * dataset_info.json.
   */
  DATASET_FORMAT_PARQUET: 'DATASET_FORMAT_PARQUET',
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
   * Parquet for Hugging Face `datasets`, one explicit schema per file (`…_ins.parquet`,
   * `…_ins_res.parquet`, `…_ins_5res_armorm.parquet`, `…_sharegpt.parquet`, `…_messages.parquet`,
   * `…_dpo.parquet`), the dataset card README.md (its YAML `configs` point at them) and
   * dataset_info.json.
   */
  | 'DATASET_FORMAT_PARQUET'
  | 3

/**
 * The files of a dataset export.
 */
export type DatasetFormat = typeof DatasetFormat[keyof typeof DatasetFormat]
