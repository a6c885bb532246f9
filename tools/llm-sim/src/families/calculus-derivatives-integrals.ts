import { Fraction } from '../problems/fraction.js';
import { antiderivativeAt, derivative, evaluate, formatPolynomial as fp } from '../problems/polynomial.js';
import { answer } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { RealisticFamily } from './family-types.js';
import { int, nat, poly, word } from './slot-kinds.js';
import { fractionPolynomial, par } from './step-format.js';

const DOMAIN = 'calculus';

function randomPoly(rng: { int(a: number, b: number): number; nonZero(a: number, b: number): number }, degree: number, size = 9): number[] {
  const coeffs = Array.from({ length: degree + 1 }, () => rng.int(-size, size));
  coeffs[degree] = rng.nonZero(-size, size);
  return coeffs;
}

const derivativeAt = defineFamily<{ f: number[]; a: number }>({
  name: 'derivative-at-a-point',
  domain: DOMAIN,
  subtopic: 'derivatives',
  intent: 'evaluate the derivative of a polynomial at a point',
  knowledge: 'the power rule',
  slots: { f: poly(), a: int },
  templates: ["Let f(x) = {f}. Compute f'({a}).", 'Find the derivative of f(x) = {f} at x = {a}.', 'What is the slope of the graph of y = {f} at x = {a}?'],
  levels: [1],
  sample: (rng) => ({ f: randomPoly(rng, rng.int(2, 4)), a: rng.int(-4, 4) }),
  difficulty: () => 1,
  valid: (p) => p.f.length >= 2,
  derive(p, d) {
    const df = derivative(p.f);
    d.note(`By the power rule, f'(x) = ${fp(df)}.`);
    let acc = 0;
    for (let k = df.length - 1; k >= 0; k--) {
      const c = df[k] ?? 0;
      acc = d.int(`the partial value of f'(${p.a})`, () => acc * p.a + c, (v) => `Evaluating step by step: ${par(acc)}·${par(p.a)} + ${par(c)} = ${v}.`);
    }
    return answer.int(acc);
  },
});

const derivativeExpression = defineFamily<{ f: number[] }>({
  name: 'derivative-expression',
  domain: DOMAIN,
  subtopic: 'derivatives',
  intent: 'differentiate a polynomial',
  knowledge: 'the power rule and linearity of the derivative',
  slots: { f: poly() },
  templates: ["Find f'(x) if f(x) = {f}.", 'Differentiate y = {f} with respect to x.', 'What is the derivative of {f}?'],
  levels: [2],
  sample: (rng) => ({ f: randomPoly(rng, rng.int(3, 5)) }),
  difficulty: () => 2,
  valid: (p) => p.f.length >= 3,
  derive(p, d) {
    const out: number[] = [];
    for (let k = p.f.length - 1; k >= 1; k--) {
      const c = p.f[k] ?? 0;
      if (c === 0) {
        out[k - 1] = 0;
        continue;
      }
      out[k - 1] = d.int(`the coefficient of x^${k - 1}`, () => k * c, (v) => `The derivative of ${fp([...new Array<number>(k).fill(0), c])} is ${fp([...new Array<number>(k - 1).fill(0), v])}.`);
    }
    return answer.poly(out.map((c) => c ?? 0));
  },
});

const tangentLine = defineFamily<{ f: number[]; a: number }>({
  name: 'tangent-line',
  domain: DOMAIN,
  subtopic: 'derivatives',
  intent: 'find the equation of a tangent line',
  knowledge: 'the derivative as the slope of the tangent and the point-slope form',
  slots: { f: poly(), a: int },
  templates: ['Find the equation of the tangent line to y = {f} at x = {a}. Write it as y = mx + b.', 'The line tangent to the curve y = {f} at the point where x = {a} is y = mx + b. Find mx + b.'],
  levels: [2],
  sample: (rng) => ({ f: randomPoly(rng, rng.int(2, 3), 6), a: rng.int(-3, 3) }),
  difficulty: () => 2,
  valid: (p) => p.f.length >= 3,
  derive(p, d) {
    const y0 = d.int(`f(${p.a})`, () => evaluate(p.f, p.a).num, (v) => `The point of tangency is (${p.a}, ${v}).`);
    const m = d.int('the slope', () => evaluate(derivative(p.f), p.a).num, (v) => `f'(x) = ${fp(derivative(p.f))}, so the slope is f'(${p.a}) = ${v}.`);
    const b = d.int('the intercept', () => y0 - m * p.a, (v) => `Then b = ${y0} - ${par(m)}·${par(p.a)} = ${v}.`);
    return answer.poly([b, m]);
  },
});

const inflection = defineFamily<{ f: number[] }>({
  name: 'inflection-point',
  domain: DOMAIN,
  subtopic: 'derivatives',
  intent: 'locate the inflection point of a cubic',
  knowledge: 'the second derivative changes sign at an inflection point',
  slots: { f: poly() },
  templates: ['At what x-coordinate does f(x) = {f} have its point of inflection?', 'Find the x-coordinate of the inflection point of y = {f}.'],
  levels: [3],
  sample: (rng) => ({ f: [rng.int(-9, 9), rng.int(-9, 9), rng.nonZero(-12, 12), rng.nonZero(-4, 4)] }),
  difficulty: () => 3,
  valid: (p) => p.f.length === 4 && (p.f[3] ?? 0) !== 0,
  derive(p, d) {
    const [, , b = 0, a = 1] = p.f;
    const a6 = d.int("the x coefficient of f''", () => 6 * a, (v) => `f''(x) = ${v}x + ${par(2 * b)}.`, { nonZero: true });
    const b2 = d.int("the constant of f''", () => 2 * b, (v) => `Its constant term is ${v}.`);
    return answer.frac(d.num('x', () => Fraction.of(-b2, a6), (v) => `Setting f''(x) = 0 gives x = ${String(v)}.`));
  },
});

const chainProduct = defineFamily<{ inner: number[]; n: number; outer: number[]; a: number; shape: 'chain' | 'product' }>({
  name: 'chain-and-product-rule',
  domain: DOMAIN,
  subtopic: 'derivatives',
  intent: 'evaluate a derivative with the chain and product rules',
  knowledge: 'the chain rule and the product rule',
  slots: { inner: poly(), n: nat, outer: poly(), a: int, shape: word(['chain', 'product']) },
  defaults: { outer: [0, 1] },
  templates: [
    { text: 'Let g(x) = ({inner})^{n}. Find g\'({a}).', when: { shape: 'chain' } },
    { text: 'Differentiate ({inner})^{n} and evaluate the derivative at x = {a}.', when: { shape: 'chain' } },
    { text: "Let h(x) = ({outer})({inner})^{n}. Compute h'({a}).", when: { shape: 'product' } },
  ],
  levels: [3, 4],
  sample: (rng, level) => ({ inner: [rng.int(-4, 4), rng.nonZero(-3, 3)], n: rng.int(3, 5), outer: [rng.int(-5, 5), rng.nonZero(-3, 3)], a: rng.int(-2, 2), shape: level === 3 ? 'chain' : 'product' }),
  difficulty: (p) => (p.shape === 'chain' ? 3 : 4),
  valid: (p) => p.inner.length === 2 && p.n >= 3 && p.n <= 8,
  derive(p, d) {
    const [c = 0, k = 1] = p.inner;
    const u = d.int(`the inner value at ${p.a}`, () => k * p.a + c, (v) => `At x = ${p.a}, ${fp(p.inner)} = ${v}.`);
    const powMinus = d.int(`the inner value to the power ${p.n - 1}`, () => u ** (p.n - 1), (v) => `${par(u)}^${p.n - 1} = ${v}.`);
    const dPower = d.int('the derivative of the power', () => p.n * powMinus * k, (v) => `By the chain rule, the derivative of the power is ${p.n}·${par(powMinus)}·${par(k)} = ${v}.`);
    if (p.shape === 'chain') return answer.int(dPower);
    const outerValue = d.int('the first factor at the point', () => evaluate(p.outer, p.a).num, (v) => `The first factor equals ${v} there, and its derivative is ${p.outer[1] ?? 0}.`);
    const power = d.int(`the inner value to the power ${p.n}`, () => u ** p.n, (v) => `${par(u)}^${p.n} = ${v}.`);
    return answer.int(d.int("h'", () => (p.outer[1] ?? 0) * power + outerValue * dPower, (v) => `By the product rule, h' = ${p.outer[1] ?? 0}·${par(power)} + ${par(outerValue)}·${par(dPower)} = ${v}.`));
  },
});

const implicitSlope = defineFamily<{ a: number; x0: number; y0: number; c: number }>({
  name: 'implicit-differentiation',
  domain: DOMAIN,
  subtopic: 'derivatives',
  intent: 'find a slope by implicit differentiation',
  knowledge: 'implicit differentiation and the product rule',
  slots: { a: int, x0: int, y0: int, c: int },
  templates: ['The curve x^2 + {a}xy + y^2 = {c} passes through ({x0}, {y0}). Find dy/dx at that point.', 'Find the slope of the tangent to x^2 + {a}xy + y^2 = {c} at the point ({x0}, {y0}).'],
  levels: [4, 5],
  sample(rng, level) {
    for (;;) {
      const [a, x0, y0] = [level === 4 ? rng.int(1, 3) : rng.int(4, 7), rng.nonZero(-5, 5), rng.nonZero(-5, 5)];
      if (a * x0 + 2 * y0 !== 0) return { a, x0, y0, c: x0 * x0 + a * x0 * y0 + y0 * y0 };
    }
  },
  difficulty: (p) => (Math.abs(p.a) <= 3 ? 4 : 5),
  valid: (p) => p.x0 * p.x0 + p.a * p.x0 * p.y0 + p.y0 * p.y0 === p.c && p.a * p.x0 + 2 * p.y0 !== 0 && p.a > 0,
  derive(p, d) {
    d.note(`Differentiating: 2x + ${p.a}(y + x y') + 2y y' = 0, so y' = -(2x + ${p.a}y)/(${p.a}x + 2y).`);
    const top = d.int('the numerator', () => 2 * p.x0 + p.a * p.y0, (v) => `At (${p.x0}, ${p.y0}): 2x + ${p.a}y = ${v}.`);
    const bottom = d.int('the denominator', () => p.a * p.x0 + 2 * p.y0, (v) => `${p.a}x + 2y = ${v}.`, { nonZero: true });
    return answer.frac(d.num('dy/dx', () => Fraction.of(-top, bottom), (v) => `So dy/dx = -${par(top)}/${par(bottom)} = ${String(v)}.`));
  },
});

const definiteIntegral = defineFamily<{ f: number[]; a: number; b: number }>({
  name: 'definite-integral',
  domain: DOMAIN,
  subtopic: 'integrals',
  intent: 'evaluate a definite integral of a polynomial',
  knowledge: 'the fundamental theorem of calculus',
  slots: { f: poly(), a: int, b: int },
  templates: ['Evaluate the integral of {f} from x = {a} to x = {b}.', 'Compute ∫ from {a} to {b} of ({f}) dx.', 'What is the definite integral of f(x) = {f} over [{a}, {b}]?'],
  levels: [1, 2],
  sample(rng, level) {
    const a = rng.int(-3, 2);
    return { f: randomPoly(rng, level === 1 ? 1 : rng.int(2, 3), 6), a, b: a + rng.int(1, 4) };
  },
  difficulty: (p) => (p.f.length <= 2 ? 1 : 2),
  valid: (p) => p.b > p.a,
  derive(p, d) {
    d.note(`An antiderivative is F(x) = ${fractionPolynomial([Fraction.of(0), ...p.f.map((c, k) => Fraction.of(c, k + 1))])}.`);
    const upper = d.num(`F(${p.b})`, () => antiderivativeAt(p.f, p.b), (v) => `F(${p.b}) = ${String(v)}.`);
    const lower = d.num(`F(${p.a})`, () => antiderivativeAt(p.f, p.a), (v) => `F(${p.a}) = ${String(v)}.`);
    return answer.frac(d.num('the integral', () => upper.sub(lower), (v) => `The integral is ${String(upper)} - ${par(lower)} = ${String(v)}.`));
  },
});

const averageValue = defineFamily<{ f: number[]; b: number }>({
  name: 'average-value',
  domain: DOMAIN,
  subtopic: 'integrals',
  intent: 'find the average value of a function on an interval',
  knowledge: 'average value = integral divided by the length of the interval',
  slots: { f: poly(), b: nat },
  templates: ['What is the average value of f(x) = {f} on the interval [0, {b}]?', 'Find the mean value of {f} over 0 ≤ x ≤ {b}.'],
  levels: [2],
  sample: (rng) => ({ f: randomPoly(rng, 2, 6), b: rng.int(1, 6) }),
  difficulty: () => 2,
  valid: (p) => p.b >= 1,
  derive(p, d) {
    const integral = d.num('the integral', () => antiderivativeAt(p.f, p.b), (v) => `The integral from 0 to ${p.b} is ${String(v)}.`);
    return answer.frac(d.num('the average value', () => integral.div(p.b), (v) => `Dividing by the length ${p.b} gives ${String(v)}.`));
  },
});

const areaBetween = defineFamily<{ k: number }>({
  name: 'area-between-curves',
  domain: DOMAIN,
  subtopic: 'integrals',
  intent: 'compute the area enclosed by a parabola and a line',
  knowledge: 'integrating the difference of two functions between their intersections',
  slots: { k: nat },
  templates: ['Find the area of the region enclosed by y = x^2 and y = {k}x.', 'What is the area bounded by the parabola y = x^2 and the line y = {k}x?'],
  levels: [3],
  sample: (rng) => ({ k: rng.int(1, 9) }),
  difficulty: () => 3,
  valid: (p) => p.k >= 1,
  derive(p, d) {
    const right = d.int('the right intersection', () => p.k, (v) => `The curves meet where x^2 = ${p.k}x, at x = 0 and x = ${v}.`, { min: 1 });
    const a = d.num('the integral of the line', () => Fraction.of(p.k * right * right, 2), (v) => `∫_0^${right} ${p.k}x dx = ${String(v)}.`);
    const b = d.num('the integral of the parabola', () => Fraction.of(right ** 3, 3), (v) => `∫_0^${right} x^2 dx = ${String(v)}.`);
    const area = d.num('the area', () => a.sub(b), (v) => `The area is ${String(a)} - ${String(b)} = ${String(v)}.`, { min: 0, nonZero: true });
    if (area.compare(0) <= 0) throw new RangeError('an area is positive');
    return answer.frac(area);
  },
});

const substitution = defineFamily<{ c: number; n: number; a: number }>({
  name: 'integral-by-substitution',
  domain: DOMAIN,
  subtopic: 'integrals',
  intent: 'evaluate a definite integral by substitution',
  knowledge: 'u-substitution',
  slots: { c: nat, n: nat, a: nat },
  templates: ['Evaluate ∫ from 0 to {a} of x(x^2 + {c})^{n} dx.', 'Compute the integral of x·(x^2 + {c})^{n} with respect to x from 0 to {a}.'],
  levels: [4],
  sample: (rng) => ({ c: rng.int(1, 5), n: rng.int(1, 3), a: rng.int(1, 3) }),
  difficulty: () => 4,
  valid: (p) => p.n >= 1 && p.n <= 4,
  derive(p, d) {
    d.note(`Let u = x^2 + ${p.c}, so du = 2x dx and the integral becomes (1/2)∫ u^${p.n} du.`);
    const top = d.int('the upper limit in u', () => p.a * p.a + p.c, (v) => `The limits become u = ${p.c} to u = ${v}.`);
    const diff = d.int(`the difference of the powers`, () => top ** (p.n + 1) - p.c ** (p.n + 1), (v) => `u^${p.n + 1} changes by ${top}^${p.n + 1} - ${p.c}^${p.n + 1} = ${v}.`);
    return answer.frac(d.num('the integral', () => Fraction.of(diff, 2 * (p.n + 1)), (v) => `So the integral is ${diff}/${2 * (p.n + 1)} = ${String(v)}.`));
  },
});

const revolution = defineFamily<{ k: number }>({
  name: 'volume-of-revolution',
  domain: DOMAIN,
  subtopic: 'integrals',
  intent: 'compute the volume of a solid of revolution',
  knowledge: 'the washer method',
  slots: { k: nat },
  templates: ['The region between y = {k}x and y = x^2 is revolved about the x-axis. Find the volume of the resulting solid.', 'Find the volume generated when the region bounded by y = x^2 and y = {k}x is rotated around the x-axis.'],
  levels: [5],
  sample: (rng) => ({ k: rng.int(1, 4) }),
  difficulty: () => 5,
  valid: (p) => p.k >= 1 && p.k <= 20,
  derive(p, d) {
    const right = d.int('the right intersection', () => p.k, (v) => `The curves meet at x = 0 and x = ${v}.`, { min: 1 });
    d.note(`Washers: V = π∫_0^${right} ((${p.k}x)^2 - (x^2)^2) dx.`);
    const outer = d.num('the outer integral', () => Fraction.of(p.k * p.k * right ** 3, 3), (v) => `∫ ${p.k * p.k}x^2 dx = ${String(v)}.`);
    const inner = d.num('the inner integral', () => Fraction.of(right ** 5, 5), (v) => `∫ x^4 dx = ${String(v)}.`);
    const volume = d.num('the volume over π', () => outer.sub(inner), (v) => `So V = π(${String(outer)} - ${String(inner)}) = (${String(v)})π.`, { min: 0, nonZero: true });
    if (volume.compare(0) <= 0) throw new RangeError('a volume is positive');
    return answer.pi(volume);
  },
});

export function calculusDerivativeIntegralFamilies(): RealisticFamily[] {
  return [derivativeAt, derivativeExpression, tangentLine, inflection, chainProduct, implicitSlope, definiteIntegral, averageValue, areaBetween, substitution, revolution];
}

