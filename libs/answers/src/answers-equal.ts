import { normalizeAnswer, splitTopLevel } from './normalize-answer.js';

/** Numbers closer than this, relative to the larger magnitude, count as equal. */
export const RELATIVE_TOLERANCE = 1e-6;

/**
 * True when two answers mean the same thing: their normalised forms (see normalizeAnswer) are
 * identical, or both are numbers (integers, decimals, simple fractions) within RELATIVE_TOLERANCE,
 * or both are tuples of such numbers that agree element by element. An empty answer equals nothing.
 * It knows no algebra: `2\sqrt{2}` and `\sqrt{8}` are not equal. Never throws.
 */
export function answersEqual(a: string, b: string): boolean {
  const na = normalizeAnswer(a);
  const nb = normalizeAnswer(b);
  if (na === '' || nb === '') return false;
  if (na === nb) return true;
  const va = numericValue(na);
  const vb = numericValue(nb);
  if (va === undefined || vb === undefined || va.length !== vb.length) return false;
  return va.every((x, i) => numbersClose(x, vb[i] ?? Number.NaN));
}

/** A normalised answer as a list of numbers (one element for a scalar), or undefined. */
function numericValue(s: string): number[] | undefined {
  const tuple = /^[([](.*)[)\]]$/.exec(s);
  const parts = tuple?.[1] !== undefined && tuple[1].includes(',') ? splitTopLevel(tuple[1]) : [s];
  const values = parts.map(scalarValue);
  return values.every((v): v is number => v !== undefined) ? values : undefined;
}

function scalarValue(s: string): number | undefined {
  if (/^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) return Number(s);
  const fraction = /^(-?)(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(s);
  if (!fraction) return undefined;
  const value = Number(fraction[2]) / Number(fraction[3]);
  if (!Number.isFinite(value)) return undefined;
  return fraction[1] === '-' ? -value : value;
}

function numbersClose(x: number, y: number): boolean {
  if (x === y) return true;
  return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
}
