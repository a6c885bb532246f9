import { Fraction } from '../problems/fraction.js';
import { binomial } from '../problems/integer-math.js';
import { evaluate, formatPolynomial as fp } from '../problems/polynomial.js';
import { answer, surdSumLatex } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { RealisticFamily } from './family-types.js';
import { int, intChoice, linearFactor, nat, poly, word } from './slot-kinds.js';
import { par } from './step-format.js';

const DOMAIN = 'algebra';

const surdRoots = defineFamily<{ p: number[]; which: 'larger' | 'smaller' }>({
  name: 'quadratic-irrational-root',
  domain: DOMAIN,
  subtopic: 'quadratics',
  intent: 'find an irrational root of a quadratic equation',
  knowledge: 'the quadratic formula and simplifying square roots',
  slots: { p: poly(), which: word(['larger', 'smaller']) },
  templates: [
    'Find the {which} root of {p} = 0 in simplest radical form.',
    'What is the {which} solution of the equation {p} = 0? Express it in simplest radical form.',
  ],
  levels: [3],
  sample(rng) {
    for (;;) {
      const [a, b, c] = [rng.int(1, 3), rng.int(-12, 12), rng.int(-20, 20)];
      const disc = b * b - 4 * a * c;
      const root = Math.round(Math.sqrt(disc));
      if (disc > 0 && root * root !== disc) return { p: [c, b, a], which: rng.chance(0.5) ? 'larger' : 'smaller' };
    }
  },
  difficulty: () => 3,
  valid: (p) => p.p.length === 3 && (p.p[2] ?? 0) > 0,
  derive(p, d) {
    const [c = 0, b = 0, a = 1] = p.p;
    const disc = d.int('the discriminant', () => b * b - 4 * a * c, (v) => [`The discriminant is b^2 - 4ac = ${b * b} - ${par(4 * a * c)} = ${v}.`, `Here b^2 - 4ac = ${v}.`], { min: 1 });
    d.note(`By the quadratic formula, x = (${-b} ± √${disc})/${2 * a}.`);
    const sign = p.which === 'larger' ? 1 : -1;
    d.note(`The ${p.which} root takes the ${sign > 0 ? 'plus' : 'minus'} sign.`);
    return { latex: surdSumLatex(Fraction.of(-b, 2 * a), Fraction.of(sign, 2 * a), disc), kind: 'radical' };
  },
});

const solutionSet = defineFamily<{ p: number[] }>({
  name: 'quadratic-solution-set',
  domain: DOMAIN,
  subtopic: 'quadratics',
  intent: 'find all real solutions of a quadratic equation',
  knowledge: 'factoring quadratics',
  slots: { p: poly() },
  templates: ['Find all real solutions of {p} = 0.', 'Determine the set of real numbers x with {p} = 0.', 'Solve {p} = 0 over the real numbers and list every solution.'],
  levels: [2],
  sample(rng) {
    const [r, s] = [rng.int(-12, 12), rng.int(-12, 12)];
    const m = rng.int(1, 3);
    return { p: [m * r * s, -m * (r + s), m] };
  },
  difficulty: () => 2,
  valid: (p) => {
    const [c = 0, b = 0, a = 0] = p.p;
    const disc = b * b - 4 * a * c;
    return p.p.length === 3 && a !== 0 && disc >= 0 && Math.round(Math.sqrt(disc)) ** 2 === disc;
  },
  derive(p, d) {
    const [c = 0, b = 0, a = 1] = p.p;
    const disc = d.int('the discriminant', () => b * b - 4 * a * c, (v) => `The discriminant is ${v}.`, { min: 0 });
    const root = Math.round(Math.sqrt(disc));
    if (root * root !== disc) throw new RangeError('not a perfect square');
    const r1 = d.num('the first root', () => Fraction.of(-b + root, 2 * a), (v) => `x = (${-b} + ${root})/${2 * a} = ${String(v)}.`);
    const r2 = d.num('the second root', () => Fraction.of(-b - root, 2 * a), (v) => `x = (${-b} - ${root})/${2 * a} = ${String(v)}.`);
    return answer.set(r1.compare(r2) === 0 ? [r1] : [r1, r2]);
  },
});

const vertex = defineFamily<{ p: number[] }>({
  name: 'parabola-vertex',
  domain: DOMAIN,
  subtopic: 'quadratics',
  intent: 'find the vertex of a parabola',
  knowledge: 'completing the square or x = -b/(2a)',
  slots: { p: poly() },
  templates: ['Find the vertex of the parabola y = {p}.', 'What are the coordinates of the vertex of the graph of y = {p}?'],
  levels: [2, 3],
  sample(rng, level) {
    const a = level === 2 ? rng.nonZero(-3, 3) : rng.pick([2, 3, -2, 4]);
    const b = level === 2 ? 2 * a * rng.int(-6, 6) : 2 * rng.int(-9, 9) + 1;
    return { p: [rng.int(-15, 15), b, a] };
  },
  difficulty: (p) => ((p.p[1] ?? 0) % (2 * (p.p[2] ?? 1)) === 0 ? 2 : 3),
  valid: (p) => p.p.length === 3 && (p.p[2] ?? 0) !== 0,
  derive(p, d) {
    const [c = 0, b = 0, a = 1] = p.p;
    const h = d.num('the x-coordinate of the vertex', () => Fraction.of(-b, 2 * a), (v) => [`The axis of symmetry is x = -b/(2a) = ${String(v)}.`, `Completing the square, the vertex has x = ${String(v)}.`]);
    const k = d.num('the y-coordinate of the vertex', () => evaluate(p.p, h), (v) => `Substituting, y = ${fp([c, b, a])} at x = ${String(h)} gives ${String(v)}.`);
    return answer.tuple([h, k]);
  },
});

const doubleRoot = defineFamily<{ c: number }>({
  name: 'double-root-parameter',
  domain: DOMAIN,
  subtopic: 'quadratics',
  intent: 'find the parameter values that give a quadratic a repeated root',
  knowledge: 'the discriminant of a quadratic equals zero at a double root',
  slots: { c: nat },
  templates: ['Find all real k such that x^2 + kx + {c} = 0 has exactly one real solution.', 'For which real values of k does the equation x^2 + kx + {c} = 0 have a repeated root?'],
  levels: [4],
  sample: (rng) => ({ c: rng.int(2, 30) }),
  difficulty: () => 4,
  valid: (p) => p.c > 0,
  derive(p, d) {
    d.note('A quadratic has exactly one real solution when its discriminant is zero.');
    const k2 = d.int('k^2', () => 4 * p.c, (v) => `k^2 - 4·${p.c} = 0, so k^2 = ${v}.`, { min: 1 });
    const s = surdSumLatex(0, 1, k2);
    const neg = surdSumLatex(0, -1, k2);
    return { latex: `\\{${neg}, ${s}\\}`, kind: 'set', items: [neg, s] };
  },
});

const integerRootsParameter = defineFamily<{ n: number }>({
  name: 'integer-roots-parameter-sum',
  domain: DOMAIN,
  subtopic: 'quadratics',
  intent: 'sum the parameter values for which a quadratic has integer roots',
  knowledge: "Vieta's formulas and divisor pairs",
  slots: { n: nat },
  templates: [
    'Find the sum of all positive integers k such that x^2 - kx + {n} = 0 has two integer roots.',
    'Let S be the set of positive integers k for which both roots of x^2 - kx + {n} = 0 are integers. Find the sum of the elements of S.',
  ],
  levels: [5],
  sample: (rng) => ({ n: rng.int(12, 240) }),
  difficulty: () => 5,
  valid: (p) => p.n >= 2 && p.n <= 100_000,
  derive(p, d) {
    d.note(`If the roots are r and s then rs = ${p.n} and k = r + s; positive k needs r, s > 0.`);
    const pairs: [number, number][] = [];
    for (let r = 1; r * r <= p.n; r++) if (p.n % r === 0) pairs.push([r, p.n / r]);
    const count = d.int('the number of divisor pairs', () => pairs.length, (v) => `${p.n} has ${v} factor pairs r ≤ s: ${pairs.map(([r, s]) => `(${r}, ${s})`).join(', ')}.`, { min: 1 });
    const sum = d.int('the sum of the values of k', () => pairs.slice(0, count).reduce((t, [r, s]) => t + r + s, 0), (v) => `Their sums r + s add up to ${v}.`);
    return answer.int(sum);
  },
});

const remainderLinear = defineFamily<{ p: number[]; a: number }>({
  name: 'polynomial-remainder-theorem',
  domain: DOMAIN,
  subtopic: 'polynomials',
  intent: 'find the remainder of a polynomial division by a linear factor',
  knowledge: 'the remainder theorem',
  slots: { p: poly(), a: linearFactor },
  templates: ['What is the remainder when {p} is divided by {a}?', 'Find the remainder of the division of {p} by ({a}).', 'Let q(x) = {p}. What remainder does q(x) leave on division by {a}?'],
  levels: [1, 2],
  sample(rng, level) {
    const degree = level === 1 ? 2 : rng.int(3, 5);
    const coeffs = Array.from({ length: degree + 1 }, () => rng.int(-9, 9));
    coeffs[degree] = rng.nonZero(-5, 5);
    return { p: coeffs, a: rng.nonZero(-4, 4) };
  },
  difficulty: (p) => (p.p.length <= 3 ? 1 : 2),
  valid: (p) => p.p.length >= 2,
  derive(p, d) {
    d.note(`By the remainder theorem the remainder is the value at x = ${p.a}.`);
    let acc = 0;
    for (let k = p.p.length - 1; k >= 0; k--) {
      const coeff = p.p[k] ?? 0;
      acc = d.int(`the Horner value after the x^${k} coefficient`, () => acc * p.a + coeff, (v) => `Horner: ${par(acc)}·${par(p.a)} + ${par(coeff)} = ${v}.`);
    }
    return answer.int(acc);
  },
});

const remainderQuadratic = defineFamily<{ a: number; b: number; u: number; v: number }>({
  name: 'remainder-by-quadratic',
  domain: DOMAIN,
  subtopic: 'polynomials',
  intent: 'find the remainder when a polynomial is divided by a product of linear factors',
  knowledge: 'the remainder theorem and solving for a linear remainder',
  slots: { a: linearFactor, b: linearFactor, u: int, v: int },
  templates: [
    'A polynomial P(x) leaves remainder {u} when divided by {a} and remainder {v} when divided by {b}. What is the remainder when P(x) is divided by ({a})({b})?',
    'When P(x) is divided by {a} the remainder is {u}, and when it is divided by {b} the remainder is {v}. Find the remainder of P(x) modulo ({a})({b}).',
  ],
  levels: [4],
  sample(rng) {
    const a = rng.int(-6, 6);
    const b = a + rng.int(1, 6);
    const m = rng.nonZero(-7, 7);
    const n = rng.int(-15, 15);
    return { a, b, u: m * a + n, v: m * b + n };
  },
  difficulty: () => 4,
  valid: (p) => p.a !== p.b && (p.v - p.u) % (p.b - p.a) === 0,
  derive(p, d) {
    d.note('The remainder has degree below 2, so write it as mx + n.');
    const m = d.num('m', () => Fraction.of(p.v - p.u, p.b - p.a), (v) => `From ${par(p.a)}m + n = ${p.u} and ${par(p.b)}m + n = ${p.v}, subtracting gives m = ${String(v)}.`);
    const n = d.num('n', () => Fraction.of(p.u).sub(m.mul(p.a)), (v) => `Then n = ${p.u} - ${par(m)}·${par(p.a)} = ${String(v)}.`);
    if (!m.isInteger() || !n.isInteger()) throw new RangeError('the remainder must have integer coefficients');
    return answer.poly([n.num, m.num]);
  },
});

const binomialCoefficient = defineFamily<{ base: number[]; n: number; k: number }>({
  name: 'binomial-expansion-coefficient',
  domain: DOMAIN,
  subtopic: 'polynomials',
  intent: 'find a coefficient in a binomial expansion',
  knowledge: 'the binomial theorem',
  slots: { base: poly(), n: nat, k: nat },
  templates: ['What is the coefficient of x^{k} in the expansion of ({base})^{n}?', 'Find the coefficient of x^{k} when ({base})^{n} is expanded.', 'In the expansion of ({base})^{n}, what number multiplies x^{k}?'],
  levels: [2, 3],
  sample(rng, level) {
    const n = level === 2 ? rng.int(3, 6) : rng.int(7, 10);
    return { base: [rng.nonZero(-4, 4), level === 2 ? 1 : rng.int(2, 3)], n, k: rng.int(2, n - 1) };
  },
  difficulty: (p) => (p.base[1] === 1 ? 2 : 3),
  valid: (p) => p.base.length === 2 && (p.base[0] ?? 0) !== 0 && (p.base[1] ?? 0) >= 1 && p.k <= p.n && p.n <= 14,
  derive(q, d) {
    const p = { b: q.base[0] ?? 0, a: q.base[1] ?? 1, n: q.n, k: q.k };
    const choose = d.int(`C(${p.n}, ${p.k})`, () => binomial(p.n, p.k), (v) => `The x^${p.k} term is C(${p.n}, ${p.k})·(${p.a}x)^${p.k}·${par(p.b)}^${p.n - p.k}, and C(${p.n}, ${p.k}) = ${v}.`, { min: 1 });
    const powA = d.int(`${p.a}^${p.k}`, () => p.a ** p.k, (v) => `${p.a}^${p.k} = ${v}.`);
    const powB = d.int(`(${p.b})^${p.n - p.k}`, () => p.b ** (p.n - p.k), (v) => `${par(p.b)}^${p.n - p.k} = ${v}.`);
    return answer.int(d.int('the coefficient', () => choose * powA * powB, (v) => `The coefficient is ${choose}·${powA}·${par(powB)} = ${v}.`));
  },
});

const coefficientSum = defineFamily<{ p: number[]; n: number; ask: 'all' | 'even' }>({
  name: 'sum-of-coefficients',
  domain: DOMAIN,
  subtopic: 'polynomials',
  intent: 'find a sum of coefficients of a power of a polynomial',
  knowledge: 'evaluating a polynomial at 1 and -1',
  slots: { p: poly(), n: nat, ask: word(['all', 'even']) },
  templates: [
    { text: 'What is the sum of the coefficients of ({p})^{n} when it is expanded?', when: { ask: 'all' } },
    { text: 'Find the sum of all the coefficients in the expansion of ({p})^{n}.', when: { ask: 'all' } },
    { text: 'Find the sum of the coefficients of the even powers of x in the expansion of ({p})^{n}.', when: { ask: 'even' } },
  ],
  levels: [3, 4],
  sample(rng, level) {
    return { p: [rng.nonZero(-3, 3), rng.nonZero(-3, 3), rng.int(1, 2)], n: rng.int(2, 6), ask: level === 3 ? 'all' : 'even' };
  },
  difficulty: (p) => (p.ask === 'all' ? 3 : 4),
  valid: (p) => p.n >= 1 && p.n <= 12 && p.p.length >= 2,
  derive(p, d) {
    const at1 = d.int('the value at x = 1', () => evaluate(p.p, 1).num, (v) => `At x = 1 the base ${fp(p.p)} equals ${v}.`);
    const all = d.int('the sum of all coefficients', () => at1 ** p.n, (v) => `The sum of all coefficients is ${par(at1)}^${p.n} = ${v}.`);
    if (p.ask === 'all') return answer.int(all);
    const atMinus1 = d.int('the value at x = -1', () => evaluate(p.p, -1).num ** p.n, (v) => `At x = -1 the power equals ${v}.`);
    return answer.int(d.int('the even-power sum', () => (all + atMinus1) / 2, (v) => `The even-power coefficients sum to (${all} + ${atMinus1})/2 = ${v}.`));
  },
});

const cubicInterpolation = defineFamily<{ u: number; v: number; w: number; at: number }>({
  name: 'monic-cubic-interpolation',
  domain: DOMAIN,
  subtopic: 'polynomials',
  intent: 'evaluate a monic cubic known only at three points',
  knowledge: 'writing p(x) = (x - 1)(x - 2)(x - 3) + q(x) and finite differences',
  slots: { u: int, v: int, w: int, at: intChoice([0, 4]) },
  templates: [
    'Let p(x) be a monic cubic polynomial with p(1) = {u}, p(2) = {v} and p(3) = {w}. Find p({at}).',
    'A cubic polynomial p(x) with leading coefficient 1 satisfies p(1) = {u}, p(2) = {v}, p(3) = {w}. What is p({at})?',
  ],
  levels: [5],
  sample: (rng) => ({ u: rng.int(-20, 20), v: rng.int(-20, 20), w: rng.int(-20, 20), at: rng.pick([0, 4]) }),
  difficulty: () => 5,
  derive(p, d) {
    d.note('Write p(x) = (x - 1)(x - 2)(x - 3) + q(x), where q has degree at most 2 and q(k) = p(k) for k = 1, 2, 3.');
    const product = d.int(`(${p.at} - 1)(${p.at} - 2)(${p.at} - 3)`, () => (p.at - 1) * (p.at - 2) * (p.at - 3), (x) => `At x = ${p.at} the product term is ${x}.`);
    const q = d.int(`q(${p.at})`, () => (p.at === 4 ? 3 * p.w - 3 * p.v + p.u : 3 * p.u - 3 * p.v + p.w), (x) => [`Third differences of a quadratic vanish, so q(${p.at}) = ${p.at === 4 ? `3·${par(p.w)} - 3·${par(p.v)} + ${par(p.u)}` : `3·${par(p.u)} - 3·${par(p.v)} + ${par(p.w)}`} = ${x}.`]);
    return answer.int(d.int(`p(${p.at})`, () => product + q, (x) => `Hence p(${p.at}) = ${product} + ${par(q)} = ${x}.`));
  },
});

export function algebraPolynomialFamilies(): RealisticFamily[] {
  return [surdRoots, solutionSet, vertex, doubleRoot, integerRootsParameter, remainderLinear, remainderQuadratic, binomialCoefficient, coefficientSum, cubicInterpolation];
}
