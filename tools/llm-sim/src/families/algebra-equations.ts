import { Fraction } from '../problems/fraction.js';
import { formatPolynomial as fp } from '../problems/polynomial.js';
import { answer } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { Difficulty, RealisticFamily } from './family-types.js';
import { int, name, nat, poly, word } from './slot-kinds.js';
import { par, term } from './step-format.js';

const DOMAIN = 'algebra';

const linearEquation = defineFamily<{ lhs: number[]; rhs: number[]; who: string }>({
  name: 'linear-equation',
  domain: DOMAIN,
  subtopic: 'linear_equations',
  intent: 'solve a linear equation in one variable',
  knowledge: 'how to isolate a variable in a linear equation',
  slots: { lhs: poly(), rhs: poly(), who: name },
  defaults: { who: 'Alice' },
  templates: [
    'Solve for x: {lhs} = {rhs}.',
    'Find the value of x that satisfies {lhs} = {rhs}.',
    'What value of x makes the equation {lhs} = {rhs} true?',
    '{who} solved the equation {lhs} = {rhs} correctly. What value of x did {who} find?',
  ],
  levels: [1, 2],
  sample(rng, level) {
    const a = rng.nonZero(-12, 12);
    const who = rng.pick(['Alice', 'Ben', 'Chloe', 'Daniel', 'Maya', 'Samir']);
    if (level === 1) {
      const x = rng.int(-15, 15);
      const b = rng.nonZero(-40, 40);
      return { lhs: [b, a], rhs: [a * x + b], who };
    }
    let d = rng.nonZero(-9, 9);
    if (d === a) d += 1;
    if (d === 0) d = 2;
    return { lhs: [rng.int(-40, 40), a], rhs: [rng.nonZero(-60, 60), d], who };
  },
  difficulty: (p) => ((p.rhs[1] ?? 0) !== 0 ? 2 : 1),
  valid: (p) => p.lhs.length <= 2 && p.rhs.length <= 2 && (p.lhs[1] ?? 0) !== (p.rhs[1] ?? 0),
  derive(p, d) {
    const [b = 0, a = 0] = p.lhs;
    const [e = 0, c = 0] = p.rhs;
    if (c !== 0 && d.path(2) === 1) {
      const rest = d.int('the constant on the right', () => e - b, (v) => `Move the constants first: ${fp([0, a])} = ${fp([v, c])}.`);
      const coef = d.int('the coefficient of x', () => a - c, (v) => `Then gather the x terms: ${term(v)} = ${rest}.`, { nonZero: true });
      return answer.frac(d.num('x', () => Fraction.of(rest, coef), (v) => `So x = ${rest}/${par(coef)} = ${String(v)}.`));
    }
    const coef = c === 0 ? a : d.int('the coefficient of x', () => a - c, (v) => [`Bring the x terms to the left: ${fp([b, v])} = ${e}.`, `Subtracting ${fp([0, c])} from both sides gives ${fp([b, v])} = ${e}.`], { nonZero: true });
    const rest = d.int('the right-hand side', () => e - b, (v) => [`Move the constant to the right: ${term(coef)} = ${v}.`, `Now ${term(coef)} = ${e} - ${par(b)} = ${v}.`]);
    const x = d.num('x', () => Fraction.of(rest, coef), (v) => [`Divide both sides by ${coef}: x = ${String(v)}.`, `So x = ${rest}/${coef} = ${String(v)}.`]);
    return answer.frac(x);
  },
});

const linearSystem = defineFamily<{ a: number; b: number; c: number; e: number; f: number; g: number }>({
  name: 'linear-system',
  domain: DOMAIN,
  subtopic: 'linear_equations',
  intent: 'solve a system of two linear equations',
  knowledge: 'elimination or substitution for linear systems',
  slots: { a: int, b: int, c: int, e: int, f: int, g: int },
  templates: [
    'Solve the system of equations {a}x + {b}y = {c} and {e}x + {f}y = {g}. Give your answer as an ordered pair (x, y).',
    'Find the ordered pair (x, y) that satisfies both {a}x + {b}y = {c} and {e}x + {f}y = {g}.',
    'The lines {a}x + {b}y = {c} and {e}x + {f}y = {g} meet at one point. What are its coordinates?',
  ],
  levels: [2, 3],
  sample(rng, level) {
    for (;;) {
      const [a, b, e, f] = [rng.int(1, 9), rng.int(1, 9), rng.int(1, 9), rng.int(1, 9)];
      const det = a * f - b * e;
      if (det === 0) continue;
      if (level === 2) {
        const [x, y] = [rng.int(-9, 9), rng.int(-9, 9)];
        return { a, b, c: a * x + b * y, e, f, g: e * x + f * y };
      }
      const [c, g] = [rng.int(-30, 30), rng.int(-30, 30)];
      if ((c * f - b * g) % det !== 0 || (a * g - c * e) % det !== 0) return { a, b, c, e, f, g };
    }
  },
  difficulty: (p) => {
    const det = p.a * p.f - p.b * p.e;
    return (p.c * p.f - p.b * p.g) % det === 0 && (p.a * p.g - p.c * p.e) % det === 0 ? 2 : 3;
  },
  valid: (p) => p.a * p.f - p.b * p.e !== 0,
  derive(p, d) {
    if (d.path(2) === 0) {
      d.note(`Multiply the first equation by ${p.e} and the second by ${p.a} to line up the x terms.`);
      const yCoef = d.int('the coefficient of y after elimination', () => p.b * p.e - p.a * p.f, (v) => `Subtracting, ${term(v, 'y')} = ${p.c * p.e - p.a * p.g}.`, { nonZero: true });
      const y = d.num('y', () => Fraction.of(p.c * p.e - p.a * p.g, yCoef), (v) => `So y = ${String(v)}.`);
      const x = d.num('x', () => Fraction.of(p.c).sub(y.mul(p.b)).div(p.a), (v) => `Substituting into the first equation, ${term(p.a)} = ${p.c} - ${p.b}·${par(y)}, so x = ${String(v)}.`);
      return answer.tuple([x, y]);
    }
    const det = d.int('the determinant', () => p.a * p.f - p.b * p.e, (v) => `By Cramer's rule, the determinant is ${p.a}·${p.f} - ${p.b}·${p.e} = ${v}.`, { nonZero: true });
    const x = d.num('x', () => Fraction.of(p.c * p.f - p.b * p.g, det), (v) => `x = (${p.c}·${p.f} - ${p.b}·${par(p.g)})/${par(det)} = ${String(v)}.`);
    const y = d.num('y', () => Fraction.of(p.a * p.g - p.c * p.e, det), (v) => `y = (${p.a}·${par(p.g)} - ${par(p.c)}·${p.e})/${par(det)} = ${String(v)}.`);
    return answer.tuple([x, y]);
  },
});

const AGE_RELATIVES = ['a younger cousin', 'a younger sibling', 'a classmate from primary school', 'a neighbour’s child'] as const;

const ageProblem = defineFamily<{ who: string; other: string; k: number; n: number; m: number }>({
  name: 'age-word-problem',
  domain: DOMAIN,
  subtopic: 'linear_equations',
  intent: 'find a present age from a ratio of ages now and later',
  knowledge: 'setting up and solving a linear equation from a word problem',
  slots: { who: name, other: word(AGE_RELATIVES), k: nat, n: nat, m: nat },
  templates: [
    '{who} is {k} times as old as {other}. In {n} years, {who} will be {m} times as old as {other}. How old is {who} now?',
    'Today {who} is {k} times as old as {other}, and {n} years from now {who} will be exactly {m} times as old. What is the present age of {who}?',
  ],
  levels: [2],
  sample(rng) {
    for (;;) {
      const m = rng.int(2, 4);
      const k = m + rng.int(1, 3);
      const n = rng.int(2, 20);
      // k·y + n = m·(y + n)  ⇒  y = n(m − 1)/(k − m)
      if ((n * (m - 1)) % (k - m) === 0) return { who: rng.pick(['Rosa', 'Hiro', 'Elena', 'Jonas', 'Keisha']), other: rng.pick(AGE_RELATIVES), k, n, m };
    }
  },
  difficulty: () => 2,
  valid: (p) => p.k > p.m && p.m >= 2 && (p.n * (p.m - 1)) % (p.k - p.m) === 0,
  derive(p, d) {
    d.note(`Let the younger age be y, so ${p.who} is ${p.k}y now.`);
    const lhs = d.int('the coefficient of y', () => p.k - p.m, (v) => `In ${p.n} years: ${p.k}y + ${p.n} = ${p.m}(y + ${p.n}), so ${term(v, 'y')} = ${p.m * p.n - p.n}.`, { min: 1 });
    const y = d.num('the younger age', () => Fraction.of(p.m * p.n - p.n, lhs), (v) => `Hence y = ${String(v)}.`);
    const age = d.num(`the age of ${p.who}`, () => y.mul(p.k), (v) => `${p.who} is ${p.k} × ${String(y)} = ${String(v)} years old.`);
    return answer.frac(age);
  },
});

const linearFunction = defineFamily<{ p: number; q: number; r: number; s: number; t: number; ask: 'value' | 'input' }>({
  name: 'linear-function-from-values',
  domain: DOMAIN,
  subtopic: 'linear_equations',
  intent: 'determine a linear function from two of its values',
  knowledge: 'slope and intercept of a linear function',
  slots: { p: int, q: int, r: int, s: int, t: int, ask: word(['value', 'input']) },
  templates: [
    { text: 'A linear function f satisfies f({p}) = {q} and f({r}) = {s}. Find f({t}).', when: { ask: 'value' } },
    { text: 'Let f be a linear function with f({p}) = {q} and f({r}) = {s}. What is f({t})?', when: { ask: 'value' } },
    { text: 'A linear function f satisfies f({p}) = {q} and f({r}) = {s}. For which x is f(x) = {t}?', when: { ask: 'input' } },
  ],
  levels: [3, 4],
  sample(rng, level) {
    const p = rng.int(-6, 6);
    const r = p + rng.nonZero(1, 7);
    return { p, q: rng.int(-20, 20), r, s: rng.int(-20, 20), t: rng.int(-15, 30), ask: level === 3 ? 'value' : 'input' };
  },
  difficulty: (p) => (p.ask === 'value' ? 3 : 4),
  valid: (p) => p.p !== p.r && (p.ask === 'value' || p.q !== p.s),
  derive(p, d) {
    const slope = d.num('the slope', () => Fraction.of(p.s - p.q, p.r - p.p), (v) => [`The slope is (${p.s} - ${par(p.q)})/(${p.r} - ${par(p.p)}) = ${String(v)}.`, `f changes by ${p.s - p.q} over a run of ${p.r - p.p}, a slope of ${String(v)}.`]);
    const intercept = d.num('the intercept', () => Fraction.of(p.q).sub(slope.mul(p.p)), (v) => `Then f(x) = mx + b with m = ${String(slope)} and b = ${p.q} - ${par(slope)}·${par(p.p)} = ${String(v)}.`);
    if (p.ask === 'value') return answer.frac(d.num(`f(${p.t})`, () => slope.mul(p.t).add(intercept), (v) => `f(${p.t}) = ${par(slope)}·${par(p.t)} + ${par(intercept)} = ${String(v)}.`));
    return answer.frac(d.num('x', () => Fraction.of(p.t).sub(intercept).div(slope), (v) => `Solving ${par(slope)}·x + ${par(intercept)} = ${p.t} gives x = ${String(v)}.`));
  },
});

const symmetricSystem = defineFamily<{ u: number; v: number; w: number; ask: 'product' | 'squares' }>({
  name: 'symmetric-three-variable-system',
  domain: DOMAIN,
  subtopic: 'linear_equations',
  intent: 'solve a symmetric system of three linear equations',
  knowledge: 'adding equations to find the total, then each variable',
  slots: { u: int, v: int, w: int, ask: word(['product', 'squares']) },
  templates: [
    { text: 'Real numbers x, y, z satisfy x + y = {u}, y + z = {v} and z + x = {w}. Compute xyz.', when: { ask: 'product' } },
    { text: 'If x + y = {u}, y + z = {v} and z + x = {w}, what is the value of the product xyz?', when: { ask: 'product' } },
    { text: 'Real numbers x, y, z satisfy x + y = {u}, y + z = {v} and z + x = {w}. Compute x^2 + y^2 + z^2.', when: { ask: 'squares' } },
  ],
  levels: [4, 5],
  sample(rng, level) {
    const [x, y, z] = [rng.int(-12, 15), rng.int(-12, 15), rng.int(-12, 15)];
    return { u: x + y, v: y + z, w: z + x, ask: level === 4 ? 'product' : 'squares' };
  },
  difficulty: (p) => (p.ask === 'product' ? 4 : 5),
  valid: (p) => (p.u + p.v + p.w) % 2 === 0,
  derive(p, d) {
    const total = d.int('x + y + z', () => (p.u + p.v + p.w) / 2, (v) => [`Adding all three equations, 2(x + y + z) = ${p.u + p.v + p.w}, so x + y + z = ${v}.`, `The three sums add to twice x + y + z, hence x + y + z = ${v}.`]);
    const z = d.int('z', () => total - p.u, (val) => `Then z = ${total} - ${par(p.u)} = ${val}.`);
    const x = d.int('x', () => total - p.v, (val) => `x = ${total} - ${par(p.v)} = ${val}.`);
    const y = d.int('y', () => total - p.w, (val) => `y = ${total} - ${par(p.w)} = ${val}.`);
    if (p.ask === 'product') return answer.int(d.int('xyz', () => x * y * z, (val) => `So xyz = (${x})(${y})(${z}) = ${val}.`));
    return answer.int(d.int('x^2 + y^2 + z^2', () => x * x + y * y + z * z, (val) => `So x^2 + y^2 + z^2 = ${x * x} + ${y * y} + ${z * z} = ${val}.`));
  },
});

const matrixPower = defineFamily<{ a: number; b: number; c: number; e: number; ask: 'square' | 'inverse' }>({
  name: 'matrix-square-or-inverse',
  domain: DOMAIN,
  subtopic: 'linear_equations',
  intent: 'compute the square or the inverse of a 2×2 matrix',
  knowledge: 'matrix multiplication, determinants and the inverse of a 2×2 matrix',
  slots: { a: int, b: int, c: int, e: int, ask: word(['square', 'inverse']) },
  templates: [
    { text: 'Let A be the 2×2 matrix with rows ({a}, {b}) and ({c}, {e}). Compute A^2.', when: { ask: 'square' } },
    { text: 'For the matrix A whose first row is ({a}, {b}) and second row is ({c}, {e}), find A^2.', when: { ask: 'square' } },
    { text: 'Let A be the 2×2 matrix with rows ({a}, {b}) and ({c}, {e}). Find the inverse matrix A^{-1}.', when: { ask: 'inverse' } },
  ],
  levels: [2, 3],
  sample(rng, level) {
    for (;;) {
      const [a, b, c, e] = [rng.int(-6, 6), rng.int(-6, 6), rng.int(-6, 6), rng.int(-6, 6)];
      if (level === 2) return { a, b, c, e, ask: 'square' };
      if (a * e - b * c !== 0) return { a, b, c, e, ask: 'inverse' };
    }
  },
  difficulty: (p) => (p.ask === 'square' ? 2 : 3),
  valid: (p) => p.ask === 'square' || p.a * p.e - p.b * p.c !== 0,
  derive(p, d) {
    if (p.ask === 'square') {
      const tl = d.int('the top-left entry', () => p.a * p.a + p.b * p.c, (v) => `Top left: ${par(p.a)}·${par(p.a)} + ${par(p.b)}·${par(p.c)} = ${v}.`);
      const tr = d.int('the top-right entry', () => p.a * p.b + p.b * p.e, (v) => `Top right: ${par(p.a)}·${par(p.b)} + ${par(p.b)}·${par(p.e)} = ${v}.`);
      const bl = d.int('the bottom-left entry', () => p.c * p.a + p.e * p.c, (v) => `Bottom left: ${par(p.c)}·${par(p.a)} + ${par(p.e)}·${par(p.c)} = ${v}.`);
      const br = d.int('the bottom-right entry', () => p.c * p.b + p.e * p.e, (v) => `Bottom right: ${par(p.c)}·${par(p.b)} + ${par(p.e)}·${par(p.e)} = ${v}.`);
      return answer.matrix([[tl, tr], [bl, br]]);
    }
    const det = d.int('the determinant', () => p.a * p.e - p.b * p.c, (v) => `det A = ${par(p.a)}·${par(p.e)} - ${par(p.b)}·${par(p.c)} = ${v}.`, { nonZero: true });
    d.note(`The inverse is 1/${par(det)} times the matrix with rows (${p.e}, ${-p.b}) and (${-p.c}, ${p.a}).`);
    return answer.matrix([[Fraction.of(p.e, det), Fraction.of(-p.b, det)], [Fraction.of(-p.c, det), Fraction.of(p.a, det)]]);
  },
});

type VietaAsk = 'sum' | 'product' | 'sum of squares' | 'sum of reciprocals' | 'sum of cubes';
const VIETA_LEVEL: Record<VietaAsk, Difficulty> = { sum: 1, product: 1, 'sum of squares': 2, 'sum of reciprocals': 3, 'sum of cubes': 4 };

const vieta = defineFamily<{ p: number[]; ask: VietaAsk }>({
  name: 'quadratic-vieta',
  domain: DOMAIN,
  subtopic: 'quadratics',
  intent: 'evaluate a symmetric function of the roots of a quadratic',
  knowledge: "Vieta's formulas and power-sum identities",
  slots: { p: poly(), ask: word(['sum', 'product', 'sum of squares', 'sum of reciprocals', 'sum of cubes']) },
  templates: [
    'Let r and s be the roots of {p} = 0. Find the {ask} of the roots.',
    'The equation {p} = 0 has roots r and s. What is the {ask} of r and s?',
    'Compute the {ask} of the two roots of the quadratic equation {p} = 0.',
  ],
  levels: [1, 2, 3, 4],
  sample(rng, level) {
    const options = (Object.keys(VIETA_LEVEL) as VietaAsk[]).filter((k) => VIETA_LEVEL[k] === level);
    const a = rng.int(1, 4);
    const c = rng.nonZero(-30, 30);
    return { p: [c, rng.nonZero(-20, 20), a], ask: rng.pick(options) };
  },
  difficulty: (p) => VIETA_LEVEL[p.ask],
  valid: (p) => p.p.length === 3 && (p.p[2] ?? 0) !== 0 && (p.ask !== 'sum of reciprocals' || (p.p[0] ?? 0) !== 0),
  derive(p, d) {
    const [c = 0, b = 0, a = 1] = p.p;
    const sum = d.num('r + s', () => Fraction.of(-b, a), (v) => [`By Vieta's formulas, r + s = -b/a = ${String(v)}.`, `The sum of the roots is ${-b}/${a} = ${String(v)}.`]);
    if (p.ask === 'sum') return answer.frac(sum);
    const product = d.num('rs', () => Fraction.of(c, a), (v) => [`and rs = c/a = ${String(v)}.`, `The product of the roots is ${c}/${a} = ${String(v)}.`]);
    if (p.ask === 'product') return answer.frac(product);
    if (p.ask === 'sum of reciprocals') return answer.frac(d.num('1/r + 1/s', () => sum.div(product), (v) => `1/r + 1/s = (r + s)/(rs) = ${String(v)}.`));
    const squares = d.num('r^2 + s^2', () => sum.mul(sum).sub(product.mul(2)), (v) => `r^2 + s^2 = (r + s)^2 - 2rs = ${String(sum.mul(sum))} - ${par(product.mul(2))} = ${String(v)}.`);
    if (p.ask === 'sum of squares') return answer.frac(squares);
    return answer.frac(d.num('r^3 + s^3', () => sum.mul(squares.sub(product)), (v) => `r^3 + s^3 = (r + s)(r^2 - rs + s^2) = ${String(sum)}·(${String(squares.sub(product))}) = ${String(v)}.`));
  },
});

export function algebraEquationFamilies(): RealisticFamily[] {
  return [linearEquation, linearSystem, ageProblem, linearFunction, symmetricSystem, matrixPower, vieta];
}
