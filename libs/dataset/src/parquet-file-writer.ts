import { ParquetWriter, fileWriter, type SchemaElement } from 'hyparquet-writer';
import { DatasetWriterError } from './errors.js';
import type { FieldType, RowSchema } from './field-types.js';
import type { RowFileWriter } from './json-file-writers.js';

/** Rows per row group: small enough that a group of long chain-of-thought rows stays a few MB in memory. */
const ROWS_PER_GROUP = 256;

function repetition(type: FieldType): 'OPTIONAL' | 'REQUIRED' {
  return type.nullable ? 'OPTIONAL' : 'REQUIRED';
}

/** The Parquet schema elements of one field, depth first (lists use the standard 3-level LIST layout). */
function elements(name: string, type: FieldType): SchemaElement[] {
  const repetition_type = repetition(type);
  switch (type.kind) {
    case 'string':
      return [{ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type }];
    case 'int64':
      return [{ name, type: 'INT64', repetition_type }];
    case 'float64':
      return [{ name, type: 'DOUBLE', repetition_type }];
    case 'bool':
      return [{ name, type: 'BOOLEAN', repetition_type }];
    case 'list':
      return [
        { name, repetition_type, converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        ...elements('element', type.items),
      ];
    case 'struct':
      return [{ name, repetition_type, num_children: type.fields.length }, ...type.fields.flatMap(([child, t]) => elements(child, t))];
  }
}

/** The file's Parquet schema: the root, then every field's elements. */
export function parquetSchema(schema: RowSchema): SchemaElement[] {
  return [{ name: 'root', num_children: schema.length }, ...schema.flatMap(([name, type]) => elements(name, type))];
}

/** A value as hyparquet-writer takes it: int64 as bigint, structs and lists converted member by member. */
function toParquetValue(value: unknown, type: FieldType, path: string): unknown {
  if (value === null || value === undefined) {
    if (!type.nullable) throw new DatasetWriterError(`${path}: a required ${type.kind} is missing`);
    return null;
  }
  switch (type.kind) {
    case 'int64':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new DatasetWriterError(`${path}: expected an integer`);
      return BigInt(value);
    case 'list':
      if (!Array.isArray(value)) throw new DatasetWriterError(`${path}: expected a list`);
      return value.map((item: unknown, i) => toParquetValue(item, type.items, `${path}[${i}]`));
    case 'struct': {
      const row = value as Record<string, unknown>;
      return Object.fromEntries(type.fields.map(([name, t]) => [name, toParquetValue(row[name], t, `${path}.${name}`)]));
    }
    case 'string':
    case 'float64':
    case 'bool':
      return value;
  }
}

/**
 * A Parquet file with an explicit schema (types never inferred from the data, so every run's
 * files have the same schema), written in row groups as rows arrive. Throws DatasetWriterError
 * for a row that does not fit the schema or when the file cannot be written.
 */
export function createParquetWriter(path: string, schema: RowSchema): RowFileWriter {
  let writer: ParquetWriter;
  try {
    writer = new ParquetWriter({ writer: fileWriter(path), schema: parquetSchema(schema), createdBy: 'magpie-reasoning (hyparquet-writer)' });
  } catch (cause) {
    throw new DatasetWriterError(`cannot create ${path}`, { cause });
  }
  let pending: Record<string, unknown>[] = [];
  let rows = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const group = pending;
    pending = [];
    const columnData = schema.map(([name]) => ({ name, data: group.map((row) => row[name]) }));
    try {
      await writer.write({ columnData, rowGroupSize: group.length });
    } catch (cause) {
      throw new DatasetWriterError(`cannot write ${path}`, { cause });
    }
  };
  return {
    path,
    get rows() {
      return rows;
    },
    async add(row) {
      const record = row as Record<string, unknown>;
      pending.push(Object.fromEntries(schema.map(([name, type]) => [name, toParquetValue(record[name], type, name)])));
      rows += 1;
      if (pending.length >= ROWS_PER_GROUP) await flush();
    },
    async close() {
      await flush();
      try {
        await writer.finish();
      } catch (cause) {
        throw new DatasetWriterError(`cannot write ${path}`, { cause });
      }
    },
  };
}
