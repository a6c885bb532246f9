import type { Rng } from '../rng.js';
import { Fraction } from './fraction.js';
import { gcd, isPrime, lcm, powMod, primeFactors } from './integer-math.js';
import { defineFamily, formatList, intAt, NAMES, parseIntList, ProblemParseError, textAt, type ProblemFamily } from './problem-family.js';

const DOMAIN = 'number_theory';
const SMALL_PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97];

function factorisation(n: number): string {
  return primeFactors(n).map(([p, e]) => (e === 1 ? `${p}` : `${p}^${e}`)).join(' · ');
}

type ModularKind = 'power' | 'product' | 'congruence';
interface Modular { kind: ModularKind; a: number; b: number; m: number }

const modular = defineFamily<Modular>({
  name: 'modular-arithmetic',
  domain: DOMAIN,
  subtopic: 'modular_arithmetic',
  sample(rng) {
    const kind = rng.pick<ModularKind>(['power', 'product', 'congruence']);
    if (kind === 'power') return { kind, a: rng.int(2, 40), b: rng.int(10, 999), m: rng.int(3, 60) };
    if (kind === 'product') return { kind, a: rng.int(100, 9999), b: rng.int(100, 9999), m: rng.int(3, 97) };
    const m = rng.pick(SMALL_PRIMES.slice(2));
    return { kind, a: rng.int(2, m - 1), b: rng.int(1, m - 1), m };
  },
  render({ kind, a, b, m }, rng) {
    if (kind === 'power') return rng.pick([`What is the remainder when ${a}^${b} is divided by ${m}?`, `Find ${a}^${b} mod ${m}.`, `Compute the remainder of ${a}^${b} upon division by ${m}.`]);
    if (kind === 'product') return rng.pick([`What is the remainder when ${a} × ${b} is divided by ${m}?`, `Find (${a} × ${b}) mod ${m}.`]);
    return rng.pick([`Find the smallest positive integer x such that ${a}x ≡ ${b} (mod ${m}).`, `What is the least positive solution of ${a}x ≡ ${b} (mod ${m})?`]);
  },
  parse(text) {
    const power = /(\d+)\^(\d+) (?:is divided by|mod|upon division by) (\d+)/.exec(text);
    if (power) return { kind: 'power', a: intAt(power, 1), b: intAt(power, 2), m: intAt(power, 3) };
    const product = /\(?(\d+) (?:×|\\times|\*) (\d+)\)? (?:is divided by|mod) (\d+)/.exec(text);
    if (product) return { kind: 'product', a: intAt(product, 1), b: intAt(product, 2), m: intAt(product, 3) };
    const congruence = /(\d+)x (?:≡|\\equiv) (\d+) \\?\(?(?:mod|\\pmod) ?\{?(\d+)/.exec(text);
    if (congruence) return { kind: 'congruence', a: intAt(congruence, 1), b: intAt(congruence, 2), m: intAt(congruence, 3) };
    return undefined;
  },
  work({ kind, a, b, m }) {
    if (m < 2) throw new ProblemParseError('modulus too small');
    if (kind === 'power') {
      const r = powMod(a, b, m);
      return { answer: `${r}`, steps: [`Reduce the base: ${a} ≡ ${a % m} (mod ${m}).`, `Square and multiply along the binary digits of ${b} (${b.toString(2)}), reducing modulo ${m} each time.`, `This gives ${a}^${b} ≡ ${r} (mod ${m}).`] };
    }
    if (kind === 'product') {
      const r = ((a % m) * (b % m)) % m;
      return { answer: `${r}`, steps: [`${a} ≡ ${a % m} and ${b} ≡ ${b % m} (mod ${m}).`, `${a % m} × ${b % m} = ${(a % m) * (b % m)} ≡ ${r} (mod ${m}).`] };
    }
    for (let x = 1; x <= m; x++) {
      if ((a * x - b) % m === 0) {
        return { answer: `${x}`, steps: [`We need ${a}x - ${b} to be a multiple of ${m}.`, `Trying x = 1, 2, … (or using the inverse of ${a} modulo ${m}), the first solution is x = ${x}.`] };
      }
    }
    throw new ProblemParseError('no solution');
  },
});

type DivisibilityKind = 'count' | 'sum' | 'either' | 'neither';
interface Divisibility { kind: DivisibilityKind; n: number; a: number; b: number }

const divisibility = defineFamily<Divisibility>({
  name: 'divisibility',
  domain: DOMAIN,
  subtopic: 'divisibility',
  sample(rng) {
    const kind = rng.pick<DivisibilityKind>(['count', 'sum', 'either', 'neither']);
    const a = rng.int(2, 15);
    let b = rng.int(2, 15);
    if (b === a) b = a + 1;
    return { kind, n: kind === 'count' ? rng.int(12, 50000) : kind === 'sum' ? rng.int(12, 5000) : rng.int(50, 2000), a, b };
  },
  render({ kind, n, a, b }, rng) {
    if (kind === 'count') return rng.pick([`How many positive divisors does ${n} have?`, `Find the number of positive factors of ${n}.`]);
    if (kind === 'sum') return rng.pick([`What is the sum of all positive divisors of ${n}?`, `Find the sum of the positive factors of ${n}.`]);
    if (kind === 'either') return `How many integers from 1 to ${n} are divisible by ${a} or ${b}?`;
    return `How many of the integers 1, 2, ..., ${n} are divisible by neither ${a} nor ${b}?`;
  },
  parse(text) {
    const count = /How many positive divisors does (\d+) have|number of positive factors of (\d+)/.exec(text);
    if (count) return { kind: 'count', n: Number(count[1] ?? count[2]), a: 0, b: 0 };
    const total = /sum of (?:all |the )?positive (?:divisors|factors) of (\d+)/.exec(text);
    if (total) return { kind: 'sum', n: intAt(total, 1), a: 0, b: 0 };
    const either = /from 1 to (\d+) are divisible by (\d+) or (\d+)/.exec(text);
    if (either) return { kind: 'either', n: intAt(either, 1), a: intAt(either, 2), b: intAt(either, 3) };
    const neither = /1, 2, \.\.\., (\d+) are divisible by neither (\d+) nor (\d+)/.exec(text);
    if (neither) return { kind: 'neither', n: intAt(neither, 1), a: intAt(neither, 2), b: intAt(neither, 3) };
    return undefined;
  },
  work({ kind, n, a, b }) {
    if (n < 1 || n > 1e9) throw new ProblemParseError('out of range');
    const factors = primeFactors(n);
    if (kind === 'count') {
      const count = factors.reduce((acc, [, e]) => acc * (e + 1), 1);
      return { answer: `${count}`, steps: [`Factor: ${n} = ${factorisation(n)}.`, `The divisor count is the product of (exponent + 1): ${factors.map(([, e]) => e + 1).join(' × ')} = ${count}.`] };
    }
    if (kind === 'sum') {
      const total = factors.reduce((acc, [p, e]) => (acc * (p ** (e + 1) - 1)) / (p - 1), 1);
      return { answer: `${total}`, steps: [`Factor: ${n} = ${factorisation(n)}.`, `The divisor sum is the product of (p^(e+1) - 1)/(p - 1) over the prime powers, which is ${total}.`] };
    }
    const l = lcm(a, b);
    const byA = Math.floor(n / a);
    const byB = Math.floor(n / b);
    const byBoth = Math.floor(n / l);
    const either = byA + byB - byBoth;
    const steps = [`Multiples of ${a}: ${byA}; multiples of ${b}: ${byB}; multiples of both (of lcm ${l}): ${byBoth}.`, `By inclusion-exclusion, ${byA} + ${byB} - ${byBoth} = ${either} are divisible by ${a} or ${b}.`];
    if (kind === 'either') return { answer: `${either}`, steps };
    return { answer: `${n - either}`, steps: [...steps, `So ${n} - ${either} = ${n - either} are divisible by neither.`] };
  },
});

type GcdKind = 'gcd' | 'lcm' | 'beads' | 'blink' | 'other';
interface GcdLcm { kind: GcdKind; values: number[] }

function sharedFactorPair(rng: Rng): [number, number, number] {
  const g = rng.int(2, 30);
  let x = rng.int(2, 30);
  let y = rng.int(2, 30);
  while (gcd(x, y) !== 1) [x, y] = [rng.int(2, 30), rng.int(2, 30)];
  return [g, g * x, g * y];
}

const gcdLcm = defineFamily<GcdLcm>({
  name: 'gcd-lcm',
  domain: DOMAIN,
  subtopic: 'gcd_lcm',
  sample(rng) {
    const kind = rng.pick<GcdKind>(['gcd', 'lcm', 'beads', 'blink', 'other']);
    const [g, a, b] = sharedFactorPair(rng);
    if (kind === 'other') return { kind, values: [g, lcm(a, b), a] };
    if (kind === 'blink') return { kind, values: [rng.int(4, 90), rng.int(4, 90)] };
    const three = (kind === 'gcd' || kind === 'lcm') && rng.chance(0.3);
    const values = kind === 'lcm' ? [rng.int(4, 120), rng.int(4, 120)] : [a, b];
    if (three) values.push(kind === 'gcd' ? g * rng.int(2, 20) : rng.int(2, 30));
    return { kind, values };
  },
  render({ kind, values }, rng) {
    const [a, b, c] = values;
    const name = rng.pick(NAMES);
    if (kind === 'beads') return `${name} has ${a} red beads and ${b} blue beads and wants to make identical bracelets using all of the beads with none left over. What is the greatest number of identical bracelets ${name} can make?`;
    if (kind === 'blink') return `One light blinks every ${a} seconds and another blinks every ${b} seconds. If they blink together now, after how many seconds will they next blink together?`;
    if (kind === 'other') return `The greatest common divisor of two positive integers is ${a} and their least common multiple is ${b}. If one of the integers is ${c}, what is the other?`;
    const long = kind === 'gcd' ? 'greatest common divisor' : 'least common multiple';
    return rng.pick([`What is the ${long} of ${formatList(values)}?`, `Find ${kind}(${values.join(', ')}).`]);
  },
  parse(text) {
    const other = /greatest common divisor of two positive integers is (\d+) and their least common multiple is (\d+)\. If one of the integers is (\d+)/.exec(text);
    if (other) return { kind: 'other', values: [intAt(other, 1), intAt(other, 2), intAt(other, 3)] };
    const beads = /has (\d+) red beads and (\d+) blue beads/.exec(text);
    if (beads) return { kind: 'beads', values: [intAt(beads, 1), intAt(beads, 2)] };
    const blink = /blinks every (\d+) seconds and another blinks every (\d+) seconds/.exec(text);
    if (blink) return { kind: 'blink', values: [intAt(blink, 1), intAt(blink, 2)] };
    const plain = /(greatest common divisor|least common multiple|gcd|lcm)(?: of |\()(\d+(?:(?:, | and |,)\d+)+)/.exec(text);
    if (!plain) return undefined;
    return { kind: /greatest|gcd/.test(textAt(plain, 1)) ? 'gcd' : 'lcm', values: parseIntList(textAt(plain, 2)) };
  },
  work({ kind, values }) {
    if (values.some((v) => v <= 0)) throw new ProblemParseError('not positive');
    if (kind === 'other') {
      const [g = 1, l = 1, a = 1] = values;
      const other = Fraction.of(g * l, a);
      if (!other.isInteger()) throw new ProblemParseError('inconsistent');
      return { answer: `${String(other)}`, steps: [`For two positive integers, gcd × lcm = product of the integers.`, `So the other integer is ${g} × ${l} / ${a} = ${String(other)}.`] };
    }
    const useGcd = kind === 'gcd' || kind === 'beads';
    const result = values.reduce((acc, v) => (useGcd ? gcd(acc, v) : lcm(acc, v)));
    const why = kind === 'beads' ? 'The number of bracelets must divide both counts, so we want the greatest common divisor.' : kind === 'blink' ? 'They blink together at common multiples of both periods, so we want the least common multiple.' : `Factor: ${values.map((v) => `${v} = ${factorisation(v)}`).join(', ')}.`;
    const rule = useGcd ? 'Take each shared prime to its smallest power' : 'Take each prime to its largest power';
    return { answer: `${result}`, steps: [why, `${rule}: the ${useGcd ? 'gcd' : 'lcm'} of ${formatList(values)} is ${result}.`] };
  },
});

type PrimeKind = 'largest' | 'sum' | 'between' | 'next';
interface Primes { kind: PrimeKind; a: number; b: number }

function composite(rng: Rng, min: number, max: number): number {
  for (;;) {
    const n = rng.int(min, max);
    if (!isPrime(n)) return n;
  }
}

const primes = defineFamily<Primes>({
  name: 'primes',
  domain: DOMAIN,
  subtopic: 'primes',
  sample(rng) {
    const kind = rng.pick<PrimeKind>(['largest', 'sum', 'between', 'next']);
    if (kind === 'between') {
      const a = composite(rng, 1, 400);
      return { kind, a, b: composite(rng, a + 10, a + 100) };
    }
    if (kind === 'next') return { kind, a: rng.int(10, 20000), b: 0 };
    const candidates = Array.from({ length: 150 }, (_, i) => i).filter(isPrime);
    const n = Array.from({ length: rng.pick([2, 3, 3, 4, 4]) }, () => rng.pick(candidates)).reduce((acc, p) => acc * p, 1);
    return { kind, a: n, b: 0 };
  },
  render({ kind, a, b }, rng) {
    if (kind === 'largest') return rng.pick([`What is the largest prime factor of ${a}?`, `Find the greatest prime divisor of ${a}.`]);
    if (kind === 'sum') return rng.pick([`What is the sum of the distinct prime factors of ${a}?`, `Find the sum of all distinct prime divisors of ${a}.`]);
    if (kind === 'between') return rng.pick([`How many prime numbers are there between ${a} and ${b}?`, `How many primes lie strictly between ${a} and ${b}?`]);
    return rng.pick([`What is the smallest prime number greater than ${a}?`, `Find the least prime larger than ${a}.`]);
  },
  parse(text) {
    const largest = /(?:largest prime factor|greatest prime divisor) of (\d+)/.exec(text);
    if (largest) return { kind: 'largest', a: intAt(largest, 1), b: 0 };
    const total = /sum of (?:the|all) distinct prime (?:factors|divisors) of (\d+)/.exec(text);
    if (total) return { kind: 'sum', a: intAt(total, 1), b: 0 };
    const between = /How many prime(?:s| numbers)(?: are there| lie strictly)? between (\d+) and (\d+)/.exec(text);
    if (between) return { kind: 'between', a: intAt(between, 1), b: intAt(between, 2) };
    const next = /(?:smallest prime number greater than|least prime larger than) (\d+)/.exec(text);
    if (next) return { kind: 'next', a: intAt(next, 1), b: 0 };
    return undefined;
  },
  work({ kind, a, b }) {
    if (a < 1 || a > 1e9 || b > 1e7) throw new ProblemParseError('out of range');
    if (kind === 'largest' || kind === 'sum') {
      const ps = primeFactors(a).map(([p]) => p);
      if (ps.length === 0) throw new ProblemParseError('no prime factors');
      const value = kind === 'largest' ? Math.max(...ps) : ps.reduce((s, p) => s + p, 0);
      const last = kind === 'largest' ? `The largest is ${value}.` : `Their sum is ${ps.join(' + ')} = ${value}.`;
      return { answer: `${value}`, steps: [`Factor: ${a} = ${factorisation(a)}.`, `The distinct primes are ${formatList(ps)}.`, last] };
    }
    if (kind === 'between') {
      const found: number[] = [];
      for (let n = a + 1; n < b; n++) if (isPrime(n)) found.push(n);
      return { answer: `${found.length}`, steps: [`Check each integer strictly between ${a} and ${b} for primality.`, `The primes are ${found.length ? formatList(found) : 'none'}, so there are ${found.length}.`] };
    }
    let n = a + 1;
    while (!isPrime(n)) n++;
    return { answer: `${n}`, steps: [`Test ${a + 1}, ${a + 2}, … in turn for divisibility by primes up to their square roots.`, `The first prime is ${n}.`] };
  },
});

type DigitKind = 'units' | 'digit-sum' | 'to-base' | 'from-base' | 'length';
interface Digits { kind: DigitKind; a: number; b: number }

const digits = defineFamily<Digits>({
  name: 'digits',
  domain: DOMAIN,
  subtopic: 'digits',
  sample(rng) {
    const kind = rng.pick<DigitKind>(['units', 'digit-sum', 'to-base', 'from-base', 'length']);
    if (kind === 'units') return { kind, a: rng.int(2, 99), b: rng.int(10, 2025) };
    if (kind === 'digit-sum') return { kind, a: rng.int(100, 9999), b: rng.int(100, 9999) };
    if (kind === 'length') return { kind, a: rng.int(2, 99), b: rng.int(5, 150) };
    return { kind, a: rng.int(20, 3000), b: rng.int(2, 9) };
  },
  render({ kind, a, b }, rng) {
    if (kind === 'units') return rng.pick([`What is the units digit of ${a}^${b}?`, `Find the last digit of ${a}^${b}.`]);
    if (kind === 'digit-sum') return rng.pick([`What is the sum of the digits of ${a} × ${b}?`, `Find the digit sum of the product ${a} × ${b}.`]);
    if (kind === 'length') return `How many digits does ${a}^${b} have?`;
    if (kind === 'to-base') return rng.pick([`Write ${a} in base ${b}.`, `What is ${a} (base 10) written in base ${b}?`, `Convert the decimal number ${a} to base ${b}.`]);
    const written = a.toString(b);
    return rng.pick([`What is the base-10 value of the base-${b} number ${written}?`, `Convert ${written} from base ${b} to base 10.`]);
  },
  parse(text) {
    const units = /(?:units digit|last digit) of (\d+)\^(\d+)/.exec(text);
    if (units) return { kind: 'units', a: intAt(units, 1), b: intAt(units, 2) };
    const sumOf = /(?:sum of the digits of|digit sum of the product) (\d+) (?:×|\\times) (\d+)/.exec(text);
    if (sumOf) return { kind: 'digit-sum', a: intAt(sumOf, 1), b: intAt(sumOf, 2) };
    const length = /How many digits does (\d+)\^(\d+) have/.exec(text);
    if (length) return { kind: 'length', a: intAt(length, 1), b: intAt(length, 2) };
    const to = /(?:Write|Convert the decimal number|What is) (\d+)(?: \(base 10\))?(?: written)? (?:in|to) base (\d+)/.exec(text);
    if (to) return { kind: 'to-base', a: intAt(to, 1), b: intAt(to, 2) };
    const from = /base-10 value of the base-(\d+) number (\d+)|Convert (\d+) from base (\d+) to base 10/.exec(text);
    if (!from) return undefined;
    const [base, written] = from[1] ? [Number(from[1]), textAt(from, 2)] : [Number(from[4]), textAt(from, 3)];
    if (base < 2 || base > 10 || [...written].some((d) => Number(d) >= base)) throw new ProblemParseError('bad digit');
    return { kind: 'from-base', a: parseInt(written, base), b: base };
  },
  work({ kind, a, b }) {
    if (kind === 'units') {
      const cycle = [1, 2, 3, 4].map((k) => powMod(a, k, 10));
      const r = powMod(a, b, 10);
      return { answer: `${r}`, steps: [`Only the units digit ${a % 10} matters; its powers end in ${cycle.join(', ')}, repeating every 4 at most.`, `${b} ≡ ${b % 4} (mod 4), so the units digit of ${a}^${b} is ${r}.`] };
    }
    if (kind === 'digit-sum') {
      const product = a * b;
      const total = [...`${product}`].reduce((s, d) => s + Number(d), 0);
      return { answer: `${total}`, steps: [`${a} × ${b} = ${product}.`, `The digits add up to ${[...`${product}`].join(' + ')} = ${total}.`] };
    }
    if (kind === 'length') {
      if (b > 2000) throw new ProblemParseError('too large');
      const count = (BigInt(a) ** BigInt(b)).toString().length;
      return { answer: `${count}`, steps: [`The number of digits of N is floor(log10 N) + 1.`, `log10(${a}^${b}) = ${b} · log10(${a}) ≈ ${(b * Math.log10(a)).toFixed(3)}, so ${a}^${b} has ${count} digits.`] };
    }
    if (b < 2 || b > 10) throw new ProblemParseError('unsupported base');
    const written = a.toString(b);
    if (kind === 'from-base') {
      const terms = [...written].map((d, i) => `${d}·${b}^${written.length - 1 - i}`).join(' + ');
      return { answer: `${a}`, steps: [`Expand by place value: ${terms}.`, `This adds up to ${a}.`] };
    }
    return { answer: written, steps: [`Divide ${a} by ${b} repeatedly and record the remainders.`, `Reading the remainders from last to first gives ${written}.`] };
  },
});

/** Every number-theory family, one or more per subtopic of configs/domains.json. */
export function numberTheoryFamilies(): ProblemFamily[] {
  return [modular, divisibility, gcdLcm, primes, digits];
}
