import { Rational } from './rational.js';

/**
 * A number as the checker knows it: exact (a rational, kept exact through + − × ÷, integer powers,
 * perfect roots, factorials) or approximate (a complex double, once π, a non-perfect root, a
 * logarithm or a trigonometric function is involved).
 */
export type NumberValue = { readonly kind: 'exact'; readonly q: Rational } | { readonly kind: 'approx'; readonly re: number; readonly im: number };

export const exact = (q: Rational): NumberValue => ({ kind: 'exact', q });

/** An approximate value, or undefined when it is NaN or infinite (overflow is not infinity). */
export function approx(re: number, im = 0): NumberValue | undefined {
  if (!Number.isFinite(re) || !Number.isFinite(im)) return undefined;
  return { kind: 'approx', re, im: Object.is(im, -0) ? 0 : im };
}

export function realPart(v: NumberValue): number {
  return v.kind === 'exact' ? v.q.toNumber() : v.re;
}

export function imagPart(v: NumberValue): number {
  return v.kind === 'exact' ? 0 : v.im;
}

export function isReal(v: NumberValue): boolean {
  return imagPart(v) === 0;
}

type Exact = (a: Rational, b: Rational) => Rational | undefined;
type Approx = (a: NumberValue, b: NumberValue) => NumberValue | undefined;

/** Exact when both are exact and the exact operation succeeds, else in complex doubles. */
function binary(exactOp: Exact, approxOp: Approx): (a: NumberValue, b: NumberValue) => NumberValue | undefined {
  return (a, b) => {
    if (a.kind === 'exact' && b.kind === 'exact') {
      const q = exactOp(a.q, b.q);
      if (q) return exact(q);
    }
    return approxOp(a, b);
  };
}

export const add = binary(
  (a, b) => a.add(b),
  (a, b) => approx(realPart(a) + realPart(b), imagPart(a) + imagPart(b)),
);

export const sub = binary(
  (a, b) => a.sub(b),
  (a, b) => approx(realPart(a) - realPart(b), imagPart(a) - imagPart(b)),
);

export const mul = binary(
  (a, b) => a.mul(b),
  (a, b) => {
    const [ar, ai, br, bi] = [realPart(a), imagPart(a), realPart(b), imagPart(b)];
    return approx(ar * br - ai * bi, ai === 0 && bi === 0 ? 0 : ar * bi + ai * br);
  },
);

export const div = binary(
  (a, b) => a.div(b),
  (a, b) => {
    const [ar, ai, br, bi] = [realPart(a), imagPart(a), realPart(b), imagPart(b)];
    const d = br * br + bi * bi;
    if (d === 0) return undefined;
    return approx((ar * br + ai * bi) / d, (ai * br - ar * bi) / d);
  },
);

export function neg(a: NumberValue): NumberValue {
  return a.kind === 'exact' ? exact(a.q.neg()) : { kind: 'approx', re: -a.re, im: a.im === 0 ? 0 : -a.im };
}

/**
 * `a^b`: exact for an exact base with an integer exponent, or a rational exponent whose root is
 * exact (`8^{2/3}` = 4); a negative real base with a rational exponent of odd denominator takes the
 * real root (`(-8)^{1/3}` = −2), as answers mean; otherwise the principal complex power.
 */
export function pow(a: NumberValue, b: NumberValue): NumberValue | undefined {
  if (a.kind === 'exact' && b.kind === 'exact') {
    const { num: p, den: q } = b.q;
    const root = q === 1n ? a.q : a.q.root(q);
    const value = root?.pow(p);
    if (value) return exact(value);
    if (a.q.num < 0n && q % 2n === 1n) {
      const magnitude = Math.pow(-a.q.toNumber(), b.q.toNumber());
      return approx(p % 2n === 0n ? magnitude : -magnitude);
    }
  }
  const [ar, ai, br, bi] = [realPart(a), imagPart(a), realPart(b), imagPart(b)];
  if (ai === 0 && bi === 0 && (ar >= 0 || Number.isInteger(br))) {
    if (ar === 0 && br <= 0) return undefined;
    return approx(Math.pow(ar, br));
  }
  if (ar === 0 && ai === 0) return undefined;
  // Principal value: exp(b · log a).
  const logR = Math.log(Math.hypot(ar, ai));
  const theta = Math.atan2(ai, ar);
  const re = br * logR - bi * theta;
  const im = bi * logR + br * theta;
  return approx(Math.exp(re) * Math.cos(im), Math.exp(re) * Math.sin(im));
}

/** The principal square root; exact for perfect squares, `i·√|x|` for negative reals. */
export function sqrt(a: NumberValue): NumberValue | undefined {
  if (a.kind === 'exact') {
    const root = a.q.abs().root(2n);
    if (root) return a.q.num < 0n ? approx(0, root.toNumber()) : exact(root);
  }
  return pow(a, exact(Rational.of(1n, 2n)));
}

/** Applies a real function to a real argument; undefined for complex arguments or outside its domain. */
export function realFunction(a: NumberValue, f: (x: number) => number): NumberValue | undefined {
  if (!isReal(a)) return undefined;
  return approx(f(realPart(a)));
}

/** |a|: exact for exact values, the modulus for complex ones. */
export function absolute(a: NumberValue): NumberValue | undefined {
  return a.kind === 'exact' ? exact(a.q.abs()) : approx(Math.hypot(a.re, a.im));
}

/** The natural logarithm, principal branch (so `\ln(-1)` = iπ). */
export function ln(a: NumberValue): NumberValue | undefined {
  const [re, im] = [realPart(a), imagPart(a)];
  if (re === 0 && im === 0) return undefined;
  if (im === 0 && re > 0) return approx(Math.log(re));
  return approx(Math.log(Math.hypot(re, im)), Math.atan2(im, re));
}

/** e^a for complex a. */
export function expOf(a: NumberValue): NumberValue | undefined {
  const [re, im] = [realPart(a), imagPart(a)];
  return approx(Math.exp(re) * Math.cos(im), im === 0 ? 0 : Math.exp(re) * Math.sin(im));
}

/** Γ(x) for real x by the Lanczos approximation (g = 7), with the reflection formula below ½. */
export function gamma(x: number): number {
  if (Number.isInteger(x) && x <= 0) return NaN;
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0] as number;
  for (let i = 1; i < c.length; i++) sum += (c[i] as number) / (z + i);
  const t = z + 7.5;
  return Math.sqrt(2 * Math.PI) * Math.pow(t, z + 0.5) * Math.exp(-t) * sum;
}
