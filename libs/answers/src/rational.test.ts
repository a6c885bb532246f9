import { describe, expect, it } from 'vitest';
import { MAX_EXACT_BITS, Rational } from './rational.js';

const r = (n: bigint, d = 1n) => Rational.of(n, d);

describe('Rational', () => {
  it('reduces and keeps the denominator positive', () => {
    expect(r(6n, -8n).toString()).toBe('-3/4');
    expect(r(0n, -5n).toString()).toBe('0');
  });

  it.each([
    ['-12', '-12'],
    ['0.125', '1/8'],
    ['.5', '1/2'],
    ['1e-13', '1/10000000000000'],
    ['6.02e23', '602000000000000000000000'],
    ['2.50', '5/2'],
  ])('parses the decimal %s exactly as %s', (text, expected) => {
    expect(Rational.parseDecimal(text)?.toString()).toBe(expected);
  });

  it.each(['', '.', 'abc', '1.2.3', '1e'])('does not parse %j', (text) => {
    expect(Rational.parseDecimal(text)).toBeUndefined();
  });

  it('does exact arithmetic: 0.1 + 0.2 is 3/10', () => {
    const sum = Rational.parseDecimal('0.1')?.add(Rational.parseDecimal('0.2') as Rational);
    expect(sum?.equals(r(3n, 10n))).toBe(true);
  });

  it('takes rational roots exactly and refuses irrational ones', () => {
    expect(r(9n, 4n).root(2n)?.toString()).toBe('3/2');
    expect(r(-8n).root(3n)?.toString()).toBe('-2');
    expect(r(2n).root(2n)).toBeUndefined();
    expect(r(-4n).root(2n)).toBeUndefined();
  });

  it('refuses results beyond MAX_EXACT_BITS instead of hanging', () => {
    expect(r(10n).pow(10n ** 10n)).toBeUndefined();
    expect(r(2n).pow(BigInt(MAX_EXACT_BITS / 4))).toBeDefined();
    expect(r(0n).pow(-1n)).toBeUndefined();
  });

  it('knows which fractions terminate', () => {
    expect(r(1n, 8n).terminates).toBe(true);
    expect(r(3n, 20n).terminates).toBe(true);
    expect(r(1n, 3n).terminates).toBe(false);
  });

  it('converts huge values to the nearest double', () => {
    const big = r(10n ** 400n + 1n, 10n ** 399n);
    expect(big.toNumber()).toBeCloseTo(10, 12);
    expect(r(1n, 10n ** 400n).toNumber()).toBe(0);
  });
});
