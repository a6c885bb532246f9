import type { DatasetFileNames } from './dataset-file-names.js';
import type { RowSchema } from './field-types.js';
import { createJsonArrayWriter, createJsonlWriter, type RowFileWriter } from './json-file-writers.js';
import { createParquetWriter } from './parquet-file-writer.js';
import {
  DPO_SCHEMA,
  INS_5RES_ARMORM_SCHEMA,
  INS_5RES_SCHEMA,
  INS_RES_SCHEMA,
  INS_SCHEMA,
  MESSAGES_SCHEMA,
  SHAREGPT_SCHEMA,
} from './row-schemas.js';

/** The kinds of row a dataset holds; each is written to one or more files. */
export type RowKind = 'ins' | 'insRes' | 'ins5res' | 'ins5resArmorm' | 'sharegpt' | 'messages' | 'dpo';

/** The schema of each kind of row. */
export const ROW_SCHEMAS: Readonly<Record<RowKind, RowSchema>> = {
  ins: INS_SCHEMA,
  insRes: INS_RES_SCHEMA,
  ins5res: INS_5RES_SCHEMA,
  ins5resArmorm: INS_5RES_ARMORM_SCHEMA,
  sharegpt: SHAREGPT_SCHEMA,
  messages: MESSAGES_SCHEMA,
  dpo: DPO_SCHEMA,
};

export type RowFileFormat = 'json' | 'jsonl' | 'parquet';

/** A data file's role in DatasetFileNames (every name but dataset_info.json and the card). */
export type RowFileRole = Exclude<keyof DatasetFileNames, 'info' | 'card'>;

export interface RowFileSpec {
  readonly role: RowFileRole;
  readonly rows: RowKind;
  readonly format: RowFileFormat;
}

/** Every data file of a dataset, in the order they are listed: Magpie's files, the JSONL copies, the Parquet copies. */
export const ROW_FILES: readonly RowFileSpec[] = [
  { role: 'ins', rows: 'ins', format: 'json' },
  { role: 'insRes', rows: 'insRes', format: 'json' },
  { role: 'ins5res', rows: 'ins5res', format: 'json' },
  { role: 'ins5resArmorm', rows: 'ins5resArmorm', format: 'json' },
  { role: 'insResJsonl', rows: 'insRes', format: 'jsonl' },
  { role: 'ins5resArmormJsonl', rows: 'ins5resArmorm', format: 'jsonl' },
  { role: 'sharegptJsonl', rows: 'sharegpt', format: 'jsonl' },
  { role: 'messagesJsonl', rows: 'messages', format: 'jsonl' },
  { role: 'dpoJsonl', rows: 'dpo', format: 'jsonl' },
  { role: 'insParquet', rows: 'ins', format: 'parquet' },
  { role: 'insResParquet', rows: 'insRes', format: 'parquet' },
  { role: 'ins5resArmormParquet', rows: 'ins5resArmorm', format: 'parquet' },
  { role: 'sharegptParquet', rows: 'sharegpt', format: 'parquet' },
  { role: 'messagesParquet', rows: 'messages', format: 'parquet' },
  { role: 'dpoParquet', rows: 'dpo', format: 'parquet' },
];

/** The dataset card's configs: what a `load_dataset(dir, name)` user picks, each backed by the Parquet file of one row kind. */
export const CARD_CONFIGS: readonly { readonly name: string; readonly rows: RowKind; readonly description: string }[] = [
  { name: 'sft', rows: 'insRes', description: 'every solved problem with its chain-of-thought solution (Magpie `_ins_res`, with reasoning, finish reason and answer)' },
  { name: 'preference', rows: 'ins5resArmorm', description: 'every problem with its sampled responses, reward scores and chosen/rejected pair (Magpie `_ins_5res_armorm`)' },
  { name: 'problems', rows: 'ins', description: 'every generated problem (Magpie `_ins`)' },
  { name: 'sharegpt', rows: 'sharegpt', description: "solved problems in Magpie's ShareGPT layout" },
  { name: 'messages', rows: 'messages', description: 'complete solutions as chat messages, for SFT trainers' },
  { name: 'dpo', rows: 'dpo', description: 'emitted preference pairs as prompt/chosen/rejected strings (TRL)' },
];

/** Opens the writer of one data file. */
export function openRowFile(spec: RowFileSpec, path: string): Promise<RowFileWriter> {
  const schema = ROW_SCHEMAS[spec.rows];
  switch (spec.format) {
    case 'json':
      return createJsonArrayWriter(path, schema);
    case 'jsonl':
      return createJsonlWriter(path, schema);
    case 'parquet':
      return Promise.resolve(createParquetWriter(path, schema));
  }
}
