import { Fraction } from '../problems/fraction.js';
import { evaluate, formatPolynomial as fp } from '../problems/polynomial.js';
import { answer } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { FamilyAnswer, RealisticFamily } from './family-types.js';
import { int, linearFactor, nat, poly, word } from './slot-kinds.js';
import { par } from './step-format.js';

const DOMAIN = 'calculus';

const removableLimit = defineFamily<{ top: number[]; r: number; at: number }>({
  name: 'removable-limit',
  domain: DOMAIN,
  subtopic: 'limits',
  intent: 'evaluate a limit of a rational function with a removable discontinuity',
  knowledge: 'factoring and cancelling a common factor',
  slots: { top: poly(), r: linearFactor, at: int },
  templates: ['Find the limit of ({top})/({r}) as x approaches {at}.', 'Evaluate lim_(x→{at}) ({top})/({r}).', 'What value does ({top})/({r}) approach as x tends to {at}?'],
  levels: [1, 2],
  sample(rng, level) {
    const r = rng.nonZero(-6, 6);
    const s = rng.int(-9, 9);
    const m = level === 1 ? 1 : rng.int(2, 4);
    return { top: [m * r * s, -m * (r + s), m], r, at: r };
  },
  difficulty: (p) => ((p.top[2] ?? 1) === 1 ? 1 : 2),
  valid: (p) => p.at === p.r && p.top.length === 3 && evaluate(p.top, p.r).isZero(),
  derive(p, d) {
    const [, b = 0, a = 1] = p.top;
    d.note(`x = ${p.r} is a root of the numerator, so x - ${par(p.r)} cancels.`);
    const other = d.num('the other root', () => Fraction.of(-b, a).sub(p.r), (v) => `The numerator is ${a}(x - ${par(p.r)})(x - ${par(v)}).`);
    return answer.frac(d.num('the limit', () => other.neg().add(p.r).mul(a), (v) => `The limit is ${a}(${p.r} - ${par(other)}) = ${String(v)}.`));
  },
});

const limitAtInfinity = defineFamily<{ top: number[]; bottom: number[] }>({
  name: 'limit-at-infinity',
  domain: DOMAIN,
  subtopic: 'limits',
  intent: 'evaluate the limit of a rational function at infinity',
  knowledge: 'comparing leading terms',
  slots: { top: poly(), bottom: poly() },
  templates: ['Compute the limit of ({top})/({bottom}) as x goes to infinity.', 'What is lim as x → ∞ of ({top})/({bottom})?'],
  levels: [2],
  sample(rng) {
    const degree = rng.int(2, 4);
    const top = Array.from({ length: degree + 1 }, () => rng.int(-9, 9));
    const bottom = Array.from({ length: degree + 1 }, () => rng.int(-9, 9));
    top[degree] = rng.nonZero(-9, 9);
    bottom[degree] = rng.nonZero(-9, 9);
    return { top, bottom };
  },
  difficulty: () => 2,
  valid: (p) => p.top.length === p.bottom.length && (p.bottom.at(-1) ?? 0) !== 0,
  derive(p, d) {
    const n = p.top.length - 1;
    const lead = d.int('the leading coefficient of the numerator', () => p.top[n] ?? 0, (v) => `Both have degree ${n}; the numerator leads with ${v}x^${n}`);
    const leadB = d.int('the leading coefficient of the denominator', () => p.bottom[n] ?? 1, (v) => `and the denominator with ${v}x^${n}.`, { nonZero: true });
    return answer.frac(d.num('the limit', () => Fraction.of(lead, leadB), (v) => `The limit is the ratio ${lead}/${par(leadB)} = ${String(v)}.`));
  },
});

const conjugateLimit = defineFamily<{ a: number; k: number }>({
  name: 'conjugate-limit',
  domain: DOMAIN,
  subtopic: 'limits',
  intent: 'evaluate a limit with a square root by rationalising',
  knowledge: 'multiplying by the conjugate',
  slots: { a: nat, k: nat },
  templates: ['Find the limit of (√({k}x + {a}) - √{a})/x as x approaches 0.', 'Evaluate lim_(x→0) (sqrt({k}x + {a}) - sqrt({a}))/x.'],
  levels: [3],
  sample: (rng) => ({ a: rng.pick([1, 4, 9, 16, 25, 36, 49]), k: rng.int(1, 9) }),
  difficulty: () => 3,
  valid: (p) => Number.isInteger(Math.sqrt(p.a)) && p.a > 0,
  derive(p, d) {
    d.note(`Multiply by the conjugate: the numerator becomes ${p.k}x, leaving ${p.k}/(√(${p.k}x + ${p.a}) + √${p.a}).`);
    const root = d.int(`the square root of ${p.a}`, () => Math.sqrt(p.a), (v) => `√${p.a} = ${v}.`, { exact: true });
    return answer.frac(d.num('the limit', () => Fraction.of(p.k, 2 * root), (v) => `At x = 0 this is ${p.k}/(2·${root}) = ${String(v)}.`));
  },
});

const trigLimit = defineFamily<{ a: number; b: number; shape: 'sine' | 'cosine' }>({
  name: 'trigonometric-limit',
  domain: DOMAIN,
  subtopic: 'limits',
  intent: 'evaluate a trigonometric limit at zero',
  knowledge: 'sin(u)/u → 1 and 1 - cos(u) ≈ u²/2',
  slots: { a: nat, b: nat, shape: word(['sine', 'cosine']) },
  templates: [
    { text: 'Evaluate the limit of sin({a}x)/({b}x) as x approaches 0.', when: { shape: 'sine' } },
    { text: 'Evaluate the limit of (1 - cos({a}x))/({b}x^2) as x approaches 0.', when: { shape: 'cosine' } },
    { text: 'What is lim_(x→0) (1 - cos({a}x))/({b}x^2)?', when: { shape: 'cosine' } },
  ],
  levels: [3, 4],
  sample: (rng, level) => ({ a: rng.int(2, 9), b: rng.int(2, 9), shape: level === 3 ? 'sine' : 'cosine' }),
  difficulty: (p) => (p.shape === 'sine' ? 3 : 4),
  valid: (p) => p.b >= 1,
  derive(p, d) {
    if (p.shape === 'sine') {
      d.note(`Write sin(${p.a}x)/(${p.b}x) = (${p.a}/${p.b})·sin(${p.a}x)/(${p.a}x), and sin(u)/u → 1.`);
      return answer.frac(d.num('the limit', () => Fraction.of(p.a, p.b), (v) => `The limit is ${String(v)}.`));
    }
    const square = d.int('the coefficient of x^2 in the numerator', () => p.a * p.a, (v) => `Since 1 - cos(u) ≈ u^2/2, the numerator behaves like ${v}x^2/2.`);
    return answer.frac(d.num('the limit', () => Fraction.of(square, 2 * p.b), (v) => `So the limit is ${square}/(2·${p.b}) = ${String(v)}.`));
  },
});

const eLimit = defineFamily<{ a: number; b: number }>({
  name: 'compound-interest-limit',
  domain: DOMAIN,
  subtopic: 'limits',
  intent: 'evaluate a limit of the form (1 + a/n)^(bn)',
  knowledge: 'the definition of e as a limit',
  slots: { a: int, b: nat },
  templates: ['Compute the limit of (1 + {a}/n)^({b}n) as n tends to infinity.', 'Evaluate lim_(n→∞) (1 + {a}/n)^({b}n). Express the answer as a power of e.'],
  levels: [5],
  sample: (rng) => ({ a: rng.nonZero(-5, 6), b: rng.int(1, 5) }),
  difficulty: () => 5,
  valid: (p) => p.a !== 0 && p.b >= 1,
  derive(p, d) {
    d.note(`Rewrite as ((1 + ${p.a}/n)^(n/${p.a}))^(${p.a * p.b}); the inner power tends to e.`);
    const exponent = d.int('the exponent of e', () => p.a * p.b, (v) => `So the limit is e^${v}.`, { nonZero: true });
    return { latex: `e^{${exponent}}`, kind: 'expression' } satisfies FamilyAnswer;
  },
});

const arithmeticSeries = defineFamily<{ first: number; diff: number; n: number; k: number; ak: number; m: number; am: number; given: 'start' | 'terms' }>({
  name: 'arithmetic-series',
  domain: DOMAIN,
  subtopic: 'series',
  intent: 'sum the first terms of an arithmetic sequence',
  knowledge: 'the arithmetic series formula',
  slots: { first: int, diff: int, n: nat, k: nat, ak: int, m: nat, am: int, given: word(['start', 'terms']) },
  defaults: { first: 0, diff: 0, k: 0, ak: 0, m: 0, am: 0 },
  templates: [
    { text: 'An arithmetic sequence starts at {first} and has common difference {diff}. What is the sum of its first {n} terms?', when: { given: 'start' } },
    { text: 'Find the sum of the first {n} terms of the arithmetic sequence with first term {first} and common difference {diff}.', when: { given: 'start' } },
    { text: 'In an arithmetic sequence, term {k} is {ak} and term {m} is {am}. Find the sum of the first {n} terms.', when: { given: 'terms' } },
  ],
  levels: [1, 2],
  sample(rng, level) {
    const [first, diff, n] = [rng.int(-20, 30), rng.nonZero(-7, 9), rng.int(5, 40)];
    if (level === 1) return { first, diff, n, k: 0, ak: 0, m: 0, am: 0, given: 'start' };
    const k = rng.int(2, 6);
    const m = k + rng.int(2, 8);
    return { first: 0, diff: 0, n, k, ak: first + (k - 1) * diff, m, am: first + (m - 1) * diff, given: 'terms' };
  },
  difficulty: (p) => (p.given === 'start' ? 1 : 2),
  valid: (p) => p.given === 'start' || (p.m > p.k && (p.am - p.ak) % (p.m - p.k) === 0),
  derive(p, d) {
    let [first, diff] = [p.first, p.diff];
    if (p.given === 'terms') {
      diff = d.int('the common difference', () => (p.am - p.ak) / (p.m - p.k), (v) => `The difference is (${p.am} - ${par(p.ak)})/(${p.m} - ${p.k}) = ${v}.`);
      first = d.int('the first term', () => p.ak - (p.k - 1) * diff, (v) => `The first term is ${p.ak} - ${p.k - 1}·${par(diff)} = ${v}.`);
    }
    if (d.path(2) === 1) {
      const inner = d.int('2a_1 + (n - 1)d', () => 2 * first + (p.n - 1) * diff, (v) => `With S = (n/2)(2a_1 + (n - 1)d): 2·${par(first)} + ${p.n - 1}·${par(diff)} = ${v}.`);
      return answer.frac(d.num('the sum', () => Fraction.of(p.n * inner, 2), (v) => `So S = ${p.n}·${par(inner)}/2 = ${String(v)}.`));
    }
    const last = d.int('the last term', () => first + (p.n - 1) * diff, (v) => `Term ${p.n} is ${first} + ${p.n - 1}·${par(diff)} = ${v}.`);
    return answer.frac(d.num('the sum', () => Fraction.of(p.n * (first + last), 2), (v) => [`The sum is ${p.n}(${first} + ${par(last)})/2 = ${String(v)}.`, `Pairing terms, S = n(a_1 + a_n)/2 = ${String(v)}.`]));
  },
});

const geometricSeries = defineFamily<{ a: number; p: number; q: number; ask: 'all' | 'odd' }>({
  name: 'infinite-geometric-series',
  domain: DOMAIN,
  subtopic: 'series',
  intent: 'sum an infinite geometric series',
  knowledge: 'the formula a/(1 - r) for |r| < 1',
  slots: { a: int, p: int, q: nat, ask: word(['all', 'odd']) },
  templates: [
    { text: 'Find the sum of the infinite geometric series with first term {a} and common ratio {p}/{q}.', when: { ask: 'all' } },
    { text: 'An infinite geometric series has first term {a} and ratio {p}/{q}. What is its sum?', when: { ask: 'all' } },
    { text: 'An infinite geometric series has first term {a} and ratio {p}/{q}. Find the sum of its terms in odd positions (the 1st, 3rd, 5th, …).', when: { ask: 'odd' } },
  ],
  levels: [2, 3],
  sample(rng, level) {
    const q = rng.int(2, 9);
    return { a: rng.nonZero(-30, 60), p: rng.nonZero(-(q - 1), q - 1), q, ask: level === 2 ? 'all' : 'odd' };
  },
  difficulty: (p) => (p.ask === 'all' ? 2 : 3),
  valid: (p) => p.q > Math.abs(p.p) && p.p !== 0,
  derive(p, d) {
    let ratio = d.num('the ratio', () => Fraction.of(p.p, p.q), (v) => `The ratio is r = ${String(v)}, and |r| < 1.`);
    if (p.ask === 'odd') ratio = d.num('the ratio of the odd terms', () => ratio.mul(ratio), (v) => `The odd-position terms form a geometric series with ratio r^2 = ${String(v)}.`);
    const denominator = d.num('1 - r', () => Fraction.of(1).sub(ratio), (v) => `1 - r = ${String(v)}.`, { nonZero: true });
    return answer.frac(d.num('the sum', () => Fraction.of(p.a).div(denominator), (v) => `The sum is ${p.a}/(${String(denominator)}) = ${String(v)}.`));
  },
});

const telescoping = defineFamily<{ n: number; gap: number }>({
  name: 'telescoping-sum',
  domain: DOMAIN,
  subtopic: 'series',
  intent: 'evaluate a telescoping sum',
  knowledge: 'partial fractions and telescoping',
  slots: { n: nat, gap: nat },
  templates: ['Compute the sum of 1/(k(k + {gap})) for k = 1 to {n}.', 'Evaluate Σ_{k=1}^{{n}} 1/(k(k+{gap})).'],
  levels: [4, 5],
  sample: (rng, level) => ({ n: rng.int(5, 60), gap: level === 4 ? 1 : 2 }),
  difficulty: (p) => (p.gap === 1 ? 4 : 5),
  valid: (p) => p.gap >= 1 && p.gap <= 2 && p.n >= p.gap,
  derive(p, d) {
    d.note(`Partial fractions: 1/(k(k+${p.gap})) = (1/${p.gap})(1/k - 1/(k+${p.gap})).`);
    let kept = Fraction.of(0);
    for (let j = 1; j <= p.gap; j++) kept = kept.add(Fraction.of(1, j)).sub(Fraction.of(1, p.n + j));
    const inside = d.num('the telescoped bracket', () => kept, (v) => `Everything cancels except ${p.gap === 1 ? `1 - 1/${p.n + 1}` : `1 + 1/2 - 1/${p.n + 1} - 1/${p.n + 2}`} = ${String(v)}.`);
    return answer.frac(d.num('the sum', () => inside.div(p.gap), (v) => `Dividing by ${p.gap} gives ${String(v)}.`));
  },
});

const weightedSeries = defineFamily<{ b: number }>({
  name: 'arithmetico-geometric-series',
  domain: DOMAIN,
  subtopic: 'series',
  intent: 'sum the series Σ k / b^k',
  knowledge: 'differentiating the geometric series',
  slots: { b: nat },
  templates: ['Find the exact value of the infinite sum 1/{b} + 2/{b}^2 + 3/{b}^3 + 4/{b}^4 + ….', 'Evaluate Σ_{k≥1} k/{b}^k.'],
  levels: [5],
  sample: (rng) => ({ b: rng.int(2, 12) }),
  difficulty: () => 5,
  valid: (p) => p.b >= 2,
  derive(p, d) {
    d.note(`Σ k x^k = x/(1 - x)^2 for |x| < 1; here x = 1/${p.b}.`);
    const bMinus = d.int('the numerator of 1 - x', () => p.b - 1, (v) => `With x = 1/${p.b}, 1 - x = ${v}/${p.b}.`, { exact: true });
    return answer.frac(d.num('the sum', () => Fraction.of(p.b, bMinus * bMinus), (v) => `So the sum is (1/${p.b})/(${bMinus}/${p.b})^2 = ${p.b}/${bMinus * bMinus} = ${String(v)}.`));
  },
});

const fencing = defineFamily<{ length: number; sides: 'three' | 'four' }>({
  name: 'fence-optimisation',
  domain: DOMAIN,
  subtopic: 'optimization',
  intent: 'maximise the area enclosed by a fence of fixed length',
  knowledge: 'optimising a quadratic with the derivative',
  slots: { length: nat, sides: word(['three', 'four']) },
  templates: [
    { text: 'A farmer has {length} m of fence to enclose a rectangle along a straight river, fencing only three sides. What is the largest area she can enclose?', when: { sides: 'three' } },
    { text: 'With {length} metres of fencing for three sides of a rectangular plot (the fourth side is a wall), what is the maximum possible area?', when: { sides: 'three' } },
    { text: 'What is the largest area of a rectangle whose perimeter is {length}?', when: { sides: 'four' } },
  ],
  levels: [1, 2],
  sample: (rng, level) => ({ length: 4 * rng.int(5, 100), sides: level === 1 ? 'four' : 'three' }),
  difficulty: (p) => (p.sides === 'four' ? 1 : 2),
  valid: (p) => p.length > 0,
  derive(p, d) {
    if (p.sides === 'four') {
      const side = d.num('the best side', () => Fraction.of(p.length, 4), (v) => `For a fixed perimeter the square is best, with side ${String(v)}.`);
      return answer.frac(d.num('the area', () => side.mul(side), (v) => `Its area is ${String(v)}.`));
    }
    d.note(`With two sides x perpendicular to the river, the area is A(x) = x(${p.length} - 2x).`);
    const x = d.num('the best width', () => Fraction.of(p.length, 4), (v) => `A'(x) = ${p.length} - 4x = 0 gives x = ${String(v)}.`);
    return answer.frac(d.num('the maximum area', () => x.mul(Fraction.of(p.length).sub(x.mul(2))), (v) => `The area is ${String(x)}·${String(Fraction.of(p.length).sub(x.mul(2)))} = ${String(v)}.`));
  },
});

const cubicExtremum = defineFamily<{ f: number[]; lo: number; hi: number }>({
  name: 'extreme-value-on-interval',
  domain: DOMAIN,
  subtopic: 'optimization',
  intent: 'find the maximum of a cubic on a closed interval',
  knowledge: 'comparing critical points and endpoints',
  slots: { f: poly(), lo: int, hi: int },
  templates: ['Find the maximum value of f(x) = {f} on the closed interval [{lo}, {hi}].', 'What is the largest value that {f} takes for {lo} ≤ x ≤ {hi}?'],
  levels: [3],
  sample(rng) {
    const r = rng.int(-4, 1);
    const s = r + 2 * rng.int(1, 3);
    // f'(x) = 3(x - r)(x - s): integer critical points r < s.
    return { f: [rng.int(-10, 10), 3 * r * s, (-3 * (r + s)) / 2, 1], lo: r - rng.int(1, 2), hi: s + rng.int(1, 2) };
  },
  difficulty: () => 3,
  valid: (p) => p.f.length === 4 && p.lo < p.hi,
  derive(p, d) {
    const [, c = 0, b = 0, a = 1] = p.f;
    const disc = b * b - 3 * a * c;
    const candidates = [p.lo, p.hi];
    const root = Math.round(Math.sqrt(disc));
    if (disc > 0 && root * root === disc) {
      for (const x of [Fraction.of(-b + root, 3 * a), Fraction.of(-b - root, 3 * a)]) if (x.isInteger() && x.num > p.lo && x.num < p.hi) candidates.push(x.num);
    }
    d.note(`f'(x) = ${fp([c, 2 * b, 3 * a])}; the candidates are x = ${candidates.join(', ')}.`);
    let best: Fraction | undefined;
    for (const x of candidates) {
      const value = d.num(`f(${x})`, () => evaluate(p.f, x), (v) => `f(${x}) = ${String(v)}.`);
      if (!best || value.compare(best) > 0) best = value;
    }
    return answer.frac(best ?? Fraction.of(0));
  },
});

const openBox = defineFamily<{ s: number }>({
  name: 'open-box-volume',
  domain: DOMAIN,
  subtopic: 'optimization',
  intent: 'maximise the volume of an open box cut from a square sheet',
  knowledge: 'setting the derivative of a cubic volume to zero',
  slots: { s: nat },
  templates: ['Equal squares are cut from the corners of a {s} cm by {s} cm sheet and the sides folded up into an open box. What is the largest possible volume?', 'An open box is made from a square sheet of side {s} by cutting out equal corner squares. Find the maximum volume.'],
  levels: [4],
  sample: (rng) => ({ s: 6 * rng.int(1, 10) }),
  difficulty: () => 4,
  valid: (p) => p.s > 0,
  derive(p, d) {
    d.note(`With cut x, V(x) = x(${p.s} - 2x)^2 and V'(x) = (${p.s} - 2x)(${p.s} - 6x).`);
    const x = d.num('the best cut', () => Fraction.of(p.s, 6), (v) => `The interior critical point is x = ${p.s}/6 = ${String(v)}.`);
    const base = d.num('the base side', () => Fraction.of(p.s).sub(x.mul(2)), (v) => `The base side is ${p.s} - 2·${String(x)} = ${String(v)}.`);
    return answer.frac(d.num('the volume', () => x.mul(base).mul(base), (v) => `V = ${String(x)}·${String(base)}^2 = ${String(v)}.`));
  },
});

const closestPoint = defineFamily<{ a: number; b: number }>({
  name: 'closest-point-on-parabola',
  domain: DOMAIN,
  subtopic: 'optimization',
  intent: 'find the minimum distance from a point to a parabola',
  knowledge: 'minimising the squared distance',
  slots: { a: nat, b: nat },
  templates: ['What is the shortest distance from the point (0, {a}) to the parabola y = x^2/{b}?', 'Find the minimum distance between the point (0, {a}) and a point on the curve y = x^2/{b}.'],
  levels: [5],
  sample: (rng) => ({ a: rng.int(3, 20), b: rng.pick([1, 2, 4]) }),
  difficulty: () => 5,
  valid: (p) => 2 * p.a > p.b && p.b >= 1,
  derive(p, d) {
    d.note(`With x^2 = ${p.b}y, the squared distance is D(y) = ${p.b}y + (y - ${p.a})^2.`);
    const y = d.num('the best height', () => Fraction.of(2 * p.a - p.b, 2), (v) => `D'(y) = ${p.b} + 2(y - ${p.a}) = 0 gives y = ${String(v)}.`, { min: 0 });
    const squared = d.num('the squared distance', () => y.mul(p.b).add(y.sub(p.a).mul(y.sub(p.a))), (v) => `Then D = ${p.b}·${String(y)} + (${String(y.sub(p.a))})^2 = ${String(v)}.`, { min: 0 });
    return answer.radical(Fraction.of(1, squared.den), squared.num * squared.den);
  },
});

export function calculusLimitSeriesFamilies(): RealisticFamily[] {
  return [removableLimit, limitAtInfinity, conjugateLimit, trigLimit, eLimit, arithmeticSeries, geometricSeries, telescoping, weightedSeries, fencing, cubicExtremum, openBox, closestPoint];
}
