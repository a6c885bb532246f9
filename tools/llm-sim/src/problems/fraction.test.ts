import { describe, expect, it } from 'vitest';
import { answerToLatex, Fraction, FractionError } from './fraction.js';
import { evaluate, formatPolynomial, parsePolynomial } from './polynomial.js';

describe('Fraction', () => {
  it.each([
    [6, 8, '3/4'],
    [-6, 8, '-3/4'],
    [6, -8, '-3/4'],
    [4, 2, '2'],
    [0, 5, '0'],
  ])('Fraction.of(%i, %i) = %s', (num, den, text) => {
    expect(Fraction.of(num, den).toString()).toBe(text);
  });

  it('does exact arithmetic', () => {
    expect(Fraction.of(1, 3).add(Fraction.of(1, 6)).toString()).toBe('1/2');
    expect(Fraction.of(2, 3).mul(3).toString()).toBe('2');
    expect(Fraction.of(1, 2).div(Fraction.of(-1, 4)).toString()).toBe('-2');
  });

  it('throws FractionError for a zero denominator', () => {
    expect(() => Fraction.of(1, 0)).toThrow(FractionError);
  });

  it.each([
    ['3/4', '\\frac{3}{4}'],
    ['-3/4', '-\\frac{3}{4}'],
    ['12', '12'],
  ])('answerToLatex(%j) = %j', (answer, latex) => {
    expect(answerToLatex(answer)).toBe(latex);
  });
});

describe('polynomials', () => {
  it.each([
    [[5, -2, 0, 4], '4x^3 - 2x + 5'],
    [[1, 0, -1], '-x^2 + 1'],
    [[0, 1], 'x'],
    [[0], '0'],
  ])('formats %j as %j and parses it back', (coeffs, text) => {
    expect(formatPolynomial(coeffs)).toBe(text);
    if (text !== '0') expect(parsePolynomial(text)?.map((c) => c + 0)).toEqual(coeffs);
  });

  it('rejects non-polynomials', () => {
    expect(parsePolynomial('2^x')).toBeUndefined();
    expect(parsePolynomial('x + y')).toBeUndefined();
  });

  it('evaluates exactly', () => {
    expect(evaluate([5, -2, 0, 4], 2).toString()).toBe('33');
    expect(evaluate([0, 0, 1], Fraction.of(1, 2)).toString()).toBe('1/4');
  });
});
