import { open, type FileHandle } from 'node:fs/promises';
import type { AnyRecord } from '@magpie/contracts';
import { DatasetWriterError } from './errors.js';

interface Slot {
  readonly offset: number;
  readonly length: number;
}

/**
 * An append-only JSONL file of one record kind with an in-memory index from Magpie id to the
 * record's byte range, so records can be read back in any order while only the index stays in
 * memory. Appends reserve their byte range before writing, so concurrent appends never interleave.
 */
export class RecordSpool {
  readonly path: string;
  readonly #handle: FileHandle;
  readonly #index = new Map<number, Slot>();
  #sizeBytes = 0;

  private constructor(path: string, handle: FileHandle) {
    this.path = path;
    this.#handle = handle;
  }

  /** Creates (or truncates) the spool file. Throws DatasetWriterError when it cannot be opened. */
  static async create(path: string): Promise<RecordSpool> {
    try {
      return new RecordSpool(path, await open(path, 'w+'));
    } catch (cause) {
      throw new DatasetWriterError(`cannot create spool file ${path}`, { cause });
    }
  }

  get size(): number {
    return this.#index.size;
  }

  has(id: number): boolean {
    return this.#index.has(id);
  }

  /** Ids held, ascending. */
  ids(): number[] {
    return [...this.#index.keys()].sort((a, b) => a - b);
  }

  /**
   * Stores a record under its id. The id is indexed at once (so a second append of the same id
   * can be refused before this one is on disk); the promise settles when the bytes are written.
   * Throws DatasetWriterError when the id is already held or the write fails.
   */
  async append(record: AnyRecord): Promise<void> {
    if (this.#index.has(record.id)) throw new DatasetWriterError(`spool ${this.path} already holds id ${record.id}`);
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    const slot = { offset: this.#sizeBytes, length: bytes.length };
    this.#sizeBytes += bytes.length;
    this.#index.set(record.id, slot);
    try {
      await this.#handle.write(bytes, 0, bytes.length, slot.offset);
    } catch (cause) {
      throw new DatasetWriterError(`cannot write to spool file ${this.path}`, { cause });
    }
  }

  /** The record stored under `id`, or undefined. Throws DatasetWriterError when the read fails. */
  async read(id: number): Promise<AnyRecord | undefined> {
    const slot = this.#index.get(id);
    if (!slot) return undefined;
    const buffer = Buffer.alloc(slot.length);
    try {
      const { bytesRead } = await this.#handle.read(buffer, 0, slot.length, slot.offset);
      if (bytesRead !== slot.length) throw new Error(`short read: ${bytesRead} of ${slot.length} bytes`);
      // The spool holds only records this process validated and wrote.
      return JSON.parse(buffer.toString('utf8')) as AnyRecord;
    } catch (cause) {
      throw new DatasetWriterError(`cannot read id ${id} from spool file ${this.path}`, { cause });
    }
  }

  async close(): Promise<void> {
    await this.#handle.close();
  }
}
