import { imagPart, realPart, type NumberValue } from './number-value.js';
import type { DecimalPrecision } from './number-literal.js';
import { Rational } from './rational.js';

/** A constant answer: its value and, when it was written as a decimal, how precisely. */
export interface NumberReading {
  readonly value: NumberValue;
  readonly decimal?: DecimalPrecision;
}

/**
 * Floating-point noise allowed between two values when at least one was computed in doubles
 * (`\cos\frac{\pi}{3}` is 0.5000000000000001): relative to the larger magnitude, with an absolute
 * floor for values near zero (`\cos\frac{\pi}{2}` is 6e-17). Exact values never get it.
 */
export const NOISE_RELATIVE = 1e-10;
export const NOISE_ABSOLUTE = 1e-12;

/**
 * A rounded decimal must carry at least this many significant digits to match a value it rounds
 * from: one digit is too coarse to identify an answer (`0.3` would stand for anything in [0.25, 0.35]).
 */
export const MIN_ROUNDED_SIGNIFICANT = 2;

/**
 * The numeric rule. Two exact values (integers, fractions, terminating decimals, and anything
 * computed from them exactly) are equal only when they are the same rational: `100` ≠ `100.0001`,
 * `1e-13` ≠ `0`, `3.14` ≠ `3.1416`. A value computed in doubles (π, √2, a logarithm) equals another
 * within floating-point noise. Tolerance beyond that applies only to a decimal written with limited
 * precision (at least MIN_ROUNDED_SIGNIFICANT significant digits), against a value whose decimal
 * expansion does not terminate (an irrational, or a fraction such as 1/3): it matches when that
 * value rounds to it at its own precision (`3.14` = π, `0.33` = 1/3, `0.67` = 2/3; not `0.66`).
 * A terminating value is never rounded: `0.13` ≠ 1/8.
 */
export function numbersEqual(a: NumberReading, b: NumberReading): boolean {
  const x = a.value;
  const y = b.value;
  if (x.kind === 'exact' && y.kind === 'exact') {
    if (x.q.equals(y.q)) return true;
  } else if (withinNoise(x, y)) return true;
  return roundsTo(a, y) || roundsTo(b, x);
}

/** True when the decimal `d` is `v` rounded to d's precision, and v is a value that needs rounding. */
function roundsTo(d: NumberReading, v: NumberValue): boolean {
  const precision = d.decimal;
  if (!precision || precision.significant < MIN_ROUNDED_SIGNIFICANT || d.value.kind !== 'exact') return false;
  const half = halfUnit(precision.places);
  if (v.kind === 'exact') {
    if (v.q.terminates) return false;
    const diff = v.q.sub(d.value.q)?.abs();
    return diff !== undefined && half !== undefined && diff.compare(half) <= 0;
  }
  if (Math.abs(v.im) > noise(v.re, 0)) return false;
  const bound = (half?.toNumber() ?? 0) * (1 + 1e-12);
  return Math.abs(v.re - d.value.q.toNumber()) <= bound + noise(v.re, 0);
}

/** ½ · 10^(−places), exactly. */
function halfUnit(places: number): Rational | undefined {
  const p = BigInt(places);
  return places >= 0 ? Rational.of(1n, 2n * 10n ** p) : Rational.of(10n ** -p, 2n);
}

function withinNoise(x: NumberValue, y: NumberValue): boolean {
  const dr = realPart(x) - realPart(y);
  const di = imagPart(x) - imagPart(y);
  const scale = Math.max(Math.hypot(realPart(x), imagPart(x)), Math.hypot(realPart(y), imagPart(y)));
  return Math.hypot(dr, di) <= noise(scale, 0);
}

function noise(a: number, b: number): number {
  return Math.max(NOISE_ABSOLUTE, NOISE_RELATIVE * Math.max(Math.abs(a), Math.abs(b)));
}
