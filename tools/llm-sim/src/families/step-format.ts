import { Fraction } from '../problems/fraction.js';
import { formatPolynomial } from '../problems/polynomial.js';

/** A number as a factor or subtrahend in a written step: negatives in parentheses, `(-3)`. */
export function par(v: number | Fraction): string {
  const text = String(v);
  return text.startsWith('-') ? `(${text})` : text;
}

/** `c·x` written as a person would: `3x`, `-x`, `x`. */
export function term(c: number, variable = 'x'): string {
  return formatPolynomial([0, c], variable);
}

/** A polynomial with rational coefficients by degree: `-3/2 x^4 + 2x^2 - x`. */
export function fractionPolynomial(coeffs: readonly Fraction[], variable = 'x'): string {
  const terms: string[] = [];
  for (let degree = coeffs.length - 1; degree >= 0; degree--) {
    const c = coeffs[degree] ?? Fraction.of(0);
    if (c.isZero()) continue;
    const magnitude = c.num < 0 ? c.neg() : c;
    const power = degree === 0 ? '' : degree === 1 ? variable : `${variable}^${degree}`;
    const coefficient = degree > 0 && magnitude.compare(1) === 0 ? '' : magnitude.isInteger() ? String(magnitude) : `${String(magnitude)} `;
    const body = `${coefficient}${power}`;
    terms.push(terms.length === 0 ? `${c.num < 0 ? '-' : ''}${body}` : `${c.num < 0 ? '-' : '+'} ${body}`);
  }
  return terms.length === 0 ? '0' : terms.join(' ');
}
