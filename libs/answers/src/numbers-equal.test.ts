import { describe, expect, it } from 'vitest';
import { approx, exact, type NumberValue } from './number-value.js';
import { readNumberLiteral } from './number-literal.js';
import { numbersEqual, type NumberReading } from './numbers-equal.js';
import { Rational } from './rational.js';

function literal(text: string): NumberReading {
  const l = readNumberLiteral(text);
  if (!l) throw new Error(`not a literal: ${text}`);
  return l.decimal ? { value: exact(l.value), decimal: l.decimal } : { value: exact(l.value) };
}
const computed = (x: number): NumberReading => ({ value: approx(x) as NumberValue });

describe('numbersEqual', () => {
  it('compares exact values exactly, whatever their size', () => {
    expect(numbersEqual(literal('100'), literal('100.0001'))).toBe(false);
    expect(numbersEqual(literal('4235364'), literal('4235364.5'))).toBe(false);
    expect(numbersEqual(literal('1e-13'), literal('0'))).toBe(false);
    expect(numbersEqual(literal('0.5'), literal('\\frac12'))).toBe(true);
  });

  it('never rounds one written decimal to another', () => {
    expect(numbersEqual(literal('3.14'), literal('3.1416'))).toBe(false);
  });

  it('rounds a decimal to a value that does not terminate, at the decimal’s own precision', () => {
    expect(numbersEqual(literal('3.14'), computed(Math.PI))).toBe(true);
    expect(numbersEqual(literal('3.15'), computed(Math.PI))).toBe(false);
    expect(numbersEqual(literal('0.33'), { value: exact(Rational.of(1n, 3n)) })).toBe(true);
    expect(numbersEqual(literal('0.333'), { value: exact(Rational.of(1n, 3n)) })).toBe(true);
    expect(numbersEqual(literal('0.334'), { value: exact(Rational.of(1n, 3n)) })).toBe(false);
  });

  it('does not round to a terminating value, nor with a single significant digit', () => {
    expect(numbersEqual(literal('0.13'), { value: exact(Rational.of(1n, 8n)) })).toBe(false);
    expect(numbersEqual(literal('0.3'), { value: exact(Rational.of(1n, 3n)) })).toBe(false);
    expect(numbersEqual(literal('3'), computed(Math.PI))).toBe(false);
  });

  it('allows floating-point noise only where a value was computed', () => {
    expect(numbersEqual(literal('0.5'), computed(0.5000000000000001))).toBe(true);
    expect(numbersEqual(literal('0'), computed(6.123233995736766e-17))).toBe(true);
    expect(numbersEqual(literal('100'), computed(100.0001))).toBe(false);
  });

  it('compares complex values as such', () => {
    expect(numbersEqual(literal('-1'), { value: approx(-1, 1.2246467991473532e-16) as NumberValue })).toBe(true);
    expect(numbersEqual(computed(2), { value: approx(2, 3) as NumberValue })).toBe(false);
  });
});
