import { toFraction, type Fraction } from '../problems/fraction.js';
import { formatPolynomial } from '../problems/polynomial.js';
import type { FamilyAnswer } from './family-types.js';

type Value = Fraction | number;

/** `7`, `-\frac{3}{4}`. */
export function fracLatex(v: Value): string {
  const f = toFraction(v);
  if (f.isInteger()) return String(f.num);
  return `${f.num < 0 ? '-' : ''}\\frac{${Math.abs(f.num)}}{${f.den}}`;
}

/** √m as s√r with r square-free. */
export function simplifySqrt(m: number): { outside: number; inside: number } {
  let outside = 1;
  let inside = m;
  for (let d = 2; d * d <= inside; d++) {
    while (inside % (d * d) === 0) {
      inside /= d * d;
      outside *= d;
    }
  }
  return { outside, inside };
}

/** c·√r over one fraction bar: `2\sqrt{3}`, `-\frac{3\sqrt{2}}{4}`, `\frac{\sqrt{5}}{2}`. */
function coefficientTimes(c: Fraction, symbol: string): string {
  if (c.isZero()) return '0';
  const sign = c.num < 0 ? '-' : '';
  const top = Math.abs(c.num) === 1 ? symbol : `${Math.abs(c.num)}${symbol}`;
  return c.den === 1 ? `${sign}${top}` : `${sign}\\frac{${top}}{${c.den}}`;
}

/** k·√m in simplest form (`2\sqrt{3}` for √12); a rational number when m is a square. Throws FractionError for m < 0. */
export function radicalLatex(k: Value, m: number): string {
  const { outside, inside } = simplifySqrt(m);
  const c = toFraction(k).mul(outside);
  return inside === 1 ? fracLatex(c) : coefficientTimes(c, `\\sqrt{${inside}}`);
}

/** a + b√m over a common denominator: `\frac{3 + \sqrt{5}}{2}`, `1 - 2\sqrt{2}`. */
export function surdSumLatex(a: Value, b: Value, m: number): string {
  const { outside, inside } = simplifySqrt(m);
  const fa = toFraction(a);
  const fb = toFraction(b).mul(outside);
  if (inside === 1) return fracLatex(fa.add(fb));
  if (fa.isZero()) return coefficientTimes(fb, `\\sqrt{${inside}}`);
  const den = (fa.den * fb.den) / gcd(fa.den, fb.den);
  const p = fa.mul(den).num;
  const q = fb.mul(den).num;
  const surd = `${Math.abs(q) === 1 ? '' : Math.abs(q)}\\sqrt{${inside}}`;
  const top = `${p} ${q < 0 ? '-' : '+'} ${surd}`;
  return den === 1 ? top : `\\frac{${top}}{${den}}`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

/** k·π: `12\pi`, `\frac{9\pi}{2}`, `\pi`. */
export function piLatex(k: Value): string {
  return coefficientTimes(toFraction(k), '\\pi');
}

/** An interval; an undefined end is infinite (and open). */
export function intervalLatex(lo: Value | undefined, hi: Value | undefined, closed: { lo: boolean; hi: boolean }): string {
  const left = lo === undefined ? '(-\\infty' : `${closed.lo ? '[' : '('}${fracLatex(lo)}`;
  const right = hi === undefined ? '\\infty)' : `${fracLatex(hi)}${closed.hi ? ']' : ')'}`;
  return `${left}, ${right}`;
}

/** `(2, -1)`. */
export function tupleLatex(values: readonly Value[]): string {
  return `(${values.map(fracLatex).join(', ')})`;
}

/** `\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}`. */
export function matrixLatex(rows: readonly (readonly Value[])[]): string {
  return `\\begin{pmatrix} ${rows.map((r) => r.map(fracLatex).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
}

/** Canonical answers of each kind. */
export const answer = {
  int: (v: number): FamilyAnswer => ({ latex: String(v), kind: 'integer' }),
  frac: (v: Value): FamilyAnswer => ({ latex: fracLatex(v), kind: toFraction(v).isInteger() ? 'integer' : 'fraction' }),
  radical: (k: Value, m: number): FamilyAnswer => {
    const latex = radicalLatex(k, m);
    return { latex, kind: latex.includes('\\sqrt') ? 'radical' : 'fraction' };
  },
  surd: (a: Value, b: Value, m: number): FamilyAnswer => {
    const latex = surdSumLatex(a, b, m);
    return { latex, kind: latex.includes('\\sqrt') ? 'radical' : 'fraction' };
  },
  pi: (k: Value): FamilyAnswer => ({ latex: piLatex(k), kind: 'pi' }),
  interval: (lo: Value | undefined, hi: Value | undefined, closed: { lo: boolean; hi: boolean }): FamilyAnswer => ({ latex: intervalLatex(lo, hi, closed), kind: 'interval' }),
  union: (parts: readonly string[]): FamilyAnswer => ({ latex: parts.join(' \\cup '), kind: 'interval' }),
  /** A set, sorted ascending; the empty set is `\emptyset`. */
  set: (values: readonly Value[]): FamilyAnswer => {
    const sorted = [...values].map(toFraction).sort((a, b) => a.compare(b));
    const items = sorted.map(fracLatex);
    return { latex: items.length === 0 ? '\\emptyset' : `\\{${items.join(', ')}\\}`, kind: 'set', items };
  },
  tuple: (values: readonly Value[]): FamilyAnswer => ({ latex: tupleLatex(values), kind: 'tuple' }),
  poly: (coeffs: readonly number[], variable = 'x'): FamilyAnswer => ({ latex: formatPolynomial(coeffs, variable), kind: 'expression' }),
  matrix: (rows: readonly (readonly Value[])[]): FamilyAnswer => ({ latex: matrixLatex(rows), kind: 'matrix' }),
};
