import { Fraction } from '../problems/fraction.js';
import { gcd, isPrime, lcm, powMod, primeFactors } from '../problems/integer-math.js';
import { answer } from './answer-latex.js';
import { defineFamily } from './define-family.js';
import type { RealisticFamily } from './family-types.js';
import { intChoice, nat, word } from './slot-kinds.js';

const DOMAIN = 'number_theory';

const gcdLcm = defineFamily<{ a: number; b: number; ask: 'greatest common divisor' | 'least common multiple' }>({
  name: 'gcd-and-lcm',
  domain: DOMAIN,
  subtopic: 'gcd_lcm',
  intent: 'compute a greatest common divisor or least common multiple',
  knowledge: 'the Euclidean algorithm',
  slots: { a: nat, b: nat, ask: word(['greatest common divisor', 'least common multiple']) },
  templates: ['What is the {ask} of {a} and {b}?', 'Find the {ask} of the numbers {a} and {b}.', 'Compute the {ask} of {a} and {b}.', 'Two integers are {a} and {b}. What is their {ask}?'],
  levels: [1],
  sample(rng) {
    const g = rng.int(2, 30);
    return { a: g * rng.int(2, 40), b: g * rng.int(2, 40), ask: rng.pick(['greatest common divisor', 'least common multiple'] as const) };
  },
  difficulty: () => 1,
  valid: (p) => p.a > 0 && p.b > 0,
  derive(p, d) {
    if (d.path(2) === 1) {
      const fa = new Map(primeFactors(p.a));
      const fb = new Map(primeFactors(p.b));
      const primes = [...new Set([...fa.keys(), ...fb.keys()])].sort((u, v) => u - v);
      d.note(`Factor both: ${p.a} = ${[...fa].map(([q, e]) => `${q}^${e}`).join('·')} and ${p.b} = ${[...fb].map(([q, e]) => `${q}^${e}`).join('·')}.`);
      const pick = p.ask === 'greatest common divisor' ? Math.min : Math.max;
      let acc = 1;
      for (const q of primes) {
        const e = pick(fa.get(q) ?? 0, fb.get(q) ?? 0);
        if (e > 0) acc = d.int(`the running ${p.ask}`, () => acc * q ** e, (v) => `${q} contributes ${q}^${e}; running product ${v}.`, { min: 1 });
      }
      return answer.int(acc);
    }
    let [x, y] = [Math.max(p.a, p.b), Math.min(p.a, p.b)];
    while (y !== 0) {
      const r = d.int('the remainder', () => x % y, (v) => `${x} = ${Math.floor(x / y)}·${y} + ${v}.`, { min: 0, max: y - 1 });
      [x, y] = [y, r];
    }
    if (p.ask === 'greatest common divisor') return answer.int(x);
    return answer.int(d.int('the lcm', () => (p.a * p.b) / x, (v) => `The lcm is ${p.a}·${p.b}/${x} = ${v}.`));
  },
});

const productIdentity = defineFamily<{ g: number; l: number; a: number }>({
  name: 'gcd-lcm-product',
  domain: DOMAIN,
  subtopic: 'gcd_lcm',
  intent: 'find a number from its gcd and lcm with another',
  knowledge: 'gcd(a, b)·lcm(a, b) = a·b',
  slots: { g: nat, l: nat, a: nat },
  templates: ['The greatest common divisor of two numbers is {g} and their least common multiple is {l}. If one of the numbers is {a}, what is the other?', 'Two positive integers have gcd {g} and lcm {l}. One of them is {a}. Find the other one.', 'If gcd(x, {a}) = {g} and lcm(x, {a}) = {l}, what is x?'],
  levels: [2],
  sample(rng) {
    for (;;) {
      const g = rng.int(2, 20);
      const [x, y] = [rng.int(1, 15), rng.int(1, 15)];
      if (gcd(x, y) === 1 && x !== y) return { g, l: g * x * y, a: g * x };
    }
  },
  difficulty: () => 2,
  valid: (p) => (p.g * p.l) % p.a === 0 && gcd(p.a, (p.g * p.l) / p.a) === p.g,
  derive(p, d) {
    const product = d.int('the product', () => p.g * p.l, (v) => `The product of the two numbers is gcd·lcm = ${p.g}·${p.l} = ${v}.`);
    return answer.frac(d.num('the other number', () => Fraction.of(product, p.a), (v) => `So the other number is ${product}/${p.a} = ${String(v)}.`));
  },
});

const bells = defineFamily<{ a: number; b: number; c: number; count: 'two' | 'three' }>({
  name: 'bells-ring-together',
  domain: DOMAIN,
  subtopic: 'gcd_lcm',
  intent: 'find when periodic events coincide again',
  knowledge: 'the least common multiple',
  slots: { a: nat, b: nat, c: nat, count: word(['two', 'three']) },
  defaults: { c: 1 },
  templates: [
    { text: 'Two bells ring every {a} and {b} minutes. They ring together at noon. After how many minutes will they next ring together?', when: { count: 'two' } },
    { text: 'Three lighthouses flash every {a}, {b} and {c} seconds, and flash together now. In how many seconds will they next flash together?', when: { count: 'three' } },
  ],
  levels: [2, 3],
  sample: (rng, level) => ({ a: rng.int(4, 40), b: rng.int(4, 40), c: level === 2 ? 1 : rng.int(4, 40), count: level === 2 ? 'two' : 'three' }),
  difficulty: (p) => (p.count === 'two' ? 2 : 3),
  derive(p, d) {
    const first = d.int(`lcm(${p.a}, ${p.b})`, () => lcm(p.a, p.b), (v) => `lcm(${p.a}, ${p.b}) = ${v}.`, { min: 1 });
    if (p.count === 'two') return answer.int(first);
    return answer.int(d.int('the common period', () => lcm(first, p.c), (v) => `lcm(${first}, ${p.c}) = ${v}.`, { min: 1 }));
  },
});

const gcdOfExpressions = defineFamily<{ a: number; b: number }>({
  name: 'largest-gcd-of-expressions',
  domain: DOMAIN,
  subtopic: 'gcd_lcm',
  intent: 'find the largest possible gcd of two expressions in n',
  knowledge: 'the Euclidean algorithm on polynomials in n',
  slots: { a: nat, b: nat },
  templates: ['As n ranges over the positive integers, what is the largest possible value of gcd(n + {a}, n^2 + {b})?', 'Find the maximum of gcd(n + {a}, n^2 + {b}) over all positive integers n.', 'What is the greatest value the greatest common divisor of n + {a} and n^2 + {b} can take for a positive integer n?'],
  levels: [4],
  sample: (rng) => ({ a: rng.int(1, 15), b: rng.int(1, 60) }),
  difficulty: () => 4,
  valid: (p) => p.a >= 1,
  derive(p, d) {
    d.note(`n ≡ -${p.a} modulo any common divisor, so gcd(n + ${p.a}, n^2 + ${p.b}) divides (-${p.a})^2 + ${p.b}.`);
    return answer.int(d.int('the largest gcd', () => p.a * p.a + p.b, (v) => `That number is ${p.a * p.a} + ${p.b} = ${v}, and n = ${p.a * p.a + p.b} - ${p.a} attains it.`, { min: 1 }));
  },
});

const lcmPairs = defineFamily<{ n: number }>({
  name: 'pairs-with-given-lcm',
  domain: DOMAIN,
  subtopic: 'gcd_lcm',
  intent: 'count the ordered pairs of positive integers with a given lcm',
  knowledge: 'exponents of each prime in a pair with a given maximum',
  slots: { n: nat },
  templates: ['How many ordered pairs (x, y) of positive integers satisfy lcm(x, y) = {n}?', 'Find the number of ordered pairs of positive integers whose least common multiple is {n}.', 'Count the ordered pairs (a, b) of positive integers with least common multiple equal to {n}.'],
  levels: [5],
  sample: (rng) => ({ n: [2, 3, 5, 7, 11].reduce((acc, q) => acc * q ** rng.int(0, 3), 1) * rng.pick([2, 3, 5]) }),
  difficulty: () => 5,
  valid: (p) => p.n >= 2 && p.n <= 1e12,
  derive(p, d) {
    const factors = primeFactors(p.n);
    d.note(`${p.n} = ${factors.map(([q, e]) => `${q}^${e}`).join('·')}; for each prime, the larger exponent must equal e.`);
    let acc = 1;
    for (const [q, e] of factors) acc = d.int('the running count', () => acc * (2 * e + 1), (v) => `For ${q}^${e}: 2·${e} + 1 = ${2 * e + 1} choices; running product ${v}.`, { min: 1 });
    return answer.int(acc);
  },
});

const largestPrimeFactor = defineFamily<{ n: number }>({
  name: 'largest-prime-factor',
  domain: DOMAIN,
  subtopic: 'primes',
  intent: 'find the largest prime factor of a number',
  knowledge: 'prime factorisation by trial division',
  slots: { n: nat },
  templates: ['What is the largest prime factor of {n}?', 'Find the greatest prime that divides {n}.', 'Which is the biggest prime in the prime factorisation of {n}?', 'Factor {n} into primes. What is its largest prime factor?'],
  levels: [1],
  sample: (rng) => ({ n: rng.int(60, 5000) }),
  difficulty: () => 1,
  valid: (p) => p.n >= 2,
  derive(p, d) {
    const factors = primeFactors(p.n);
    d.note(`${p.n} = ${factors.map(([q, e]) => (e === 1 ? `${q}` : `${q}^${e}`)).join('·')}.`);
    return answer.int(d.int('the largest prime factor', () => factors.at(-1)?.[0] ?? p.n, (v) => `The largest prime factor is ${v}.`, { min: 2 }));
  },
});

const primeCount = defineFamily<{ lo: number; hi: number }>({
  name: 'count-primes-in-range',
  domain: DOMAIN,
  subtopic: 'primes',
  intent: 'count the primes in an interval',
  knowledge: 'testing small numbers for primality',
  slots: { lo: nat, hi: nat },
  templates: ['How many prime numbers are there between {lo} and {hi}, inclusive?', 'Count the primes p with {lo} ≤ p ≤ {hi}.', 'How many primes lie in the interval from {lo} to {hi}, endpoints included?'],
  levels: [2],
  sample(rng) {
    const lo = rng.int(1, 150);
    return { lo, hi: lo + rng.int(10, 60) };
  },
  difficulty: () => 2,
  valid: (p) => p.hi >= p.lo && p.hi - p.lo <= 500,
  derive(p, d) {
    const primes = Array.from({ length: p.hi - p.lo + 1 }, (_, i) => p.lo + i).filter(isPrime);
    d.note(`The primes in range are ${primes.join(', ') || 'none'}.`);
    return answer.int(d.int('the number of primes', () => primes.length, (v) => `That is ${v} primes.`, { min: 0 }));
  },
});

const totient = defineFamily<{ n: number }>({
  name: 'euler-totient',
  domain: DOMAIN,
  subtopic: 'primes',
  intent: 'count the integers coprime to n',
  knowledge: "Euler's totient function",
  slots: { n: nat },
  templates: ['How many integers from 1 to {n} are relatively prime to {n}?', 'Compute φ({n}), the number of positive integers up to {n} that are coprime to it.', 'Find the number of fractions k/{n} with 1 ≤ k ≤ {n} that are already in lowest terms.', 'Evaluate Euler’s totient function at {n}.'],
  levels: [3],
  sample: (rng) => ({ n: rng.int(30, 3000) }),
  difficulty: () => 3,
  valid: (p) => p.n >= 2 && p.n <= 1e9,
  derive(p, d) {
    let acc = p.n;
    for (const [q] of primeFactors(p.n)) acc = d.int('the running value', () => (acc / q) * (q - 1), (v) => `Multiply by (1 - 1/${q}): ${v}.`, { min: 1 });
    return answer.int(acc);
  },
});

const factorialExponent = defineFamily<{ n: number; q: number; ask: 'zeros' | 'exponent' }>({
  name: 'prime-power-in-factorial',
  domain: DOMAIN,
  subtopic: 'primes',
  intent: 'find the exponent of a prime in a factorial',
  knowledge: "Legendre's formula",
  slots: { n: nat, q: nat, ask: word(['zeros', 'exponent']) },
  defaults: { q: 5 },
  templates: [
    { text: 'How many zeros are at the end of {n}!?', when: { ask: 'zeros' } },
    { text: 'With how many zeros does the decimal expansion of {n}! end?', when: { ask: 'zeros' } },
    { text: 'What is the largest power of {q} that divides {n}!? Give the exponent.', when: { ask: 'exponent' } },
    { text: 'How many trailing zeros does the factorial of {n} have?', when: { ask: 'zeros' } },
    { text: 'Find the exponent of the prime {q} in the prime factorisation of {n}!.', when: { ask: 'exponent' } },
  ],
  levels: [3, 4],
  sample: (rng, level) => ({ n: rng.int(25, 2000), q: level === 3 ? 5 : rng.pick([2, 3, 7, 11, 13]), ask: level === 3 ? 'zeros' : 'exponent' }),
  difficulty: (p) => (p.ask === 'zeros' ? 3 : 4),
  valid: (p) => isPrime(p.q),
  derive(p, d) {
    if (p.ask === 'zeros') d.note('Trailing zeros come from factors 10 = 2·5, and 5s are the scarcer.');
    let acc = 0;
    for (let power = p.q; power <= p.n; power *= p.q) acc = d.int('the running count', () => acc + Math.floor(p.n / power), (v) => `⌊${p.n}/${power}⌋ = ${Math.floor(p.n / power)}; running total ${v}.`, { min: 0 });
    return answer.int(acc);
  },
});

const wilson = defineFamily<{ p: number; back: number }>({
  name: 'wilson-theorem',
  domain: DOMAIN,
  subtopic: 'primes',
  intent: 'find a factorial modulo a prime',
  knowledge: "Wilson's theorem",
  slots: { p: nat, back: intChoice([2, 3]) },
  templates: ['Find the remainder when ({p} - {back})! is divided by {p}.', 'What is ({p} - {back})! mod {p}?', 'The number {p} is prime. Compute the factorial of {p} - {back} modulo {p}.'],
  levels: [4, 5],
  sample: (rng, level) => ({ p: rng.pick([11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71]), back: level === 4 ? 2 : 3 }),
  difficulty: (p) => (p.back === 2 ? 4 : 5),
  valid: (p) => isPrime(p.p) && p.p > 5,
  derive(q, d) {
    d.note(`By Wilson's theorem, (${q.p} - 1)! ≡ -1 (mod ${q.p}).`);
    if (q.back === 2) return answer.int(d.int('the remainder', () => 1, (v) => `Since ${q.p} - 1 ≡ -1, (${q.p} - 2)! ≡ ${v}.`, { min: 0, max: q.p - 1 }));
    d.note(`(${q.p} - 1)! = (${q.p} - 1)(${q.p} - 2)·(${q.p} - 3)! ≡ (-1)(-2)·(${q.p} - 3)! = 2·(${q.p} - 3)!.`);
    return answer.int(d.int('the remainder', () => (q.p - 1) / 2, (v) => `So 2·(${q.p} - 3)! ≡ -1, giving (${q.p} - 3)! ≡ ${v} (mod ${q.p}).`, { min: 0, max: q.p - 1 }));
  },
});

const digitSum = defineFamily<{ a: number; n: number }>({
  name: 'digit-sum-of-power',
  domain: DOMAIN,
  subtopic: 'digits',
  intent: 'find the sum of the digits of a power',
  knowledge: 'computing a power exactly',
  slots: { a: nat, n: nat },
  templates: ['What is the sum of the digits of {a}^{n}?', 'Find the digit sum of {a}^{n}.', 'Add up the decimal digits of {a}^{n}. What do you get?'],
  levels: [1],
  sample: (rng) => ({ a: rng.int(2, 12), n: rng.int(2, 6) }),
  difficulty: () => 1,
  valid: (p) => p.a ** p.n < 1e15,
  derive(p, d) {
    const value = d.int(`${p.a}^${p.n}`, () => p.a ** p.n, (v) => `${p.a}^${p.n} = ${v}.`);
    return answer.int(d.int('the digit sum', () => String(value).split('').reduce((s, c) => s + Number(c), 0), (v) => `Its digits add up to ${v}.`));
  },
});

const baseConversion = defineFamily<{ n: number; base: number; ask: 'digit sum' | 'decimal' }>({
  name: 'base-conversion',
  domain: DOMAIN,
  subtopic: 'digits',
  intent: 'convert between number bases',
  knowledge: 'place value in base b',
  slots: { n: nat, base: nat, ask: word(['digit sum', 'decimal']) },
  templates: [
    { text: 'Write {n} in base {base}. What is the sum of its digits in that base?', when: { ask: 'digit sum' } },
    { text: 'The base-{base} numeral {n} is written with digits 0 to {base} - 1. What is its value in base 10?', when: { ask: 'decimal' } },
  ],
  levels: [2, 3],
  sample(rng, level) {
    const base = rng.int(2, 9);
    if (level === 2) return { n: rng.int(30, 3000), base, ask: 'digit sum' };
    const digits = Array.from({ length: rng.int(3, 6) }, () => rng.int(0, base - 1));
    digits[0] = rng.int(1, base - 1);
    return { n: Number(digits.join('')), base, ask: 'decimal' };
  },
  difficulty: (p) => (p.ask === 'digit sum' ? 2 : 3),
  valid: (p) => p.base >= 2 && p.base <= 10 && (p.ask === 'digit sum' || String(p.n).split('').every((c) => Number(c) < p.base)),
  derive(p, d) {
    if (p.ask === 'digit sum') {
      const digits = p.n.toString(p.base);
      d.note(`${p.n} in base ${p.base} is ${digits}.`);
      return answer.int(d.int('the digit sum', () => digits.split('').reduce((s, c) => s + Number(c), 0), (v) => `Its digits add up to ${v}.`));
    }
    let acc = 0;
    for (const c of String(p.n)) acc = d.int('the running value', () => acc * p.base + Number(c), (v) => `${acc}·${p.base} + ${c} = ${v}.`);
    return answer.int(acc);
  },
});

const unitsDigit = defineFamily<{ a: number; n: number; b: number; m: number; terms: 'one' | 'two' }>({
  name: 'units-digit',
  domain: DOMAIN,
  subtopic: 'digits',
  intent: 'find the units digit of a power or a sum of powers',
  knowledge: 'units digits repeat in cycles of length dividing 4',
  slots: { a: nat, n: nat, b: nat, m: nat, terms: word(['one', 'two']) },
  defaults: { b: 0, m: 1 },
  templates: [
    { text: 'What is the units digit of {a}^{n}?', when: { terms: 'one' } },
    { text: 'Find the last digit of {a}^{n}.', when: { terms: 'one' } },
    { text: 'What is the units digit of {a}^{n} + {b}^{m}?', when: { terms: 'two' } },
    { text: 'What is the ones digit of {a}^{n}?', when: { terms: 'one' } },
    { text: 'Find the last digit of the sum {a}^{n} + {b}^{m}.', when: { terms: 'two' } },
  ],
  levels: [2, 3],
  sample: (rng, level) => ({ a: rng.int(2, 99), n: rng.int(20, 5000), b: level === 2 ? 0 : rng.int(2, 99), m: level === 2 ? 1 : rng.int(20, 5000), terms: level === 2 ? 'one' : 'two' }),
  difficulty: (p) => (p.terms === 'one' ? 2 : 3),
  valid: (p) => p.n >= 1 && p.m >= 1,
  derive(p, d) {
    const first = d.int(`the units digit of ${p.a}^${p.n}`, () => powMod(p.a % 10, ((p.n - 1) % 4) + 1, 10), (v) => `Units digits of ${p.a % 10}^k repeat every 4; ${p.n} ≡ ${((p.n - 1) % 4) + 1} in the cycle, giving ${v}.`, { min: 0, max: 9 });
    if (p.terms === 'one') return answer.int(first);
    const second = d.int(`the units digit of ${p.b}^${p.m}`, () => powMod(p.b % 10, ((p.m - 1) % 4) + 1, 10), (v) => `Likewise ${p.b}^${p.m} ends in ${v}.`, { min: 0, max: 9 });
    return answer.int(d.int('the units digit of the sum', () => (first + second) % 10, (v) => `The sum ends in (${first} + ${second}) mod 10 = ${v}.`, { min: 0, max: 9 }));
  },
});

const decimalPeriod = defineFamily<{ p: number }>({
  name: 'repeating-decimal-period',
  domain: DOMAIN,
  subtopic: 'digits',
  intent: 'find the length of the repeating block of 1/p',
  knowledge: 'the multiplicative order of 10 modulo p',
  slots: { p: nat },
  templates: ['How many digits are in the repeating block of the decimal expansion of 1/{p}?', 'The decimal for 1/{p} is purely periodic. What is the length of its period?', 'What is the period length of the repeating decimal 1/{p}?'],
  levels: [4],
  sample: (rng) => ({ p: rng.pick([7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101]) }),
  difficulty: () => 4,
  valid: (p) => isPrime(p.p) && p.p > 5,
  derive(p, d) {
    d.note(`The period is the least k with 10^k ≡ 1 (mod ${p.p}), and k divides ${p.p - 1}.`);
    let k = 1;
    while (powMod(10, k, p.p) !== 1) k++;
    return answer.int(d.int('the period', () => k, (v) => `Checking the divisors of ${p.p - 1}, the first that works is ${v}.`, { min: 1 }));
  },
});

const zerosInBase = defineFamily<{ n: number; base: number }>({
  name: 'factorial-zeros-in-base',
  domain: DOMAIN,
  subtopic: 'digits',
  intent: 'count the trailing zeros of a factorial written in another base',
  knowledge: "Legendre's formula for each prime power of the base",
  slots: { n: nat, base: nat },
  templates: ['How many zeros does {n}! end with when written in base {base}?', 'When {n}! is written in base {base}, how many trailing zeros does it have?', 'In base {base}, the number {n}! ends in a run of zeros. How long is that run?'],
  levels: [5],
  sample: (rng) => ({ n: rng.int(20, 300), base: rng.pick([6, 8, 9, 12, 16, 18, 24, 36]) }),
  difficulty: () => 5,
  valid: (p) => p.base >= 2 && p.n >= 1,
  derive(p, d) {
    const factors = primeFactors(p.base);
    d.note(`${p.base} = ${factors.map(([q, e]) => `${q}^${e}`).join('·')}; each zero needs one copy of each prime power.`);
    let best = Infinity;
    for (const [q, e] of factors) {
      let count = 0;
      for (let power = q; power <= p.n; power *= q) count += Math.floor(p.n / power);
      const zeros = d.int(`the zeros allowed by ${q}`, () => Math.floor(count / e), (v) => `${q} divides ${p.n}! exactly ${count} times, allowing ⌊${count}/${e}⌋ = ${v} zeros.`, { min: 0 });
      best = Math.min(best, zeros);
    }
    return answer.int(best);
  },
});

export function numberTheoryPrimeDigitFamilies(): RealisticFamily[] {
  return [gcdLcm, productIdentity, bells, gcdOfExpressions, lcmPairs, largestPrimeFactor, primeCount, totient, factorialExponent, wilson, digitSum, baseConversion, unitsDigit, decimalPeriod, zerosInBase];
}

