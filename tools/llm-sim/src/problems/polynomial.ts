import { Fraction } from './fraction.js';

/** Coefficients by degree: `[5, -2, 0, 4]` is 4x^3 - 2x + 5. */
export type Coefficients = readonly number[];

/** Writes a polynomial the way a person would: `4x^3 - 2x + 5`, `-x^2 + 1`, `0`. */
export function formatPolynomial(coeffs: Coefficients, variable = 'x'): string {
  const terms: string[] = [];
  for (let degree = coeffs.length - 1; degree >= 0; degree--) {
    const c = coeffs[degree] ?? 0;
    if (c === 0) continue;
    const magnitude = Math.abs(c);
    const power = degree === 0 ? '' : degree === 1 ? variable : `${variable}^${degree}`;
    const body = degree > 0 && magnitude === 1 ? power : `${magnitude}${power}`;
    if (terms.length === 0) terms.push(c < 0 ? `-${body}` : body);
    else terms.push(c < 0 ? `- ${body}` : `+ ${body}`);
  }
  return terms.length === 0 ? '0' : terms.join(' ');
}

/** `a + b`, `a - b` with the sign of b folded in: `signed(3, -4)` is `3 - 4`. */
export function joinSigned(head: string, value: number): string {
  return value < 0 ? `${head} - ${-value}` : `${head} + ${value}`;
}

/**
 * Reads back what formatPolynomial writes (spaces optional, `*` allowed between coefficient and
 * variable). Returns undefined for anything else, e.g. a term with a fractional coefficient.
 */
export function parsePolynomial(text: string, variable = 'x'): number[] | undefined {
  const compact = text.replace(/\s+/g, '').replace(/\*/g, '');
  if (compact === '') return undefined;
  const terms = compact.match(/[+-]?[^+-]+/g);
  if (!terms || terms.join('') !== compact) return undefined;
  const coeffs: number[] = [];
  const termPattern = new RegExp(`^([+-]?)(\\d*)(?:(${variable})(?:\\^(\\d+))?)?$`);
  for (const term of terms) {
    const m = termPattern.exec(term);
    if (!m || (m[2] === '' && m[3] === undefined)) return undefined;
    const degree = m[3] === undefined ? 0 : m[4] === undefined ? 1 : Number(m[4]);
    const magnitude = m[2] === '' ? 1 : Number(m[2]);
    if (degree > 12) return undefined;
    while (coeffs.length <= degree) coeffs.push(0);
    coeffs[degree] = (coeffs[degree] ?? 0) + (m[1] === '-' ? -magnitude : magnitude);
  }
  return coeffs;
}

/** p(x), exactly. */
export function evaluate(coeffs: Coefficients, x: Fraction | number): Fraction {
  let acc = Fraction.of(0);
  for (let degree = coeffs.length - 1; degree >= 0; degree--) acc = acc.mul(x).add(coeffs[degree] ?? 0);
  return acc;
}

export function derivative(coeffs: Coefficients): number[] {
  return coeffs.slice(1).map((c, i) => c * (i + 1));
}

/** The antiderivative with zero constant term, evaluated exactly at x. */
export function antiderivativeAt(coeffs: Coefficients, x: number): Fraction {
  return coeffs.reduce((acc, c, degree) => acc.add(Fraction.of(c * x ** (degree + 1), degree + 1)), Fraction.of(0));
}

/** The highest degree with a non-zero coefficient (-1 for the zero polynomial). */
export function degreeOf(coeffs: Coefficients): number {
  for (let d = coeffs.length - 1; d >= 0; d--) if ((coeffs[d] ?? 0) !== 0) return d;
  return -1;
}

/** (a0 + a1 x + …)(b0 + b1 x + …). */
export function multiply(a: Coefficients, b: Coefficients): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  a.forEach((x, i) => b.forEach((y, j) => (out[i + j] = (out[i + j] ?? 0) + x * y)));
  return out;
}
