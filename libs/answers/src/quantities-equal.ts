import type { AnswerStructure } from './answer-structure.js';
import { scalarsEqual } from './compare-expressions.js';
import { add, div, exact, mul, sub, approx, type NumberValue } from './number-value.js';
import { Rational } from './rational.js';
import type { ScalarReading } from './scalar-reading.js';
import type { Unit } from './units.js';

type Scalar = Extract<AnswerStructure, { kind: 'scalar' }>;

const HUNDRED = exact(Rational.of(100n));
const DEGREES_TO_RADIANS = approx(Math.PI / 180) as NumberValue;
const ANGLE = 'A1';

/**
 * Compares two scalar answers with their annotations:
 * - neither annotated: their values (scalarsEqual), or their texts when the values are unreadable;
 * - a percentage against a bare value: `50\%` equals both `50` and `0.5`;
 * - a unit against a bare value: the unit is implied by the question (`5\text{ cm}` = `5`); a
 *   degree also equals its radian value (`30^\circ` = `\frac{\pi}{6}`);
 * - two units of one dimension: converted (`5\text{ cm}` = `0.05\text{ m}`, `90^\circ` =
 *   `\frac{\pi}{2}\text{ rad}`, `100^\circ C` = `212^\circ F`); of different dimensions, never equal.
 */
export function quantitiesEqual(a: Scalar, b: Scalar): boolean {
  const qa = a.annotation;
  const qb = b.annotation;
  if (!qa && !qb) return readingsEqual(a, b);
  if (qa && qb) {
    if (qa.kind === 'percent' || qb.kind === 'percent') return qa.kind === qb.kind && readingsEqual(a, b);
    if (qa.unit.dimension !== qb.unit.dimension) return false;
    return converted(a, qa.unit, b, qb.unit) || converted(b, qb.unit, a, qa.unit);
  }
  const [marked, bare] = qa ? [a, b] : [b, a];
  const annotation = (qa ?? qb) as NonNullable<Scalar['annotation']>;
  if (readingsEqual(marked, bare)) return true;
  if (annotation.kind === 'percent') return scaledEqual(marked.reading, (v) => div(v, HUNDRED), bare.reading, 2);
  if (annotation.unit.dimension === ANGLE && annotation.unit.factor.kind === 'approx') {
    return scaledEqual(marked.reading, (v) => mul(v, DEGREES_TO_RADIANS), bare.reading, 0);
  }
  return false;
}

function readingsEqual(a: Scalar, b: Scalar): boolean {
  return scalarsEqual(a.reading, b.reading) ?? a.text.replace(/\s+/g, '') === b.text.replace(/\s+/g, '');
}

/** `target` (in `targetUnit`) against `other` converted into `targetUnit`; target keeps its written precision. */
function converted(target: Scalar, targetUnit: Unit, other: Scalar, otherUnit: Unit): boolean {
  // value in the base unit = v · factor + offset; back out through the target's factor and offset.
  const toTarget = (v: NumberValue): NumberValue | undefined => {
    const scaled = mul(v, otherUnit.factor);
    const base = scaled && add(scaled, exact(otherUnit.offset ?? Rational.ZERO));
    const shifted = base && sub(base, exact(targetUnit.offset ?? Rational.ZERO));
    return shifted && div(shifted, targetUnit.factor);
  };
  if (other.reading.kind !== 'number') return sameUnit(targetUnit, otherUnit) && readingsEqual(target, other);
  const value = toTarget(other.reading.value);
  return value !== undefined && scalarsEqual(target.reading, { kind: 'number', value }) === true;
}

function sameUnit(a: Unit, b: Unit): boolean {
  return scalarsEqual({ kind: 'number', value: a.factor }, { kind: 'number', value: b.factor }) === true && (a.offset ?? Rational.ZERO).equals(b.offset ?? Rational.ZERO);
}

/**
 * `marked` scaled by `scale` against `bare`. A written decimal keeps its precision, shifted by
 * `extraPlaces` (`33.3\%` is 0.333, three places).
 */
function scaledEqual(marked: ScalarReading, scale: (v: NumberValue) => NumberValue | undefined, bare: ScalarReading, extraPlaces: number): boolean {
  if (marked.kind !== 'number') return false;
  const value = scale(marked.value);
  if (!value) return false;
  const decimal = marked.decimal && extraPlaces > 0 && value.kind === 'exact' ? { places: marked.decimal.places + extraPlaces, significant: marked.decimal.significant } : undefined;
  return scalarsEqual(decimal ? { kind: 'number', value, decimal } : { kind: 'number', value }, bare) === true;
}
