import { div, exact, sub, type NumberValue } from './number-value.js';
import { numbersEqual } from './numbers-equal.js';
import { Rational } from './rational.js';
import { SAMPLE_COUNT } from './sample-points.js';
import type { ScalarReading } from './scalar-reading.js';

/** At least this many points must be inside both sides' domains for a verdict. */
export const MIN_VALID_SAMPLES = 3;

const ZERO = exact(Rational.ZERO);

/** The reading's value at each sample point (undefined outside its domain). */
function samplesOf(reading: ScalarReading): readonly (NumberValue | undefined)[] {
  if (reading.kind === 'expression') return reading.samples;
  const value = reading.kind === 'number' ? reading.value : undefined;
  return Array.from({ length: SAMPLE_COUNT }, () => value);
}

/**
 * Compares two scalar readings: constants by the numeric rule (numbersEqual), expressions by their
 * values at the sample points (exactly where both evaluate exactly). Undefined when it cannot
 * decide: an unreadable side, or too few points inside both domains.
 */
export function scalarsEqual(a: ScalarReading, b: ScalarReading): boolean | undefined {
  if (a.kind === 'invalid' || b.kind === 'invalid') return undefined;
  if (a.kind === 'infinity' || b.kind === 'infinity') return a.kind === 'infinity' && b.kind === 'infinity' && a.positive === b.positive;
  if (a.kind === 'number' && b.kind === 'number') return numbersEqual(a, b);
  const sa = samplesOf(a);
  const sb = samplesOf(b);
  let valid = 0;
  for (let p = 0; p < SAMPLE_COUNT; p++) {
    const va = sa[p];
    const vb = sb[p];
    if (!va || !vb) continue; // outside one side's domain at this point
    if (!numbersEqual({ value: va }, { value: vb })) return false;
    valid++;
  }
  return valid >= MIN_VALID_SAMPLES ? true : undefined;
}

/** The two sides of an equation. */
export interface EquationSides {
  readonly lhs: ScalarReading;
  readonly rhs: ScalarReading;
}

/**
 * Two equations are equivalent when lhs − rhs of one is a non-zero constant multiple of the
 * other's at every sample point: `y = 2x + 1` ≡ `2x − y + 1 = 0` ≡ `4x − 2y + 2 = 0`. Undefined
 * when it cannot decide.
 */
export function equationsEquivalent(a: EquationSides, b: EquationSides): boolean | undefined {
  const da = differences(a);
  const db = differences(b);
  if (!da || !db) return undefined;
  let ratio: NumberValue | undefined;
  let valid = 0;
  for (let p = 0; p < SAMPLE_COUNT; p++) {
    const va = da[p];
    const vb = db[p];
    if (!va || !vb) continue;
    const za = numbersEqual({ value: va }, { value: ZERO });
    const zb = numbersEqual({ value: vb }, { value: ZERO });
    if (za || zb) {
      if (za !== zb) return false;
      continue;
    }
    const r = div(va, vb);
    if (!r) continue;
    if (ratio && !numbersEqual({ value: r }, { value: ratio })) return false;
    ratio = r;
    valid++;
  }
  return valid >= MIN_VALID_SAMPLES - 1 ? true : undefined;
}

function differences(e: EquationSides): (NumberValue | undefined)[] | undefined {
  if (e.lhs.kind === 'invalid' || e.rhs.kind === 'invalid' || e.lhs.kind === 'infinity' || e.rhs.kind === 'infinity') return undefined;
  const l = samplesOf(e.lhs);
  const r = samplesOf(e.rhs);
  return l.map((v, p) => {
    const w = r[p];
    return v && w ? sub(v, w) : undefined;
  });
}
