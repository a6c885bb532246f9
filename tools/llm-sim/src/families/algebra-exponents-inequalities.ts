import { Fraction } from '../problems/fraction.js';
import { formatPolynomial as fp } from '../problems/polynomial.js';
import { answer, intervalLatex, surdSumLatex } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { RealisticFamily } from './family-types.js';
import { int, linearFactor, nat, poly, word } from './slot-kinds.js';
import { par, term } from './step-format.js';

const DOMAIN = 'algebra';

function logOf(base: number, value: number): number {
  let k = 0;
  let v = 1;
  while (v < value) {
    v *= base;
    k++;
  }
  if (v !== value) throw new RangeError(`${value} is not a power of ${base}`);
  return k;
}

const exponentialEquation = defineFamily<{ base: number; exp: number[]; target: number }>({
  name: 'exponential-equation',
  domain: DOMAIN,
  subtopic: 'exponents',
  intent: 'solve an exponential equation',
  knowledge: 'rewriting both sides with the same base',
  slots: { base: nat, exp: poly(), target: nat },
  templates: ['Solve for x: {base}^({exp}) = {target}.', 'Find the real number x such that {base}^({exp}) = {target}.', 'What value of x satisfies the equation {base}^({exp}) = {target}?'],
  levels: [1, 2],
  sample(rng, level) {
    const base = rng.pick([2, 3, 5, 7]);
    const k = rng.int(0, base === 2 ? 12 : 5);
    return { base, exp: [rng.int(-6, 6), level === 1 ? 1 : rng.pick([2, 3, -2, 4, 5])], target: base ** k };
  },
  difficulty: (p) => (p.exp[1] === 1 ? 1 : 2),
  valid: (p) => p.exp.length === 2 && (p.exp[1] ?? 0) !== 0 && p.base >= 2,
  derive(p, d) {
    const k = d.int(`the power of ${p.base}`, () => logOf(p.base, p.target), (v) => [`Write ${p.target} = ${p.base}^${v}.`, `Since ${p.base}^${v} = ${p.target}, the exponents must agree.`], { min: 0 });
    const [c = 0, a = 1] = p.exp;
    const x = d.num('x', () => Fraction.of(k - c, a), (v) => `So ${fp(p.exp)} = ${k}, giving x = ${String(v)}.`);
    return answer.frac(x);
  },
});

const logCombination = defineFamily<{ base: number; p: number; q: number; m: number; n: number }>({
  name: 'logarithm-combination',
  domain: DOMAIN,
  subtopic: 'exponents',
  intent: 'evaluate a logarithm of a product of powers from given logarithms',
  knowledge: 'the product and power rules for logarithms',
  slots: { base: nat, p: int, q: int, m: nat, n: nat },
  templates: [
    'Suppose log_{base}(a) = {p} and log_{base}(b) = {q}. Compute log_{base}(a^{m} b^{n}).',
    'If log base {base} of a is {p} and log base {base} of b is {q}, what is log base {base} of a^{m}·b^{n}?',
  ],
  levels: [2, 3],
  sample(rng, level) {
    const m = level === 2 ? rng.int(2, 3) : rng.int(3, 7);
    return { base: rng.pick([2, 3, 5, 10]), p: rng.nonZero(-6, 9), q: rng.nonZero(-6, 9), m, n: level === 2 ? rng.int(2, 5 - m) : rng.int(Math.max(2, 6 - m), 7) };
  },
  difficulty: (p) => (p.m + p.n <= 5 ? 2 : 3),
  valid: (p) => p.base >= 2 && p.m >= 2 && p.n >= 2,
  derive(p, d) {
    d.note(`log(a^${p.m} b^${p.n}) = ${p.m}·log(a) + ${p.n}·log(b).`);
    const first = d.int(`${p.m}·log(a)`, () => p.m * p.p, (v) => `${p.m}·${par(p.p)} = ${v}.`);
    const second = d.int(`${p.n}·log(b)`, () => p.n * p.q, (v) => `${p.n}·${par(p.q)} = ${v}.`);
    return answer.int(d.int('the logarithm', () => first + second, (v) => `Adding, ${first} + ${par(second)} = ${v}.`));
  },
});

const growth = defineFamily<{ start: number; factor: 'doubles' | 'triples' | 'halves'; period: number; time: number }>({
  name: 'exponential-growth',
  domain: DOMAIN,
  subtopic: 'exponents',
  intent: 'compute a quantity under repeated doubling, tripling or halving',
  knowledge: 'exponential growth and decay',
  slots: { start: nat, factor: word(['doubles', 'triples', 'halves']), period: nat, time: nat },
  templates: [
    'A culture of {start} bacteria {factor} every {period} hours. How many bacteria are there after {time} hours?',
    'The amount of a substance starts at {start} grams and {factor} every {period} years. How many grams are there after {time} years?',
  ],
  levels: [2, 3],
  sample(rng, level) {
    const period = rng.int(2, 8);
    const factor = level === 2 ? rng.pick(['doubles', 'triples'] as const) : 'halves';
    return { start: level === 2 ? rng.int(10, 500) : 3 * rng.int(1, 50), factor, period, time: period * rng.int(2, level === 2 ? 8 : 6) };
  },
  difficulty: (p) => (p.factor === 'halves' ? 3 : 2),
  valid: (p) => p.period > 0 && p.time % p.period === 0 && p.time / p.period <= 20,
  derive(p, d) {
    const steps = d.int('the number of periods', () => p.time / p.period, (v) => `${p.time} is ${v} periods of ${p.period}.`, { min: 1 });
    const ratio = p.factor === 'doubles' ? Fraction.of(2) : p.factor === 'triples' ? Fraction.of(3) : Fraction.of(1, 2);
    const power = d.num('the growth factor', () => Fraction.of(ratio.num ** steps, ratio.den ** steps), (v) => `Over ${steps} periods the amount is multiplied by ${ratio.isInteger() ? String(ratio) : `(${String(ratio)})`}^${steps} = ${String(v)}.`);
    return answer.frac(d.num('the final amount', () => power.mul(p.start), (v) => `So the final amount is ${p.start} × ${String(power)} = ${String(v)}.`));
  },
});

const powerSystem = defineFamily<{ u: number; v: number; ask: 'sum' | 'pair' }>({
  name: 'exponential-system',
  domain: DOMAIN,
  subtopic: 'exponents',
  intent: 'solve a system of exponential equations',
  knowledge: 'multiplying and dividing equations with powers of 2 and 3',
  slots: { u: nat, v: nat, ask: word(['sum', 'pair']) },
  templates: [
    { text: 'Real numbers x and y satisfy 2^x · 3^y = {u} and 3^x · 2^y = {v}. Find x + y.', when: { ask: 'sum' } },
    { text: 'If 2^x · 3^y = {u} and 3^x · 2^y = {v}, what is x + y?', when: { ask: 'sum' } },
    { text: 'Find the ordered pair (x, y) of integers with 2^x · 3^y = {u} and 3^x · 2^y = {v}.', when: { ask: 'pair' } },
  ],
  levels: [4, 5],
  sample(rng, level) {
    const [x, y] = [rng.int(0, 5), rng.int(0, 5)];
    return { u: 2 ** x * 3 ** y, v: 3 ** x * 2 ** y, ask: level === 4 ? 'sum' : 'pair' };
  },
  difficulty: (p) => (p.ask === 'sum' ? 4 : 5),
  valid: (p) => p.u >= 1 && p.v >= 1,
  derive(p, d) {
    const total = d.int('x + y', () => logOf(6, p.u * p.v), (v) => [`Multiplying the equations, 6^(x + y) = ${p.u * p.v} = 6^${v}, so x + y = ${v}.`, `The product of the two equations is 6^(x+y) = ${p.u * p.v}, hence x + y = ${v}.`], { min: 0 });
    if (p.ask === 'sum') return answer.int(total);
    const twos = d.int('the exponent of 2 in the first equation', () => logOf(2, p.u / largestPowerDividing(3, p.u)), (v) => `The first number is 2^${v} times a power of 3, so x = ${v}.`, { min: 0 });
    const y = d.int('y', () => total - twos, (v) => `Then y = ${total} - ${twos} = ${v}.`);
    return answer.tuple([twos, y]);
  },
});

function largestPowerDividing(p: number, n: number): number {
  let power = 1;
  while (n % (power * p) === 0) power *= p;
  return power;
}

type Op = '<' | '≤' | '>' | '≥';

const linearInequality = defineFamily<{ lhs: number[]; op: Op; c: number; ask: 'least' | 'greatest' | 'count'; hi: number }>({
  name: 'linear-inequality',
  domain: DOMAIN,
  subtopic: 'inequalities',
  intent: 'find integer solutions of a linear inequality',
  knowledge: 'solving linear inequalities, flipping the sign when dividing by a negative',
  slots: { lhs: poly(), op: word(['<', '≤', '>', '≥']), c: int, ask: word(['least', 'greatest', 'count']), hi: int },
  defaults: { hi: 0 },
  templates: [
    { text: 'What is the least integer x that satisfies {lhs} {op} {c}?', when: { ask: 'least' } },
    { text: 'Find the greatest integer x such that {lhs} {op} {c}.', when: { ask: 'greatest' } },
    { text: 'How many integers x satisfy both {lhs} {op} {c} and x ≤ {hi}?', when: { ask: 'count' } },
  ],
  levels: [1, 2],
  sample(rng, level) {
    const a = rng.nonZero(-9, 9);
    const lhs = [rng.int(-30, 30), a];
    if (level === 2) return { lhs, op: a > 0 ? '>' : '<', c: rng.int(-40, 40), ask: 'count', hi: rng.int(10, 40) };
    const op = rng.pick<Op>(['<', '≤', '>', '≥']);
    const lower = (op === '>' || op === '≥') === a > 0;
    return { lhs, op, c: rng.int(-40, 40), ask: lower ? 'least' : 'greatest', hi: 0 };
  },
  difficulty: (p) => (p.ask === 'count' ? 2 : 1),
  valid: (p) => {
    const a = p.lhs[1] ?? 0;
    if (p.lhs.length !== 2 || a === 0) return false;
    const lower = (p.op === '>' || p.op === '≥') === a > 0;
    return p.ask === 'count' ? lower : lower === (p.ask === 'least');
  },
  derive(p, d) {
    const [b = 0, a = 1] = p.lhs;
    const rhs = d.int('the right-hand side', () => p.c - b, (v) => `Move the constant: ${term(a)} ${p.op} ${v}.`);
    const flip = a < 0;
    const op = flip ? ({ '<': '>', '≤': '≥', '>': '<', '≥': '≤' } as const)[p.op] : p.op;
    const bound = d.num('the bound', () => Fraction.of(rhs, a), (v) => `Divide by ${a}${flip ? ', reversing the inequality' : ''}: x ${op} ${String(v)}.`);
    const floor = Math.floor(bound.toNumber());
    const edge = op === '>' ? floor + 1 : op === '≥' ? Math.ceil(bound.toNumber()) : op === '<' ? Math.ceil(bound.toNumber()) - 1 : floor;
    if (p.ask !== 'count') return answer.int(d.int(`the ${p.ask} integer`, () => edge, (v) => `The ${p.ask} integer with x ${op} ${String(bound)} is ${v}.`));
    return answer.int(d.int('the number of integers', () => Math.max(0, p.hi - edge + 1), (v) => `The integers from ${edge} to ${p.hi} number ${v}.`, { min: 0 }));
  },
});

const quadraticInequality = defineFamily<{ r: number; s: number; op: Op }>({
  name: 'quadratic-inequality',
  domain: DOMAIN,
  subtopic: 'inequalities',
  intent: 'solve a quadratic inequality',
  knowledge: 'the sign of a factored quadratic between and outside its roots',
  slots: { r: linearFactor, s: linearFactor, op: word(['<', '≤', '>', '≥']) },
  templates: ['Solve the inequality ({r})({s}) {op} 0. Write the solution in interval notation.', 'Find all real x with ({r})({s}) {op} 0, in interval notation.', 'For which real numbers x is ({r})({s}) {op} 0? Answer in interval notation.'],
  levels: [3, 4],
  sample(rng, level) {
    const r = rng.int(-9, 8);
    return { r, s: r + rng.int(1, 9), op: level === 3 ? rng.pick<Op>(['<', '≤']) : rng.pick<Op>(['>', '≥']) };
  },
  difficulty: (p) => (p.op === '<' || p.op === '≤' ? 3 : 4),
  valid: (p) => p.r < p.s,
  derive(p, d) {
    const lo = d.int('the smaller root', () => p.r, (v) => `The roots are x = ${v} and x = ${p.s}.`, { max: p.s - 1 });
    const hi = d.int('the larger root', () => p.s, (v) => `The larger root is ${v}.`, { min: lo + 1 });
    const closed = p.op === '≤' || p.op === '≥';
    if (p.op === '<' || p.op === '≤') {
      d.note('An upward parabola is negative between its roots.');
      return answer.interval(lo, hi, { lo: closed, hi: closed });
    }
    d.note('An upward parabola is positive outside its roots.');
    return answer.union([intervalLatex(undefined, lo, { lo: false, hi: closed }), intervalLatex(hi, undefined, { lo: closed, hi: false })]);
  },
});

const absoluteValue = defineFamily<{ inner: number[]; c: number; ask: 'interval' | 'count' }>({
  name: 'absolute-value-inequality',
  domain: DOMAIN,
  subtopic: 'inequalities',
  intent: 'solve an absolute-value inequality',
  knowledge: '|u| ≤ c means -c ≤ u ≤ c',
  slots: { inner: poly(), c: nat, ask: word(['interval', 'count']) },
  templates: [
    { text: 'Solve |{inner}| ≤ {c} and give the answer in interval notation.', when: { ask: 'interval' } },
    { text: 'Find the set of real x with |{inner}| ≤ {c}, as an interval.', when: { ask: 'interval' } },
    { text: 'How many integers x satisfy |{inner}| ≤ {c}?', when: { ask: 'count' } },
  ],
  levels: [2, 3],
  sample: (rng, level) => ({ inner: [rng.nonZero(-20, 20), rng.int(2, 7)], c: rng.int(1, 30), ask: level === 2 ? 'interval' : 'count' }),
  difficulty: (p) => (p.ask === 'interval' ? 2 : 3),
  valid: (p) => p.inner.length === 2 && (p.inner[1] ?? 0) >= 1,
  derive(q, d) {
    const p = { a: q.inner[1] ?? 1, b: -(q.inner[0] ?? 0), c: q.c, ask: q.ask };
    d.note(`|${fp(q.inner)}| ≤ ${p.c} means ${-p.c} ≤ ${fp(q.inner)} ≤ ${p.c}.`);
    const lo = d.num('the left end', () => Fraction.of(p.b - p.c, p.a), (v) => `${p.b >= 0 ? `Adding ${p.b}` : `Subtracting ${-p.b}`} and dividing by ${p.a}: x ≥ ${String(v)}.`);
    const hi = d.num('the right end', () => Fraction.of(p.b + p.c, p.a), (v) => `and x ≤ ${String(v)}.`);
    if (lo.compare(hi) > 0) throw new RangeError('empty interval');
    if (p.ask === 'interval') return answer.interval(lo, hi, { lo: true, hi: true });
    const count = d.int('the number of integers', () => Math.floor(hi.toNumber()) - Math.ceil(lo.toNumber()) + 1, (v) => `The integers from ${Math.ceil(lo.toNumber())} to ${Math.floor(hi.toNumber())} number ${v}.`, { min: 0 });
    return answer.int(count);
  },
});

const amgmMinimum = defineFamily<{ a: number; b: number; shape: 'sum' | 'product' }>({
  name: 'am-gm-minimum',
  domain: DOMAIN,
  subtopic: 'inequalities',
  intent: 'find the minimum of an expression for positive x',
  knowledge: 'the AM–GM inequality',
  slots: { a: nat, b: nat, shape: word(['sum', 'product']) },
  templates: [
    { text: 'For x > 0, find the minimum value of {a}x + {b}/x.', when: { shape: 'sum' } },
    { text: 'What is the smallest value {a}x + {b}/x can take when x is a positive real number?', when: { shape: 'sum' } },
    { text: 'For x > 0, find the minimum value of (x + {a})(x + {b})/x.', when: { shape: 'product' } },
  ],
  levels: [4, 5],
  sample: (rng, level) => ({ a: rng.int(1, 12), b: rng.int(2, 40), shape: level === 4 ? 'sum' : 'product' }),
  difficulty: (p) => (p.shape === 'sum' ? 4 : 5),
  valid: (p) => p.a >= 1 && p.b >= 1,
  derive(p, d) {
    if (p.shape === 'sum') {
      const product = d.int('the product of the two terms', () => p.a * p.b, (v) => `The terms ${p.a}x and ${p.b}/x have constant product ${v}.`, { min: 1 });
      d.note(`By AM–GM, ${p.a}x + ${p.b}/x ≥ 2√${product}, with equality when ${p.a}x = ${p.b}/x.`);
      return { latex: surdSumLatex(0, 2, product), kind: 'radical' };
    }
    const constant = d.int('the constant term', () => p.a + p.b, (v) => `Expanding, (x + ${p.a})(x + ${p.b})/x = x + ${p.a * p.b}/x + ${v}.`, { min: 1 });
    const product = d.int('the product ab', () => p.a * p.b, (v) => `By AM–GM, x + ${v}/x ≥ 2√${v}.`, { min: 1 });
    d.note(`So the minimum is ${constant} + 2√${product}.`);
    const latex = surdSumLatex(constant, 2, product);
    return { latex, kind: latex.includes('\\sqrt') ? 'radical' : 'integer' };
  },
});

export function algebraExponentInequalityFamilies(): RealisticFamily[] {
  return [exponentialEquation, logCombination, growth, powerSystem, linearInequality, quadraticInequality, absoluteValue, amgmMinimum];
}

