import type { AnswerStructure } from './answer-structure.js';
import type { MathJson } from './evaluate-math-json.js';
import type { ParseContext } from './parse-relation.js';
import { jsonOf, readJson } from './scalar-reading.js';
import { separatorOf, splitTopLevel } from './split-top-level.js';

const MATRIX_ENV = /^([([|])?\s*\\begin\{([pbBvV]|small)?matrix\}([\s\S]*)\\end\{\2?matrix\}\s*([)\]|])?$/;
const ARRAY_ENV = /^([([|])?\s*\\begin\{array\}\s*\{[^{}]*\}([\s\S]*)\\end\{array\}\s*([)\]|])?$/;
/** Determinants are expanded up to this size; a larger one stays unevaluated (compared as written). */
const MAX_DETERMINANT_SIZE = 4;

/**
 * Parses a matrix written with `pmatrix`, `bmatrix`, `Bmatrix`, `matrix`, `smallmatrix` or `array`
 * (with or without brackets around it): the bracket style does not matter. A matrix with one row or
 * one column is a vector (equal to the tuple of its entries). `vmatrix`, or an array between bars,
 * is a determinant: a number, never a matrix. `Vmatrix` (a norm) is compared as written.
 * Undefined when `s` is not a matrix environment.
 */
export function parseMatrix(s: string, ctx: ParseContext): AnswerStructure | undefined {
  const env = MATRIX_ENV.exec(s);
  const array = env ? undefined : ARRAY_ENV.exec(s);
  if (!env && !array) return undefined;
  const body = env ? (env[3] ?? '') : (array?.[2] ?? '');
  const style = env ? (env[2] ?? '') : '';
  const bars = (env ? env[1] : array?.[1]) === '|';
  if (style === 'V') return { kind: 'opaque', text: s.replace(/\s+/g, '') };
  const rows = splitTopLevel(body, separatorOf(/^\\\\(?:\[[^\]]*\])?/))
    .map((row) => row.trim())
    .filter((row, i, all) => row !== '' || i < all.length - 1)
    .map((row) => splitTopLevel(row, separatorOf(/^&/)).map((cell) => ctx.parse(cell.trim())));
  const width = rows[0]?.length ?? 0;
  if (width === 0 || rows.some((row) => row.length !== width)) return { kind: 'opaque', text: s.replace(/\s+/g, '') };
  if (style === 'v' || bars) return determinant(rows, s);
  if (rows.length === 1) return { kind: 'vector', items: rows[0] as AnswerStructure[] };
  if (width === 1) return { kind: 'vector', items: rows.map((row) => row[0] as AnswerStructure) };
  return { kind: 'matrix', rows };
}

function determinant(rows: readonly (readonly AnswerStructure[])[], s: string): AnswerStructure {
  const n = rows.length;
  const cells = rows.map((row) => row.map((cell) => (cell.kind === 'scalar' && !cell.annotation ? jsonOf(cell.reading) : undefined)));
  if (n !== rows[0]?.length || n > MAX_DETERMINANT_SIZE || cells.some((row) => row.some((c) => c === undefined))) {
    return { kind: 'opaque', text: s.replace(/\s+/g, '') };
  }
  const json = expand(cells as MathJson[][]);
  return { kind: 'scalar', text: s, reading: readJson(json) };
}

/** Laplace expansion along the first row. */
function expand(m: readonly (readonly MathJson[])[]): MathJson {
  if (m.length === 1) return m[0]?.[0] as MathJson;
  const terms = (m[0] ?? []).map((entry, j) => {
    const minor = m.slice(1).map((row) => row.filter((_, k) => k !== j));
    const term: MathJson = ['Multiply', entry, expand(minor)];
    return j % 2 === 0 ? term : ['Negate', term];
  });
  return ['Add', ...terms];
}
