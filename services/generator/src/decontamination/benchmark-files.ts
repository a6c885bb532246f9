import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Fields holding a benchmark item's problem text, in the order they are tried (MATH, GSM8K, Magpie, …). */
export const PROBLEM_FIELDS = ['problem', 'question', 'instruction', 'prompt', 'input', 'text'] as const;
/** Fields holding an item's own id, in the order they are tried. */
export const ID_FIELDS = ['id', 'unique_id', 'problem_id', 'uid', 'idx', 'ID'] as const;

/** One problem of a benchmark the user supplied. */
export interface BenchmarkItem {
  readonly file: string;
  /** 1-based line in the file. */
  readonly line: number;
  readonly itemId: string | null;
  readonly text: string;
}

/** A benchmark file that cannot be used; the message names the file and line. */
export class BenchmarkFileError extends Error {
  override readonly name = 'BenchmarkFileError';
}

function stringField(row: Record<string, unknown>, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const value = row[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/** The items of one JSONL file: one JSON object per non-empty line, its problem in one of PROBLEM_FIELDS. */
export function readBenchmarkFile(path: string): BenchmarkItem[] {
  const file = basename(path);
  const items: BenchmarkItem[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '') return;
      let row: unknown;
      try {
        row = JSON.parse(raw);
      } catch (cause) {
        throw new BenchmarkFileError(`${file}:${line}: not JSON`, { cause });
      }
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new BenchmarkFileError(`${file}:${line}: expected a JSON object`);
      const fields = row as Record<string, unknown>;
      const text = stringField(fields, PROBLEM_FIELDS);
      if (text === undefined) throw new BenchmarkFileError(`${file}:${line}: no problem text in any of ${PROBLEM_FIELDS.join(', ')}`);
      items.push({ file, line, itemId: stringField(fields, ID_FIELDS) ?? null, text });
    });
  return items;
}

/** Every `*.jsonl` file of a directory, by name; throws BenchmarkFileError when the directory is unreadable. */
export function readBenchmarkDir(dir: string): BenchmarkItem[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new BenchmarkFileError(`${dir} is not a directory`);
    names = readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort();
  } catch (cause) {
    if (cause instanceof BenchmarkFileError) throw cause;
    throw new BenchmarkFileError(`cannot read the decontamination directory ${dir}`, { cause });
  }
  return names.flatMap((name) => readBenchmarkFile(join(dir, name)));
}
