import { ProblemParseError } from './problem-family.js';

/** The integer square root; throws ProblemParseError when `n` is not a perfect square. */
export function exactSqrt(n: number): number {
  const r = Math.round(Math.sqrt(n));
  if (n < 0 || r * r !== n) throw new ProblemParseError(`${n} is not a perfect square`);
  return r;
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

export function lcm(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : Math.abs((a / gcd(a, b)) * b);
}

export function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/** Prime factorisation as [prime, exponent] pairs in increasing order; empty for n < 2. */
export function primeFactors(n: number): [number, number][] {
  const out: [number, number][] = [];
  let rest = n;
  for (let p = 2; p * p <= rest; p++) {
    let e = 0;
    while (rest % p === 0) {
      rest /= p;
      e++;
    }
    if (e > 0) out.push([p, e]);
  }
  if (rest > 1) out.push([rest, 1]);
  return out;
}

/** C(n, k), exact for the small values the problems use; throws ProblemParseError when it would lose precision. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) result = (result * (n - Math.min(k, n - k) + i)) / i;
  if (!Number.isSafeInteger(result)) throw new ProblemParseError('too large');
  return Math.round(result);
}

export function factorial(n: number): number {
  let result = 1;
  for (let i = 2; i <= n; i++) result *= i;
  if (!Number.isSafeInteger(result)) throw new ProblemParseError('too large');
  return result;
}

/** base^exp mod m by repeated squaring (bigint, so large exponents stay exact). */
export function powMod(base: number, exp: number, m: number): number {
  let result = 1n;
  let b = BigInt(base) % BigInt(m);
  let e = BigInt(exp);
  const mod = BigInt(m);
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return Number(result % mod);
}

/** True when n is the square of an integer. */
export function isPerfectSquare(n: number): boolean {
  if (n < 0) return false;
  const r = Math.round(Math.sqrt(n));
  return r * r === n;
}
