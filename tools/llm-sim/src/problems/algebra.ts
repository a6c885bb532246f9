import type { Rng } from '../rng.js';
import { Fraction } from './fraction.js';
import { exactSqrt } from './integer-math.js';
import { evaluate, formatPolynomial, parsePolynomial } from './polynomial.js';
import { defineFamily, intAt, NAMES, ProblemParseError, textAt, type ProblemFamily } from './problem-family.js';

const DOMAIN = 'algebra';

/** `ax` as a word: `3x`, `-x`. */
function term(c: number): string {
  return formatPolynomial([0, c]);
}

function poly(text: string, maxDegree: number): number[] {
  const coeffs = parsePolynomial(text);
  if (!coeffs || coeffs.length - 1 > maxDegree) throw new ProblemParseError(`not a polynomial of degree ≤ ${maxDegree}`);
  return coeffs;
}

interface Linear { a: number; b: number; d: number; e: number }

const linearEquation = defineFamily<Linear>({
  name: 'linear-equation',
  domain: DOMAIN,
  subtopic: 'linear_equations',
  sample(rng) {
    const a = rng.nonZero(-12, 12);
    let d = rng.chance(0.5) ? 0 : rng.nonZero(-9, 9);
    if (d === a) d = 0;
    return { a, b: rng.int(-40, 40), d, e: rng.int(-60, 60) };
  },
  render({ a, b, d, e }, rng) {
    const eq = `${formatPolynomial([b, a])} = ${formatPolynomial([e, d])}`;
    const name = rng.pick(NAMES);
    return rng.pick([
      `Solve for x: ${eq}.`,
      `Find the value of x that satisfies the equation ${eq}.`,
      `What value of x makes the equation ${eq} true?`,
      `${name} solved the equation ${eq} correctly. What value of x did ${name} find?`,
    ]);
  },
  parse(text) {
    const m = /(?:Solve for x:|the equation)\s+([-+\d x^]+?)\s*=\s*([-+\d x^]+?)\s*(?:[.?,]|correctly|true|$)/i.exec(text);
    if (!m) return undefined;
    const [b = 0, a = 0] = poly(textAt(m, 1), 1);
    const [e = 0, d = 0] = poly(textAt(m, 2), 1);
    return { a, b, d, e };
  },
  work({ a, b, d, e }) {
    const coef = a - d;
    const rhs = e - b;
    const x = Fraction.of(rhs, coef);
    const steps: string[] = [];
    if (d !== 0) {
      steps.push(`${d > 0 ? `Subtract ${term(d)} from` : `Add ${term(-d)} to`} both sides: ${formatPolynomial([b, coef])} = ${e}.`);
    }
    if (b !== 0) steps.push(`${b > 0 ? `Subtract ${b} from` : `Add ${-b} to`} both sides: ${term(coef)} = ${rhs}.`);
    steps.push(coef === 1 ? `So x = ${String(x)}.` : `Divide both sides by ${coef}: x = ${rhs}/${coef} = ${String(x)}.`);
    return { answer: x.toString(), steps };
  },
});

type QuadraticAsk = 'sum' | 'product' | 'larger' | 'smaller' | 'sumsq';
interface Quadratic { a: number; b: number; c: number; ask: QuadraticAsk }

const QUADRATIC_PHRASES: Record<QuadraticAsk, readonly string[]> = {
  sum: ['What is the sum of the roots of', 'Find the sum of all solutions of'],
  product: ['What is the product of the roots of', 'Find the product of the roots of'],
  larger: ['Find the larger root of', 'What is the greater solution of'],
  smaller: ['Find the smaller root of', 'What is the lesser solution of'],
  sumsq: ['Find the sum of the squares of the roots of', 'What is the sum of the squares of the roots of'],
};

const quadratic = defineFamily<Quadratic>({
  name: 'quadratic-roots',
  domain: DOMAIN,
  subtopic: 'quadratics',
  sample(rng) {
    // (m x - p)(x - r): rational roots p/m and r by construction.
    const ask = rng.pick<QuadraticAsk>(['sum', 'product', 'larger', 'smaller', 'sumsq']);
    const m = rng.int(1, 5);
    const r = rng.int(-15, 15);
    let p = rng.int(-12, 12);
    if ((ask === 'larger' || ask === 'smaller') && p === m * r) p += 1;
    return { a: m, b: -(m * r + p), c: p * r, ask };
  },
  render({ a, b, c, ask }, rng) {
    const verb = rng.pick(QUADRATIC_PHRASES[ask]);
    const end = verb.startsWith('What') ? '?' : '.';
    return rng.pick([`${verb} ${formatPolynomial([c, b, a])} = 0${end}`, `${verb} the equation ${formatPolynomial([c, b, a])} = 0${end}`]);
  },
  parse(text) {
    const m = /(sum of the squares of the roots|sum of the roots|sum of all solutions|product of the roots|larger root|greater solution|smaller root|lesser solution) of (?:the equation )?([-+\d x^]+?)\s*=\s*0/i.exec(
      text,
    );
    if (!m) return undefined;
    const phrase = textAt(m, 1).toLowerCase();
    const ask: QuadraticAsk = phrase.includes('squares') ? 'sumsq' : phrase.startsWith('sum') ? 'sum'
      : phrase.startsWith('product') ? 'product' : /larger|greater/.test(phrase) ? 'larger' : 'smaller';
    const [c = 0, b = 0, a = 0] = poly(textAt(m, 2), 2);
    if (a === 0) throw new ProblemParseError('not quadratic');
    return { a, b, c, ask };
  },
  work({ a, b, c, ask }) {
    const intro = `For ${formatPolynomial([c, b, a])} = 0 we have a = ${a}, b = ${b}, c = ${c}.`;
    const sum = Fraction.of(-b, a);
    const product = Fraction.of(c, a);
    if (ask === 'sum') return { answer: sum.toString(), steps: [intro, `By Vieta's formulas the sum of the roots is -b/a = ${-b}/${a} = ${String(sum)}.`] };
    if (ask === 'product') return { answer: product.toString(), steps: [intro, `By Vieta's formulas the product of the roots is c/a = ${c}/${a} = ${String(product)}.`] };
    if (ask === 'sumsq') {
      const sumsq = sum.mul(sum).sub(product.mul(2));
      return {
        answer: sumsq.toString(),
        steps: [intro, `By Vieta, r1 + r2 = ${String(sum)} and r1 r2 = ${String(product)}.`, `r1^2 + r2^2 = (r1 + r2)^2 - 2 r1 r2 = (${String(sum)})^2 - 2(${String(product)}) = ${String(sumsq)}.`],
      };
    }
    const disc = b * b - 4 * a * c;
    const s = exactSqrt(disc);
    const r1 = Fraction.of(-b + s, 2 * a);
    const r2 = Fraction.of(-b - s, 2 * a);
    const big = r1.compare(r2) >= 0 ? r1 : r2;
    const small = big === r1 ? r2 : r1;
    const pick = ask === 'larger' ? big : small;
    return {
      answer: pick.toString(),
      steps: [
        intro,
        `The discriminant is b^2 - 4ac = ${disc}, whose square root is ${s}.`,
        `The roots are (${-b} ± ${s})/${2 * a}, that is ${String(r1)} and ${String(r2)}.`,
        `The ${ask} root is ${String(pick)}.`,
      ],
    };
  },
});

interface PolyValue { fn: string; coeffs: number[]; x0: number; remainder: boolean }

const polynomialValue = defineFamily<PolyValue>({
  name: 'polynomial-value',
  domain: DOMAIN,
  subtopic: 'polynomials',
  sample(rng) {
    const degree = rng.int(2, 4);
    const coeffs = Array.from({ length: degree + 1 }, () => rng.int(-9, 9));
    coeffs[degree] = rng.nonZero(-9, 9);
    return { fn: rng.pick(['p', 'q', 'g', 'h']), coeffs, x0: rng.nonZero(-4, 4), remainder: rng.chance(0.4) };
  },
  render({ fn, coeffs, x0, remainder }, rng) {
    const p = formatPolynomial(coeffs);
    const divisor = x0 > 0 ? `x - ${x0}` : `x + ${-x0}`;
    if (remainder) {
      return rng.pick([`What is the remainder when ${p} is divided by ${divisor}?`, `Find the remainder when ${fn}(x) = ${p} is divided by (${divisor}).`]);
    }
    return rng.pick([`Let ${fn}(x) = ${p}. What is ${fn}(${x0})?`, `Evaluate ${fn}(${x0}) for the polynomial ${fn}(x) = ${p}.`, `If ${fn}(x) = ${p}, find ${fn}(${x0}).`]);
  },
  parse(text) {
    const rem = /remainder when (?:([pqgh])\(x\) = )?([-+\d x^]+?) is divided by \(?x ([+-]) (\d+)\)?/.exec(text);
    if (rem) {
      return { fn: rem[1] ?? 'p', coeffs: poly(textAt(rem, 2), 8), x0: textAt(rem, 3) === '-' ? intAt(rem, 4) : -intAt(rem, 4), remainder: true };
    }
    const def = /\b([pqgh])\(x\)\s*=\s*([-+\d x^]+?)\s*(?:[.?,]|$)/.exec(text);
    if (!def) return undefined;
    const fn = textAt(def, 1);
    const at = new RegExp(`\\b${fn}\\((-?\\d+)\\)`).exec(text);
    if (!at) return undefined;
    return { fn, coeffs: poly(textAt(def, 2), 8), x0: intAt(at, 1), remainder: false };
  },
  work({ fn, coeffs, x0, remainder }) {
    const value = evaluate(coeffs, x0);
    const terms = coeffs.map((c, d) => c * x0 ** d).filter((_, d) => coeffs[d] !== 0).reverse();
    const steps = [
      `Substitute x = ${x0} into ${formatPolynomial(coeffs)}.`,
      `The terms are ${terms.join(', ')}.`,
      `Adding them gives ${fn}(${x0}) = ${String(value)}.`,
    ];
    if (remainder) steps.unshift(`By the Remainder Theorem, the remainder is the value of the polynomial at x = ${x0}.`);
    return { answer: value.toString(), steps };
  },
});

interface Exponential { base1: number; a1: number; c1: number; base2: number; a2: number; c2: number }

function exponent(a: number, c: number): string {
  const e = formatPolynomial([c, a]);
  // Only a bare x may go unbracketed: 2^3x would read as (2^3)x.
  return e === 'x' ? e : `(${e})`;
}

/** k with base^k = value, if value is a non-negative integer power of base. */
function logExact(base: number, value: number): number | undefined {
  let k = 0;
  for (let v = 1; v <= value; v *= base, k++) if (v === value) return k;
  return undefined;
}

const exponentialEquation = defineFamily<Exponential>({
  name: 'exponential-equation',
  domain: DOMAIN,
  subtopic: 'exponents',
  sample(rng) {
    const root = rng.pick([2, 3, 5]);
    const p = rng.int(1, 4);
    let q = rng.int(1, 4);
    if (q === p) q = p === 4 ? 1 : p + 1;
    const a1 = rng.nonZero(-4, 4);
    let a2 = rng.nonZero(-4, 4);
    if (p * a1 === q * a2) a2 = a2 + 1 === 0 ? 2 : a2 + 1;
    const base1 = root ** p;
    // a2 = 0 makes the right side a plain power of the same base: "2^(3x - 1) = 32".
    if (rng.chance(0.4)) return { base1, a1, c1: rng.int(-9, 9), base2: base1, a2: 0, c2: rng.int(0, Math.floor(12 / p)) };
    return { base1, a1, c1: rng.int(-9, 9), base2: root ** q, a2, c2: rng.int(-9, 9) };
  },
  render(e, rng) {
    const rhs = e.a2 === 0 ? `${e.base2 ** e.c2}` : `${e.base2}^${exponent(e.a2, e.c2)}`;
    const eq = `${e.base1}^${exponent(e.a1, e.c1)} = ${rhs}`;
    return rng.pick([`Solve for x: ${eq}.`, `Find x if ${eq}.`, `What real number x satisfies ${eq}?`]);
  },
  parse(text) {
    const m = /(\d+)\^(?:\(([^)]+)\)|(x))\s*=\s*(\d+)(?:\^(?:\(([^)]+)\)|(x)))?/.exec(text);
    if (!m) return undefined;
    const [c1 = 0, a1 = 0] = poly(m[2] ?? textAt(m, 3), 1);
    const base1 = intAt(m, 1);
    const rhsExp = m[5] ?? m[6];
    if (rhsExp === undefined) {
      const k = logExact(base1, intAt(m, 4));
      if (k === undefined || base1 < 2) throw new ProblemParseError('right side is not a power of the base');
      return { base1, a1, c1, base2: base1, a2: 0, c2: k };
    }
    const [c2 = 0, a2 = 0] = poly(rhsExp, 1);
    return { base1, a1, c1, base2: intAt(m, 4), a2, c2 };
  },
  work({ base1, a1, c1, base2, a2, c2 }) {
    let root = 2;
    while (root <= Math.min(base1, base2) && (logExact(root, base1) === undefined || logExact(root, base2) === undefined)) root++;
    const p = logExact(root, base1);
    const q = logExact(root, base2);
    if (p === undefined || q === undefined || p === 0) throw new ProblemParseError('no common base');
    const lhs = formatPolynomial([p * c1, p * a1]);
    const rhs = formatPolynomial([q * c2, q * a2]);
    const x = Fraction.of(q * c2 - p * c1, p * a1 - q * a2);
    const rightSide = a2 === 0 ? `${base2 ** c2} = ${root}^${q * c2}` : `${base2} = ${root}^${q}`;
    return {
      answer: x.toString(),
      steps: [
        `Write both sides as powers of ${root}: ${base1} = ${root}^${p} and ${rightSide}.`,
        `Equating the exponents gives ${lhs} = ${rhs}.`,
        `Collecting terms: ${term(p * a1 - q * a2)} = ${q * c2 - p * c1}, so x = ${String(x)}.`,
      ],
    };
  },
});

type InequalityAsk = 'min' | 'max' | 'count';
interface Inequality { a: number; b: number; op: string; c: number; ask: InequalityAsk }

const FLIP: Record<string, string> = { '<': '>', '>': '<', '≤': '≥', '≥': '≤' };

function solveInequality({ a, b, op, c }: Inequality): { bound: Fraction; dir: string } {
  return { bound: Fraction.of(c - b, a), dir: a > 0 ? op : (FLIP[op] ?? op) };
}

function inequalityAnswer(i: Inequality): number {
  const { bound, dir } = solveInequality(i);
  const floor = Math.floor(bound.num / bound.den);
  const ceil = Math.ceil(bound.num / bound.den);
  if (i.ask === 'min' && dir === '>') return floor + 1;
  if (i.ask === 'min' && dir === '≥') return ceil;
  const largest = dir === '<' ? ceil - 1 : dir === '≤' ? floor : undefined;
  if (largest === undefined || i.ask === 'min') throw new ProblemParseError('the inequality has no such bound');
  return i.ask === 'max' ? largest : Math.max(0, largest);
}

function sampleInequality(rng: Rng): Inequality {
  for (;;) {
    const ineq: Inequality = { a: rng.nonZero(-9, 9), b: rng.int(-30, 30), op: rng.pick(['<', '>', '≤', '≥']), c: rng.int(-40, 40), ask: 'min' };
    const { dir } = solveInequality(ineq);
    ineq.ask = dir === '>' || dir === '≥' ? 'min' : rng.pick<InequalityAsk>(['max', 'count']);
    if (ineq.ask !== 'count' || inequalityAnswer(ineq) > 0) return ineq;
  }
}

const inequality = defineFamily<Inequality>({
  name: 'linear-inequality',
  domain: DOMAIN,
  subtopic: 'inequalities',
  sample: sampleInequality,
  render(i, rng) {
    const ineq = `${formatPolynomial([i.b, i.a])} ${i.op} ${i.c}`;
    if (i.ask === 'min') return rng.pick([`What is the smallest integer x that satisfies ${ineq}?`, `Find the least integer solution of ${ineq}.`]);
    if (i.ask === 'max') return rng.pick([`What is the largest integer x such that ${ineq}?`, `Find the greatest integer solution of ${ineq}.`]);
    return rng.pick([`How many positive integers x satisfy ${ineq}?`, `Find the number of positive integers x such that ${ineq}.`]);
  },
  parse(text) {
    const m = /(?:satisfies|satisfy|such that|solution of)\s+([-+\d x^]+?)\s*(<=|>=|≤|≥|<|>)\s*(-?\d+)/.exec(text);
    if (!m) return undefined;
    const ask: InequalityAsk = /smallest|least/i.test(text) ? 'min' : /largest|greatest/i.test(text) ? 'max' : /how many|number of/i.test(text) ? 'count' : 'min';
    const [b = 0, a = 0] = poly(textAt(m, 1), 1);
    const op = textAt(m, 2).replace('<=', '≤').replace('>=', '≥');
    return { a, b, op, c: intAt(m, 3), ask };
  },
  work(i) {
    const { bound, dir } = solveInequality(i);
    const answer = inequalityAnswer(i);
    const steps = [
      `${i.b >= 0 ? `Subtract ${i.b} from` : `Add ${-i.b} to`} both sides: ${term(i.a)} ${i.op} ${i.c - i.b}.`,
      `Divide by ${i.a}${i.a < 0 ? ', flipping the inequality because the divisor is negative' : ''}: x ${dir} ${String(bound)}.`,
    ];
    if (i.ask === 'count') steps.push(`The positive integers with x ${dir} ${String(bound)} are 1 through ${answer}, so there are ${answer}.`);
    else steps.push(`The ${i.ask === 'min' ? 'smallest' : 'largest'} integer with x ${dir} ${String(bound)} is ${answer}.`);
    return { answer: String(answer), steps };
  },
});

/** Every algebra family, one or more per subtopic of configs/domains.json. */
export function algebraFamilies(): ProblemFamily[] {
  return [linearEquation, quadratic, polynomialValue, exponentialEquation, inequality];
}
