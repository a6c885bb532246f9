import { Fraction } from '../problems/fraction.js';
import { Rng } from '../rng.js';
import { SLIP_KINDS, type SlipKind, type SlipPlan } from './family-types.js';

/** Bounds a slipped value must respect so that the rest of the derivation still makes sense. */
export interface SlipBounds {
  readonly min?: number;
  readonly max?: number;
  readonly nonZero?: boolean;
  /** Too simple to get wrong in a plausible way (√36, 7²): never a slip site. */
  readonly exact?: boolean;
}

/** Thrown when a value cannot go wrong in any planned way (the slip is tried elsewhere). */
export class SlipNotApplicable extends Error {
  override readonly name = 'SlipNotApplicable';
}

function withinBounds(v: Fraction, bounds: SlipBounds): boolean {
  if (bounds.nonZero && v.isZero()) return false;
  if (bounds.min !== undefined && v.compare(bounds.min) < 0) return false;
  if (bounds.max !== undefined && v.compare(bounds.max) > 0) return false;
  return Math.abs(v.num) < 1e12;
}

/** Replaces one digit of a non-negative integer with another. */
function changeDigit(n: number, rng: Rng): number {
  const digits = String(n).split('');
  const at = rng.int(0, digits.length - 1);
  const old = Number(digits[at]);
  let next = rng.int(0, 8);
  if (next >= old) next += 1;
  if (at === 0 && next === 0 && digits.length > 1) next = old === 9 ? 8 : 9;
  digits[at] = String(next);
  return Number(digits.join(''));
}

/** The value `v` after a mistake of `kind`, or undefined when that kind cannot change it. */
function slipOnce(v: Fraction, kind: SlipKind, rng: Rng): Fraction | undefined {
  const unit = Fraction.of(1, v.den);
  switch (kind) {
    case 'sign':
      return v.isZero() ? undefined : v.neg();
    case 'off-by-one':
      return v.add(unit.mul(rng.chance(0.5) ? 1 : -1));
    case 'arithmetic':
      return v.add(unit.mul(rng.int(2, 9) * (rng.chance(0.5) ? 1 : -1)));
    case 'factor':
      if (v.isZero()) return undefined;
      return rng.chance(0.5) || (v.isInteger() && v.num % 2 !== 0) ? v.mul(2) : v.div(2);
    case 'digit': {
      if (Math.abs(v.num) < 10) return undefined;
      const changed = changeDigit(Math.abs(v.num), rng);
      return Fraction.of(Math.sign(v.num) * changed, v.den);
    }
  }
}

/**
 * A plausible wrong value for `v`: the planned kind of slip, or the next kind that applies, always
 * different from `v` and within `bounds`. Throws SlipNotApplicable when no kind works.
 */
export function slipValue(v: Fraction, plan: SlipPlan, bounds: SlipBounds = {}): Fraction {
  const rng = new Rng(plan.magnitude);
  const start = SLIP_KINDS.indexOf(plan.kind);
  for (let i = 0; i < SLIP_KINDS.length; i++) {
    const kind = SLIP_KINDS[(start + i) % SLIP_KINDS.length] as SlipKind;
    const wrong = slipOnce(v, kind, rng);
    if (wrong && wrong.compare(v) !== 0 && withinBounds(wrong, bounds)) return wrong;
  }
  throw new SlipNotApplicable(`no slip applies to ${String(v)}`);
}
