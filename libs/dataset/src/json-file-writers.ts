import { open, type FileHandle } from 'node:fs/promises';
import { DatasetWriterError } from './errors.js';
import type { RowSchema } from './field-types.js';
import { typedJson } from './typed-json.js';

const FLUSH_AT_CHARS = 1 << 16;

/** Buffers text and appends it to a file in large writes. */
class BufferedFile {
  readonly path: string;
  readonly #handle: FileHandle;
  #pending: string[] = [];
  #pendingChars = 0;

  constructor(path: string, handle: FileHandle) {
    this.path = path;
    this.#handle = handle;
  }

  async write(text: string): Promise<void> {
    this.#pending.push(text);
    this.#pendingChars += text.length;
    if (this.#pendingChars >= FLUSH_AT_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const text = this.#pending.join('');
    this.#pending = [];
    this.#pendingChars = 0;
    try {
      await this.#handle.write(text, null, 'utf8');
    } catch (cause) {
      throw new DatasetWriterError(`cannot write ${this.path}`, { cause });
    }
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.#handle.close();
    }
  }
}

async function openForWrite(path: string): Promise<BufferedFile> {
  try {
    return new BufferedFile(path, await open(path, 'w'));
  } catch (cause) {
    throw new DatasetWriterError(`cannot create ${path}`, { cause });
  }
}

/** Streams rows into a file (a JSON array, JSON Lines or Parquet). */
export interface RowFileWriter {
  readonly path: string;
  /** Rows written so far. */
  readonly rows: number;
  add(row: object): Promise<void>;
  /** Ends the file; throws DatasetWriterError when the last write fails. */
  close(): Promise<void>;
}

/**
 * A JSON array written one row at a time in the layout of Python's `json.dump(rows, f, indent=2)`
 * (floats as floats, non-ASCII kept as UTF-8), so a large dataset never has to be one string in
 * memory. Each row is checked against `schema` (see typedJson).
 */
export async function createJsonArrayWriter(path: string, schema: RowSchema): Promise<RowFileWriter> {
  const file = await openForWrite(path);
  let rows = 0;
  return {
    path,
    get rows() {
      return rows;
    },
    async add(row) {
      const indented = typedJson(row, schema, { indent: '  ', depth: 1 });
      await file.write(`${rows === 0 ? '[\n' : ',\n'}  ${indented}`);
      rows += 1;
    },
    async close() {
      await file.write(rows === 0 ? '[]\n' : '\n]\n');
      await file.close();
    },
  };
}

/** JSON Lines: one compact row per line, checked against `schema` and with floats as floats (see typedJson). */
export async function createJsonlWriter(path: string, schema: RowSchema): Promise<RowFileWriter> {
  const file = await openForWrite(path);
  let rows = 0;
  return {
    path,
    get rows() {
      return rows;
    },
    async add(row) {
      await file.write(`${typedJson(row, schema)}\n`);
      rows += 1;
    },
    close: () => file.close(),
  };
}
