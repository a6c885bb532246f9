import { Fraction } from './fraction.js';
import { antiderivativeAt, degreeOf, derivative, evaluate, formatPolynomial, multiply, parsePolynomial } from './polynomial.js';
import { defineFamily, intAt, NAMES, ProblemParseError, textAt, type ProblemFamily, type Solution } from './problem-family.js';

const DOMAIN = 'calculus';

function poly(text: string): number[] {
  const coeffs = parsePolynomial(text);
  if (!coeffs) throw new ProblemParseError('not a polynomial');
  return coeffs;
}

function randomPolynomial(rng: { int(a: number, b: number): number; nonZero(a: number, b: number): number }, degree: number): number[] {
  const coeffs = Array.from({ length: degree + 1 }, () => rng.int(-9, 9));
  coeffs[degree] = rng.nonZero(-9, 9);
  return coeffs;
}

interface Derivative { coeffs: number[]; x0: number }

const derivativeAtPoint = defineFamily<Derivative>({
  name: 'derivative-at-point',
  domain: DOMAIN,
  subtopic: 'derivatives',
  sample: (rng) => ({ coeffs: randomPolynomial(rng, rng.int(2, 4)), x0: rng.int(-4, 4) }),
  render({ coeffs, x0 }, rng) {
    const p = formatPolynomial(coeffs);
    return rng.pick([
      `Find the derivative of f(x) = ${p} at x = ${x0}.`,
      `If f(x) = ${p}, what is f'(${x0})?`,
      `What is the slope of the tangent line to the curve y = ${p} at x = ${x0}?`,
      `Compute the instantaneous rate of change of f(x) = ${p} at x = ${x0}.`,
    ]);
  },
  parse(text) {
    if (!/derivative|f'\(|slope of the tangent|rate of change/.test(text)) return undefined;
    const def = /(?:f\(x\)|y)\s*=\s*([-+\d x^]+?)\s*(?:[,.?]|at\b|$)/.exec(text);
    const at = /at x = (-?\d+)|f'\((-?\d+)\)/.exec(text);
    if (!def || !at) return undefined;
    return { coeffs: poly(textAt(def, 1)), x0: Number(at[1] ?? at[2]) };
  },
  work({ coeffs, x0 }) {
    const d = derivative(coeffs);
    const value = evaluate(d, x0);
    return {
      answer: value.toString(),
      steps: [`Differentiate term by term: f'(x) = ${formatPolynomial(d)}.`, `Substitute x = ${x0}: f'(${x0}) = ${String(value)}.`],
    };
  },
});

interface Integral { coeffs: number[]; lo: number; hi: number }

function formatAntiderivative(coeffs: readonly number[]): string {
  const terms = coeffs
    .map((c, d) => ({ c: Fraction.of(c, d + 1), d: d + 1 }))
    .filter((t) => !t.c.isZero())
    .reverse()
    .map((t, i) => {
      const mag = t.c.compare(0) < 0 ? t.c.neg() : t.c;
      const coef = mag.isInteger() ? (mag.num === 1 ? '' : `${String(mag)}`) : `(${String(mag)})`;
      const body = `${coef}x${t.d === 1 ? '' : `^${t.d}`}`;
      return i === 0 ? (t.c.compare(0) < 0 ? `-${body}` : body) : `${t.c.compare(0) < 0 ? '-' : '+'} ${body}`;
    });
  return terms.length === 0 ? '0' : terms.join(' ');
}

const definiteIntegral = defineFamily<Integral>({
  name: 'definite-integral',
  domain: DOMAIN,
  subtopic: 'integrals',
  sample(rng) {
    const lo = rng.int(-3, 3);
    return { coeffs: randomPolynomial(rng, rng.int(1, 3)), lo, hi: lo + rng.int(1, 5) };
  },
  render({ coeffs, lo, hi }, rng) {
    const p = formatPolynomial(coeffs);
    return rng.pick([
      `Evaluate the definite integral of ${p} from x = ${lo} to x = ${hi}.`,
      `Compute \\int_{${lo}}^{${hi}} (${p})\\,dx.`,
      `What is the value of the integral from ${lo} to ${hi} of (${p}) dx?`,
    ]);
  },
  parse(text) {
    const body = /integral of ([-+\d x^]+?) from/.exec(text) ?? /\(([-+\d x^]+)\)\s*(?:\\,)?\s*dx/.exec(text);
    const bounds = /from x = (-?\d+) to x = (-?\d+)/.exec(text) ?? /\\int_\{(-?\d+)\}\^\{(-?\d+)\}/.exec(text)
      ?? /integral from (-?\d+) to (-?\d+)/.exec(text);
    if (!body || !bounds) return undefined;
    return { coeffs: poly(textAt(body, 1)), lo: intAt(bounds, 1), hi: intAt(bounds, 2) };
  },
  work({ coeffs, lo, hi }) {
    const upper = antiderivativeAt(coeffs, hi);
    const lower = antiderivativeAt(coeffs, lo);
    const value = upper.sub(lower);
    return {
      answer: value.toString(),
      steps: [
        `An antiderivative is F(x) = ${formatAntiderivative(coeffs)}.`,
        `F(${hi}) = ${String(upper)} and F(${lo}) = ${String(lower)}.`,
        `The integral is F(${hi}) - F(${lo}) = ${String(value)}.`,
      ],
    };
  },
});

interface Limit { num: number[]; den: number[]; point: number | 'infinity' }

const rationalLimit = defineFamily<Limit>({
  name: 'rational-limit',
  domain: DOMAIN,
  subtopic: 'limits',
  sample(rng) {
    if (rng.chance(0.3)) {
      const n = rng.int(1, 3);
      return { num: randomPolynomial(rng, n), den: randomPolynomial(rng, rng.chance(0.2) ? n + 1 : n), point: 'infinity' };
    }
    const r = rng.int(-6, 6);
    const c = rng.int(1, 4);
    let d = rng.int(-9, 9);
    if (c * r + d === 0) d += 1;
    return { num: multiply([-r, 1], [rng.int(-9, 9), rng.nonZero(-5, 5)]), den: multiply([-r, 1], [d, c]), point: r };
  },
  render({ num, den, point }, rng) {
    const n = formatPolynomial(num);
    const d = formatPolynomial(den);
    const tex = point === 'infinity' ? '\\infty' : `${point}`;
    return rng.pick([
      `Find the limit of (${n})/(${d}) as x approaches ${point}.`,
      `Evaluate \\lim_{x \\to ${tex}} \\frac{${n}}{${d}}.`,
      `What is the limit as x approaches ${point} of (${n})/(${d})?`,
    ]);
  },
  parse(text) {
    if (!/limit|\\lim/.test(text)) return undefined;
    const ratio = /\(([-+\d x^]+)\)\s*\/\s*\(([-+\d x^]+)\)/.exec(text) ?? /\\frac\{([^{}]+)\}\{([^{}]+)\}/.exec(text);
    const at = /(?:approaches|\\to)\s*(-?\d+|infinity|\\infty)/.exec(text);
    if (!ratio || !at) return undefined;
    const raw = textAt(at, 1);
    return { num: poly(textAt(ratio, 1)), den: poly(textAt(ratio, 2)), point: /\d/.test(raw) ? Number(raw) : 'infinity' };
  },
  work({ num, den, point }) {
    if (point === 'infinity') return limitAtInfinity(num, den);
    let n = num;
    let d = den;
    const steps: string[] = [];
    for (let round = 0; round < 4; round++) {
      const top = evaluate(n, point);
      const bottom = evaluate(d, point);
      if (!bottom.isZero()) {
        const value = top.div(bottom);
        steps.push(`Substituting x = ${point} gives ${String(top)}/${String(bottom)} = ${String(value)}.`);
        return { answer: value.toString(), steps };
      }
      if (!top.isZero()) throw new ProblemParseError('the limit does not exist');
      n = derivative(n);
      d = derivative(d);
      steps.push(
        `Substituting x = ${point} gives 0/0, so apply L'Hôpital's rule: differentiate to get (${formatPolynomial(n)})/(${formatPolynomial(d)}).`,
      );
    }
    throw new ProblemParseError('too many indeterminate rounds');
  },
});

function limitAtInfinity(num: readonly number[], den: readonly number[]): Solution {
  const dn = degreeOf(num);
  const dd = degreeOf(den);
  if (dd < 0 || dn > dd) throw new ProblemParseError('the limit is infinite');
  if (dn < dd) {
    return { answer: '0', steps: [`The numerator has degree ${dn}, lower than the denominator's degree ${dd}, so the limit is 0.`] };
  }
  const value = Fraction.of(num[dn] ?? 0, den[dd] ?? 1);
  return {
    answer: value.toString(),
    steps: [
      `Both numerator and denominator have degree ${dn}, so only the leading terms matter.`,
      `The limit is the ratio of leading coefficients: ${num[dn]}/${den[dd]} = ${String(value)}.`,
    ],
  };
}

type SeriesKind = 'arith-sum' | 'arith-term' | 'geo-sum' | 'inf-geo';
interface Series { kind: SeriesKind; terms: [number, number, number]; n: number }

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const series = defineFamily<Series>({
  name: 'series',
  domain: DOMAIN,
  subtopic: 'series',
  sample(rng) {
    const kind = rng.pick<SeriesKind>(['arith-sum', 'arith-sum', 'arith-term', 'arith-term', 'geo-sum', 'inf-geo']);
    if (kind === 'arith-sum' || kind === 'arith-term') {
      const a = rng.int(-20, 30);
      const d = rng.nonZero(-9, 12);
      return { kind, terms: [a, a + d, a + 2 * d], n: rng.int(5, 40) };
    }
    if (kind === 'geo-sum') {
      const a = rng.nonZero(-30, 30);
      const r = rng.pick([2, 3, -2, -3, 4, -4, 5]);
      return { kind, terms: [a, a * r, a * r * r], n: rng.int(3, 10) };
    }
    const q = rng.int(2, 7);
    let p = rng.nonZero(1 - q, q - 1);
    if (Fraction.of(p, q).den !== q) p = p > 0 ? 1 : -1;
    const k = rng.int(1, 40);
    return { kind, terms: [k * q * q, k * p * q, k * p * p], n: 0 };
  },
  render({ kind, terms, n }, rng) {
    const list = `${terms.join(', ')}, ...`;
    if (kind === 'arith-sum') return rng.pick([`Find the sum of the first ${n} terms of the arithmetic sequence ${list}`, `What is the sum of the first ${n} terms of the arithmetic progression ${list}?`]);
    if (kind === 'arith-term') return rng.pick([`What is the ${ordinal(n)} term of the arithmetic sequence ${list}?`, `Find the ${ordinal(n)} term of the arithmetic progression ${list}`]);
    if (kind === 'geo-sum') return rng.pick([`Find the sum of the first ${n} terms of the geometric sequence ${list}`, `What is the sum of the first ${n} terms of the geometric progression ${list}?`]);
    if (terms[1] > 0 && rng.chance(0.5)) return `What is the sum of the infinite geometric series ${terms.join(' + ')} + ...?`;
    return `Find the sum of the infinite geometric series whose first terms are ${list}`;
  },
  parse(text) {
    const t = /(-?\d+)(?:,| \+) (-?\d+)(?:,| \+) (-?\d+)(?:,| \+) \.\.\./.exec(text);
    if (!t) return undefined;
    const terms: [number, number, number] = [intAt(t, 1), intAt(t, 2), intAt(t, 3)];
    const first = /sum of the first (\d+) terms/.exec(text);
    const nth = /(\d+)(?:st|nd|rd|th) term/.exec(text);
    if (/infinite geometric/.test(text)) return { kind: 'inf-geo', terms, n: 0 };
    if (/geometric/.test(text) && first) return { kind: 'geo-sum', terms, n: intAt(first, 1) };
    if (/arithmetic/.test(text) && first) return { kind: 'arith-sum', terms, n: intAt(first, 1) };
    if (/arithmetic/.test(text) && nth) return { kind: 'arith-term', terms, n: intAt(nth, 1) };
    return undefined;
  },
  work({ kind, terms: [a, b, c], n }) {
    if (kind === 'arith-sum' || kind === 'arith-term') {
      const d = b - a;
      if (c - b !== d) throw new ProblemParseError('not arithmetic');
      const intro = `The first term is ${a} and the common difference is ${d}.`;
      if (kind === 'arith-term') {
        const value = a + (n - 1) * d;
        return { answer: `${value}`, steps: [intro, `The ${ordinal(n)} term is a + (n - 1)d = ${a} + ${n - 1}(${d}) = ${value}.`] };
      }
      const sum = Fraction.of(n * (2 * a + (n - 1) * d), 2);
      return { answer: sum.toString(), steps: [intro, `S_n = n/2 (2a + (n - 1)d) = ${n}/2 (${2 * a} + ${(n - 1) * d}) = ${String(sum)}.`] };
    }
    if (a === 0 || b * b !== a * c) throw new ProblemParseError('not geometric');
    const r = Fraction.of(b, a);
    const intro = `The first term is ${a} and the common ratio is ${b}/${a} = ${String(r)}.`;
    if (kind === 'inf-geo') {
      if (Math.abs(r.toNumber()) >= 1) throw new ProblemParseError('divergent series');
      const sum = Fraction.of(a).div(Fraction.of(1).sub(r));
      return { answer: sum.toString(), steps: [intro, `Since |r| < 1 the sum is a/(1 - r) = ${a}/(1 - (${String(r)})) = ${String(sum)}.`] };
    }
    let power = Fraction.of(1);
    for (let i = 0; i < n; i++) power = power.mul(r);
    const sum = Fraction.of(a).mul(power.sub(1)).div(r.sub(1));
    return { answer: sum.toString(), steps: [intro, `S_n = a(r^n - 1)/(r - 1) = ${a}((${String(r)})^${n} - 1)/(${String(r)} - 1) = ${String(sum)}.`] };
  },
});

type OptimizationKind = 'max' | 'min' | 'argmax' | 'argmin' | 'fence3' | 'fence4' | 'product';
interface Optimization { kind: OptimizationKind; coeffs: number[]; amount: number; unit: string; name: string }

const optimization = defineFamily<Optimization>({
  name: 'optimization',
  domain: DOMAIN,
  subtopic: 'optimization',
  sample(rng) {
    const kind = rng.pick<OptimizationKind>(['max', 'min', 'argmax', 'argmin', 'fence3', 'fence4', 'product']);
    const lead = rng.int(1, 6) * (kind === 'max' || kind === 'argmax' ? -1 : 1);
    return { kind, coeffs: [rng.int(-20, 20), rng.int(-24, 24), lead], amount: rng.int(20, 600), unit: rng.pick(['meters', 'feet', 'yards']), name: rng.pick(NAMES) };
  },
  render({ kind, coeffs, amount, unit, name }, rng) {
    const p = formatPolynomial(coeffs);
    const extreme = kind === 'max' || kind === 'argmax' ? 'maximum' : 'minimum';
    switch (kind) {
      case 'max':
      case 'min':
        return rng.pick([`Find the ${extreme} value of f(x) = ${p}.`, `What is the ${kind === 'max' ? 'largest' : 'smallest'} value that y = ${p} can take?`]);
      case 'argmax':
      case 'argmin':
        return rng.pick([`For what value of x does f(x) = ${p} reach its ${extreme}?`, `At which x does y = ${p} attain its ${extreme} value?`]);
      case 'fence3':
        return `${name} has ${amount} ${unit} of fencing to enclose a rectangular garden along a straight wall, so only three sides need fencing. What is the largest area, in square ${unit}, that can be enclosed?`;
      case 'fence4':
        return `${name} has ${amount} ${unit} of fencing to build a rectangular pen. What is the maximum area, in square ${unit}, the pen can have?`;
      case 'product':
        return rng.pick([`Two nonnegative numbers have a sum of ${amount}. What is the largest possible value of their product?`, `Find the maximum product of two nonnegative real numbers whose sum is ${amount}.`]);
    }
  },
  parse(text) {
    const fence = /(\w+) has (\d+) (meters|feet|yards) of fencing/.exec(text);
    if (fence) return { kind: /three sides/.test(text) ? 'fence3' : 'fence4', coeffs: [], amount: intAt(fence, 2), unit: textAt(fence, 3), name: textAt(fence, 1) };
    const product = /sum of (\d+)\. What is the largest possible value of their product|maximum product of two nonnegative real numbers whose sum is (\d+)/.exec(text);
    if (product) return { kind: 'product', coeffs: [], amount: Number(product[1] ?? product[2]), unit: '', name: '' };
    if (!/maximum|minimum|largest value|smallest value/.test(text)) return undefined;
    const def = /(?:f\(x\)|y)\s*=\s*([-+\d x^]+?)\s*(?:[.?,]|reach|attain|can\b|$)/.exec(text);
    if (!def) return undefined;
    const max = /maximum|largest/.test(text);
    const arg = /for what value of x|at which x/i.test(text);
    const kind: OptimizationKind = arg ? (max ? 'argmax' : 'argmin') : max ? 'max' : 'min';
    return { kind, coeffs: poly(textAt(def, 1)), amount: 0, unit: '', name: '' };
  },
  work({ kind, coeffs, amount }) {
    if (kind === 'fence3') {
      const area = Fraction.of(amount * amount, 8);
      return { answer: area.toString(), steps: [`With the side parallel to the wall of length ${amount} - 2x, the area is A(x) = x(${amount} - 2x).`, `A'(x) = ${amount} - 4x = 0 gives x = ${String(Fraction.of(amount, 4))}.`, `The maximum area is ${amount}^2/8 = ${String(area)}.`] };
    }
    if (kind === 'fence4') {
      const area = Fraction.of(amount * amount, 16);
      return { answer: area.toString(), steps: [`With sides x and ${amount}/2 - x, the area is A(x) = x(${String(Fraction.of(amount, 2))} - x).`, `A'(x) = 0 gives x = ${String(Fraction.of(amount, 4))}, a square.`, `The maximum area is ${amount}^2/16 = ${String(area)}.`] };
    }
    if (kind === 'product') {
      const best = Fraction.of(amount * amount, 4);
      return { answer: best.toString(), steps: [`The product is P(x) = x(${amount} - x).`, `P'(x) = ${amount} - 2x = 0 gives x = ${String(Fraction.of(amount, 2))}.`, `The largest product is (${amount}/2)^2 = ${String(best)}.`] };
    }
    const [, b = 0, a = 0] = coeffs;
    if (coeffs.length !== 3 || a === 0) throw new ProblemParseError('not a quadratic');
    const wantsMax = kind === 'max' || kind === 'argmax';
    if (wantsMax !== a < 0) throw new ProblemParseError('no such extremum');
    const x = Fraction.of(-b, 2 * a);
    const value = evaluate(coeffs, x);
    const steps = [`f'(x) = ${formatPolynomial([b, 2 * a])}.`, `Setting f'(x) = 0 gives x = ${String(x)}; the leading coefficient is ${a < 0 ? 'negative, so this is a maximum' : 'positive, so this is a minimum'}.`];
    if (kind === 'argmax' || kind === 'argmin') return { answer: x.toString(), steps: [...steps, `The ${wantsMax ? 'maximum' : 'minimum'} occurs at x = ${String(x)}.`] };
    return { answer: value.toString(), steps: [...steps, `The ${wantsMax ? 'maximum' : 'minimum'} value is f(${String(x)}) = ${String(value)}.`] };
  },
});

/** Every calculus family, one or more per subtopic of configs/domains.json. */
export function calculusFamilies(): ProblemFamily[] {
  return [derivativeAtPoint, definiteIntegral, rationalLimit, series, optimization];
}
