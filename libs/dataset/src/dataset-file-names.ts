import { DatasetWriterError } from './errors.js';

/** The files a DatasetWriter writes, by role. */
export interface DatasetFileNames {
  /** Problems only (`response: null`), as Magpie's gen_ins.py writes them. */
  readonly ins: string;
  /** Problems with their solution, as gen_res.py writes them. */
  readonly insRes: string;
  /** Problems with N sampled responses, as gen_po_multi_res.py writes them. */
  readonly ins5res: string;
  /** The above plus ArmoRM scores and the chosen/rejected pair, as gen_po_rewards.py + process_po write them. */
  readonly ins5resArmorm: string;
  /** insRes as JSON Lines, for Hugging Face `datasets`. */
  readonly insResJsonl: string;
  /** ins5resArmorm as JSON Lines, for Hugging Face `datasets`. */
  readonly ins5resArmormJsonl: string;
  /** Solved problems in Magpie's ShareGPT conversion (data_concatenation.ipynb). */
  readonly sharegptJsonl: string;
  /** Complete solutions as `{"messages": [user, assistant]}` for SFT. */
  readonly messagesJsonl: string;
  /** Emitted preference pairs as `{prompt, chosen, rejected}` for DPO. */
  readonly dpoJsonl: string;
  /** Parquet copies (explicit schemas) of the problems, the SFT rows, the preference rows and the exports, for Hugging Face `datasets`. */
  readonly insParquet: string;
  readonly insResParquet: string;
  readonly ins5resArmormParquet: string;
  readonly sharegptParquet: string;
  readonly messagesParquet: string;
  readonly dpoParquet: string;
  readonly info: string;
  /** The Hugging Face dataset card: YAML `configs` and `dataset_info` plus the run's models, sampling and quality summary. */
  readonly card: string;
}

/** What names a dataset: Magpie's `Magpie_{model}_{total_prompts}_{timestamp}` prefix. */
export interface DatasetNameParts {
  /** The generator model id; only the part after the last slash is used, as the seed's shell scripts do. */
  readonly model: string;
  /** The run's problem count (Magpie's total_prompts). */
  readonly count: number;
  /** Unix seconds of the run's start (the seed's `date +%s`). */
  readonly timestamp: number;
}

/** `Magpie_{model}_{count}_{timestamp}`; throws DatasetWriterError when a part is unusable. */
export function datasetFilePrefix(parts: DatasetNameParts): string {
  const model = parts.model.slice(parts.model.lastIndexOf('/') + 1);
  if (!model || model === '.' || model === '..' || model.includes('\\')) throw new DatasetWriterError(`cannot name dataset files for model "${parts.model}"`);
  if (!Number.isSafeInteger(parts.count) || parts.count < 1) throw new DatasetWriterError(`invalid count ${parts.count}`);
  if (!Number.isSafeInteger(parts.timestamp) || parts.timestamp < 0) throw new DatasetWriterError(`invalid timestamp ${parts.timestamp}`);
  return `Magpie_${model}_${parts.count}_${parts.timestamp}`;
}

/**
 * File names of a dataset: Magpie's own names (so Magpie's later steps and users' scripts find
 * them), the JSONL and Parquet copies and exports with the same prefix, `dataset_info.json` and
 * the dataset card `README.md`.
 */
export function datasetFileNames(parts: DatasetNameParts): DatasetFileNames {
  return datasetFileNamesForPrefix(datasetFilePrefix(parts));
}

/** Every dataset directory's info file and Hugging Face dataset card; their names carry no prefix. */
export const DATASET_INFO_FILE = 'dataset_info.json';
export const DATASET_CARD_FILE = 'README.md';

/** The file names of a dataset whose prefix is known, e.g. from its dataset_info.json `file_prefix`. */
export function datasetFileNamesForPrefix(prefix: string): DatasetFileNames {
  return {
    ins: `${prefix}_ins.json`,
    insRes: `${prefix}_ins_res.json`,
    ins5res: `${prefix}_ins_5res.json`,
    ins5resArmorm: `${prefix}_ins_5res_armorm.json`,
    insResJsonl: `${prefix}_ins_res.jsonl`,
    ins5resArmormJsonl: `${prefix}_ins_5res_armorm.jsonl`,
    sharegptJsonl: `${prefix}_sharegpt.jsonl`,
    messagesJsonl: `${prefix}_messages.jsonl`,
    dpoJsonl: `${prefix}_dpo.jsonl`,
    insParquet: `${prefix}_ins.parquet`,
    insResParquet: `${prefix}_ins_res.parquet`,
    ins5resArmormParquet: `${prefix}_ins_5res_armorm.parquet`,
    sharegptParquet: `${prefix}_sharegpt.parquet`,
    messagesParquet: `${prefix}_messages.parquet`,
    dpoParquet: `${prefix}_dpo.parquet`,
    info: DATASET_INFO_FILE,
    card: DATASET_CARD_FILE,
  };
}
