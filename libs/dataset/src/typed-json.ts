import { DatasetWriterError } from './errors.js';
import type { FieldType, RowSchema } from './field-types.js';

/** JSON's rendering of a float: always with a decimal point or an exponent, as Python's json.dump writes floats. */
function floatText(value: number, path: string): string {
  if (!Number.isFinite(value)) throw new DatasetWriterError(`${path}: ${value} is not a finite number`);
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function fail(path: string, expected: string, value: unknown): never {
  const got = value === undefined ? 'nothing' : value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  throw new DatasetWriterError(`${path}: expected ${expected}, got ${got}`);
}

/** Where a value sits: its field path (for errors), the indent unit ('' = compact) and its nesting depth. */
interface At {
  readonly path: string;
  readonly indent: string;
  readonly depth: number;
}

const child = (at: At, path: string): At => ({ path, indent: at.indent, depth: at.depth + 1 });

function render(value: unknown, type: FieldType, at: At): string {
  const { path } = at;
  if (value === null) {
    if (!type.nullable) fail(path, type.kind, value);
    return 'null';
  }
  switch (type.kind) {
    case 'string':
      if (typeof value !== 'string') fail(path, 'a string', value);
      return JSON.stringify(value);
    case 'bool':
      if (typeof value !== 'boolean') fail(path, 'a boolean', value);
      return value ? 'true' : 'false';
    case 'int64':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(path, 'an integer', value);
      return String(value);
    case 'float64':
      if (typeof value !== 'number') fail(path, 'a number', value);
      return floatText(value, path);
    case 'list': {
      if (!Array.isArray(value)) fail(path, 'a list', value);
      return wrap('[]', value.map((item: unknown, i) => render(item, type.items, child(at, `${path}[${i}]`))), at);
    }
    case 'struct':
      if (typeof value !== 'object' || Array.isArray(value)) fail(path, 'an object', value);
      return renderFields(value as Record<string, unknown>, type.fields, at);
  }
}

function renderFields(row: Record<string, unknown>, fields: RowSchema, at: At): string {
  const known = new Set(fields.map(([name]) => name));
  const prefix = at.path ? `${at.path}.` : '';
  const extra = Object.keys(row).find((key) => !known.has(key));
  if (extra !== undefined) throw new DatasetWriterError(`${prefix}${extra}: not a field of this file's schema`);
  const separator = at.indent ? ': ' : ':';
  const parts = fields.map(([name, type]) => {
    if (!(name in row)) fail(`${prefix}${name}`, type.nullable ? `${type.kind} or null` : type.kind, undefined);
    return `${JSON.stringify(name)}${separator}${render(row[name], type, child(at, `${prefix}${name}`))}`;
  });
  return wrap('{}', parts, at);
}

function wrap(brackets: '[]' | '{}', parts: readonly string[], at: At): string {
  const [open, close] = brackets;
  if (parts.length === 0) return brackets;
  if (!at.indent) return `${open}${parts.join(',')}${close}`;
  const inner = at.indent.repeat(at.depth + 1);
  return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${at.indent.repeat(at.depth)}${close}`;
}

/**
 * A row as JSON, checked against its schema: every field present (null only where nullable), no
 * field the schema lacks, integers where int64, and floats written as floats (`1.0`, never `1`),
 * so every run's files infer the same types. `indent` gives Python's `json.dump(indent=2)` layout;
 * `depth` is the row's own nesting level in the file. Throws DatasetWriterError naming the field
 * path when the row does not fit.
 */
export function typedJson(row: object, schema: RowSchema, options: { readonly indent?: string; readonly depth?: number } = {}): string {
  return renderFields(row as Record<string, unknown>, schema, { path: '', indent: options.indent ?? '', depth: options.depth ?? 0 });
}
