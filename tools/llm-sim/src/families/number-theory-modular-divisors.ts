import { gcd, isPrime, powMod, primeFactors } from '../problems/integer-math.js';
import { answer } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { RealisticFamily } from './family-types.js';
import { intChoice, nat, word } from './slot-kinds.js';

const DOMAIN = 'number_theory';

/** The inverse of a modulo m, when gcd(a, m) = 1. */
function inverse(a: number, m: number): number {
  for (let x = 1; x < m; x++) if ((a * x) % m === 1) return x;
  throw new RangeError(`${a} has no inverse modulo ${m}`);
}

const expressionRemainder = defineFamily<{ a: number; b: number; c: number; m: number }>({
  name: 'remainder-of-expression',
  domain: DOMAIN,
  subtopic: 'modular_arithmetic',
  intent: 'find the remainder of an arithmetic expression',
  knowledge: 'reducing factors modulo m',
  slots: { a: nat, b: nat, c: nat, m: nat },
  templates: ['What is the remainder when {a}·{b} + {c} is divided by {m}?', 'Find ({a} × {b} + {c}) mod {m}.', 'Compute the remainder of {a} times {b}, plus {c}, upon division by {m}.', 'If N = {a}·{b} + {c}, what is N modulo {m}?'],
  levels: [1],
  sample: (rng) => ({ a: rng.int(10, 999), b: rng.int(10, 999), c: rng.int(1, 500), m: rng.int(3, 30) }),
  difficulty: () => 1,
  valid: (p) => p.m >= 2,
  derive(p, d) {
    const ra = d.int(`${p.a} mod ${p.m}`, () => p.a % p.m, (v) => `${p.a} ≡ ${v} (mod ${p.m}).`, { min: 0, max: p.m - 1 });
    const rb = d.int(`${p.b} mod ${p.m}`, () => p.b % p.m, (v) => `${p.b} ≡ ${v} (mod ${p.m}).`, { min: 0, max: p.m - 1 });
    return answer.int(d.int('the remainder', () => (ra * rb + p.c) % p.m, (v) => `So the expression is ≡ ${ra}·${rb} + ${p.c} ≡ ${v} (mod ${p.m}).`, { min: 0, max: p.m - 1 }));
  },
});

const powerRemainder = defineFamily<{ a: number; n: number; m: number }>({
  name: 'power-remainder',
  domain: DOMAIN,
  subtopic: 'modular_arithmetic',
  intent: 'find the remainder of a large power',
  knowledge: "cycles of powers modulo m and Fermat's little theorem",
  slots: { a: nat, n: nat, m: nat },
  templates: ['What is the remainder when {a}^{n} is divided by {m}?', 'Find {a}^{n} mod {m}.', 'Compute the remainder of {a} raised to the power {n} on division by {m}.', 'Determine the least non-negative residue of {a}^{n} modulo {m}.', 'What is {a}^{n} congruent to modulo {m}, as a number from 0 to {m} - 1?'],
  levels: [2, 3],
  sample(rng, level) {
    const m = level === 2 ? rng.int(3, 12) : rng.pick([13, 17, 19, 23, 29, 31, 37, 41, 43]);
    let a = rng.int(2, 30);
    if (a % m === 0) a += 1;
    return { a, n: level === 2 ? rng.int(10, 99) : rng.int(100, 9999), m };
  },
  difficulty: (p) => (p.n < 100 ? 2 : 3),
  valid: (p) => p.m >= 2 && (p.n < 100 || (isPrime(p.m) && p.a % p.m !== 0)),
  derive(p, d) {
    const base = d.int('the reduced base', () => p.a % p.m, (v) => `${p.a} ≡ ${v} (mod ${p.m}).`, { min: 0, max: p.m - 1 });
    let period = 1;
    for (let v = base % p.m; v !== 1 && period <= p.m; period++) v = (v * base) % p.m;
    if (period > p.m) return answer.int(d.int('the remainder', () => powMod(base, p.n, p.m), (v) => `Repeated squaring gives ${v}.`, { min: 0, max: p.m - 1 }));
    const cycle = d.int('the length of the cycle', () => period, (v) => [`The powers of ${base} repeat with period ${v} modulo ${p.m}.`, `${base}^${v} ≡ 1 (mod ${p.m}).`], { min: 1 });
    const reduced = d.int('the reduced exponent', () => p.n % cycle, (v) => `${p.n} = ${cycle}·${Math.floor(p.n / cycle)} + ${v}.`, { min: 0 });
    return answer.int(d.int('the remainder', () => powMod(base, reduced, p.m), (v) => `So ${p.a}^${p.n} ≡ ${base}^${reduced} ≡ ${v} (mod ${p.m}).`, { min: 0, max: p.m - 1 }));
  },
});

const linearCongruence = defineFamily<{ a: number; b: number; m: number }>({
  name: 'linear-congruence',
  domain: DOMAIN,
  subtopic: 'modular_arithmetic',
  intent: 'solve a linear congruence',
  knowledge: 'modular inverses',
  slots: { a: nat, b: nat, m: nat },
  templates: ['Find the smallest positive integer x with {a}x ≡ {b} (mod {m}).', 'Solve {a}x ≡ {b} (mod {m}) for the least positive x.', 'What is the least positive integer x such that {a}x leaves remainder {b} when divided by {m}?', 'Find the smallest positive solution of the congruence {a}x ≡ {b} modulo {m}.'],
  levels: [3],
  sample(rng) {
    for (;;) {
      const m = rng.int(7, 60);
      const a = rng.int(2, m - 1);
      if (gcd(a, m) === 1) return { a, b: rng.int(1, m - 1), m };
    }
  },
  difficulty: () => 3,
  valid: (p) => p.m >= 2 && gcd(p.a, p.m) === 1,
  derive(p, d) {
    const inv = d.int(`the inverse of ${p.a}`, () => inverse(p.a % p.m, p.m), (v) => `The inverse of ${p.a} modulo ${p.m} is ${v}, since ${p.a}·${v} ≡ 1.`, { min: 1, max: p.m - 1 });
    const x = d.int('x', () => (p.b * inv) % p.m, (v) => `Multiplying by it, x ≡ ${p.b}·${inv} ≡ ${v} (mod ${p.m}).`, { min: 0, max: p.m - 1 });
    return answer.int(x === 0 ? p.m : x);
  },
});

const crt = defineFamily<{ r1: number; m1: number; r2: number; m2: number; r3: number; m3: number; count: 'two' | 'three' }>({
  name: 'chinese-remainder',
  domain: DOMAIN,
  subtopic: 'modular_arithmetic',
  intent: 'find the least positive solution of simultaneous congruences',
  knowledge: 'the Chinese remainder theorem',
  slots: { r1: nat, m1: nat, r2: nat, m2: nat, r3: nat, m3: nat, count: word(['two', 'three']) },
  defaults: { r3: 0, m3: 1 },
  templates: [
    { text: 'Find the smallest positive integer that leaves remainder {r1} when divided by {m1} and remainder {r2} when divided by {m2}.', when: { count: 'two' } },
    { text: 'What is the least positive x with x ≡ {r1} (mod {m1}) and x ≡ {r2} (mod {m2})?', when: { count: 'two' } },
    { text: 'A number leaves remainder {r1} on division by {m1} and remainder {r2} on division by {m2}. What is the smallest such positive number?', when: { count: 'two' } },
    { text: 'When a box of marbles is shared among {m1} children, {r1} are left over; among {m2} children, {r2} are left over; among {m3} children, {r3} are left over. What is the least number of marbles the box can hold?', when: { count: 'three' } },
    { text: 'Find the least positive x with x ≡ {r1} (mod {m1}), x ≡ {r2} (mod {m2}) and x ≡ {r3} (mod {m3}).', when: { count: 'three' } },
  ],
  levels: [4, 5],
  sample(rng, level) {
    const moduli = rng.shuffle([3, 4, 5, 7, 9, 11, 13]).slice(0, 3);
    const [m1 = 3, m2 = 4, m3 = 5] = moduli.every((a, i) => moduli.every((b, j) => i === j || gcd(a, b) === 1)) ? moduli : [5, 7, 9];
    const r = (m: number): number => rng.int(1, m - 1);
    return level === 4 ? { r1: r(m1), m1, r2: r(m2), m2, r3: 0, m3: 1, count: 'two' } : { r1: r(m1), m1, r2: r(m2), m2, r3: r(m3), m3, count: 'three' };
  },
  difficulty: (p) => (p.count === 'two' ? 4 : 5),
  valid: (p) => gcd(p.m1, p.m2) === 1 && gcd(p.m1, p.m3) === 1 && gcd(p.m2, p.m3) === 1 && p.r1 < p.m1 && p.r2 < p.m2 && p.r3 < p.m3,
  derive(p, d) {
    let [x, m] = [p.r1, p.m1];
    const steps: [number, number][] = [[p.r2, p.m2], ...(p.count === 'three' ? [[p.r3, p.m3] as [number, number]] : [])];
    d.note(`Start from x = ${x} + ${m}k.`);
    for (const [r, mod] of steps) {
      const k = d.int('the multiple to add', () => (((r - x) % mod) + mod) % mod * inverse(m % mod, mod) % mod, (v) => `Need ${x} + ${m}k ≡ ${r} (mod ${mod}): k ≡ ${v}.`, { min: 0, max: mod - 1 });
      x = d.int('the combined solution', () => x + m * k, (v) => `So x ≡ ${v} (mod ${m * mod}).`);
      m *= mod;
    }
    return answer.int(x === 0 ? m : x);
  },
});

const lastTwoDigits = defineFamily<{ a: number; n: number }>({
  name: 'last-two-digits-of-power',
  domain: DOMAIN,
  subtopic: 'modular_arithmetic',
  intent: 'find the last two digits of a huge power',
  knowledge: "Euler's theorem and the Chinese remainder theorem modulo 4 and 25",
  slots: { a: nat, n: nat },
  templates: ['What are the last two digits of {a}^{n}? Give them as a number from 0 to 99.', 'Find {a}^{n} mod 100.', 'What number is formed by the tens and units digits of {a}^{n}?', 'Compute the remainder when {a}^{n} is divided by 100.'],
  levels: [5],
  sample: (rng) => ({ a: rng.pick([3, 7, 9, 11, 13, 17, 19, 21, 23, 27, 29, 31, 33, 37]), n: rng.int(1000, 99999) }),
  difficulty: () => 5,
  valid: (p) => gcd(p.a, 10) === 1,
  derive(p, d) {
    d.note(`gcd(${p.a}, 100) = 1 and φ(100) = 40, so ${p.a}^40 ≡ 1 (mod 100).`);
    const e = d.int('the exponent modulo 40', () => p.n % 40, (v) => `${p.n} ≡ ${v} (mod 40).`, { min: 0, max: 39 });
    return answer.int(d.int('the last two digits', () => powMod(p.a, e, 100), (v) => `So the last two digits are those of ${p.a}^${e}, namely ${v}.`, { min: 0, max: 99 }));
  },
});

const divisorStats = defineFamily<{ n: number; ask: 'number' | 'sum' }>({
  name: 'divisor-count-and-sum',
  domain: DOMAIN,
  subtopic: 'divisibility',
  intent: 'count or add the positive divisors of a number',
  knowledge: 'the divisor functions from the prime factorisation',
  slots: { n: nat, ask: word(['number', 'sum']) },
  templates: [
    { text: 'How many positive divisors does {n} have?', when: { ask: 'number' } },
    { text: 'Find the number of positive divisors of {n}.', when: { ask: 'number' } },
    { text: 'What is the sum of all positive divisors of {n}?', when: { ask: 'sum' } },
    { text: 'Compute σ({n}), the sum of the positive divisors of {n}.', when: { ask: 'sum' } },
    { text: 'The number {n} has how many positive factors?', when: { ask: 'number' } },
  ],
  levels: [2, 3],
  sample: (rng, level) => ({ n: rng.int(24, 2000), ask: level === 2 ? 'number' : 'sum' }),
  difficulty: (p) => (p.ask === 'number' ? 2 : 3),
  valid: (p) => p.n >= 2 && p.n <= 1e7,
  derive(p, d) {
    const factors = primeFactors(p.n);
    d.note(`${p.n} = ${factors.map(([q, e]) => (e === 1 ? `${q}` : `${q}^${e}`)).join('·')}.`);
    let acc = 1;
    for (const [q, e] of factors) {
      acc = p.ask === 'number'
        ? d.int('the running divisor count', () => acc * (e + 1), (v) => `The factor ${q}^${e} contributes ${e + 1}; running product ${v}.`, { min: 1 })
        : d.int('the running divisor sum', () => (acc * (q ** (e + 1) - 1)) / (q - 1), (v) => `1 + ${q} + … + ${q}^${e} = ${(q ** (e + 1) - 1) / (q - 1)}; running product ${v}.`, { min: 1 });
    }
    return answer.int(acc);
  },
});

const multiplesInRange = defineFamily<{ n: number; a: number; b: number; ask: 'one' | 'either' }>({
  name: 'count-multiples',
  domain: DOMAIN,
  subtopic: 'divisibility',
  intent: 'count the multiples of given numbers up to a bound',
  knowledge: 'floor division and inclusion–exclusion',
  slots: { n: nat, a: nat, b: nat, ask: word(['one', 'either']) },
  defaults: { b: 1 },
  templates: [
    { text: 'How many integers from 1 to {n} are divisible by {a}?', when: { ask: 'one' } },
    { text: 'How many positive integers not exceeding {n} are divisible by {a} or by {b}?', when: { ask: 'either' } },
    { text: 'Count the integers between 1 and {n} inclusive that are multiples of {a} or of {b}.', when: { ask: 'either' } },
    { text: 'Among the first {n} positive integers, how many are multiples of {a}?', when: { ask: 'one' } },
  ],
  levels: [1, 2],
  sample(rng, level) {
    const a = rng.int(3, 19);
    return { n: rng.int(100, 5000), a, b: a + rng.int(1, 9), ask: level === 1 ? 'one' : 'either' };
  },
  difficulty: (p) => (p.ask === 'one' ? 1 : 2),
  valid: (p) => p.a >= 2 && (p.ask === 'one' || (p.b >= 2 && p.a !== p.b)),
  derive(p, d) {
    const ca = d.int(`the multiples of ${p.a}`, () => Math.floor(p.n / p.a), (v) => `⌊${p.n}/${p.a}⌋ = ${v}.`, { min: 0 });
    if (p.ask === 'one') return answer.int(ca);
    const cb = d.int(`the multiples of ${p.b}`, () => Math.floor(p.n / p.b), (v) => `⌊${p.n}/${p.b}⌋ = ${v}.`, { min: 0 });
    const l = (p.a / gcd(p.a, p.b)) * p.b;
    const both = d.trap({ label: 'the multiples of both', right: () => Math.floor(p.n / l), wrong: () => Math.floor(p.n / (p.a * p.b)), say: (v) => `Multiples of both are multiples of lcm = ${l}: ⌊${p.n}/${l}⌋ = ${v}.`, sayWrong: (v) => `Multiples of both are multiples of ${p.a * p.b}: ${v}.` });
    return answer.int(d.int('the count', () => ca + cb - both, (v) => `By inclusion–exclusion, ${ca} + ${cb} - ${both} = ${v}.`));
  },
});

const missingDigit = defineFamily<{ left: number; right: number; by: number }>({
  name: 'missing-digit-divisibility',
  domain: DOMAIN,
  subtopic: 'divisibility',
  intent: 'find a missing digit that makes a number divisible by 3 or 9',
  knowledge: 'the digit-sum tests for 3 and 9',
  slots: { left: nat, right: nat, by: intChoice([9, 3]) },
  templates: ['The number {left}d{right} (with d a single digit) is divisible by {by}. Find the sum of all possible values of d.', 'A digit d makes the integer written {left}d{right} a multiple of {by}. What is the sum of all such digits d?', 'For which digits d is {left}d{right} divisible by {by}? Give the sum of all of them.'],
  levels: [2],
  sample: (rng) => ({ left: rng.int(10, 999), right: rng.int(10, 999), by: rng.pick([9, 3]) }),
  difficulty: () => 2,
  valid: (p) => p.left >= 1,
  derive(p, d) {
    const digitSum = (n: number): number => String(n).split('').reduce((a, c) => a + Number(c), 0);
    const known = d.int('the sum of the known digits', () => digitSum(p.left) + digitSum(p.right), (v) => `The known digits add up to ${v}.`);
    const r = d.int('the required residue of d', () => (((p.by - (known % p.by)) % p.by) + p.by) % p.by, (v) => `We need d ≡ ${v} (mod ${p.by}).`, { min: 0, max: p.by - 1 });
    const values = Array.from({ length: 10 }, (_, i) => i).filter((x) => x % p.by === r);
    return answer.int(d.int('the sum of the possible digits', () => values.reduce((a, b) => a + b, 0), (v) => `The digits ${values.join(', ')} work; their sum is ${v}.`));
  },
});

const squareDivisors = defineFamily<{ n: number; ask: 'square' | 'odd' }>({
  name: 'special-divisors',
  domain: DOMAIN,
  subtopic: 'divisibility',
  intent: 'count the divisors of a number with an extra property',
  knowledge: 'choosing exponents in the prime factorisation',
  slots: { n: nat, ask: word(['square', 'odd']) },
  templates: [
    { text: 'How many positive divisors of {n} are perfect squares?', when: { ask: 'square' } },
    { text: 'How many of the positive divisors of {n} are odd?', when: { ask: 'odd' } },
    { text: 'Count the perfect squares that divide {n}.', when: { ask: 'square' } },
    { text: 'How many odd positive integers divide {n}?', when: { ask: 'odd' } },
  ],
  levels: [4, 5],
  sample(rng, level) {
    const n = [2, 3, 5, 7].reduce((acc, q) => acc * q ** rng.int(level === 4 ? 1 : 2, level === 4 ? 4 : 6), 1);
    return { n, ask: level === 4 ? 'odd' : 'square' };
  },
  difficulty: (p) => (p.ask === 'odd' ? 4 : 5),
  valid: (p) => p.n >= 2 && p.n <= 1e15,
  derive(p, d) {
    const factors = primeFactors(p.n);
    d.note(`${p.n} = ${factors.map(([q, e]) => `${q}^${e}`).join('·')}.`);
    let acc = 1;
    for (const [q, e] of factors) {
      if (p.ask === 'odd' && q === 2) {
        d.note('An odd divisor uses no factor 2.');
        continue;
      }
      const choices = p.ask === 'square' ? Math.floor(e / 2) + 1 : e + 1;
      acc = d.int('the running count', () => acc * choices, (v) => `${q} can appear ${p.ask === 'square' ? `with an even exponent from 0 to ${e}` : `with exponent 0 to ${e}`}: ${choices} ways; running product ${v}.`, { min: 1 });
    }
    return answer.int(acc);
  },
});

export function numberTheoryModularDivisorFamilies(): RealisticFamily[] {
  return [expressionRemainder, powerRemainder, linearCongruence, crt, lastTwoDigits, divisorStats, multiplesInRange, missingDigit, squareDivisors];
}

