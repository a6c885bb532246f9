/** Bits beyond which exact arithmetic gives up (a number of about 6,000 decimal digits): `10^{10^{10}}` must not exhaust the heap. */
export const MAX_EXACT_BITS = 20_000;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * An exact rational number over bigints, always reduced with a positive denominator. Immutable.
 * Operations whose result would exceed MAX_EXACT_BITS return undefined, so callers fall back to
 * floating point instead of hanging.
 */
export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static of(num: bigint, den = 1n): Rational {
    if (den === 0n) throw new RangeError('zero denominator');
    const sign = den < 0n ? -1n : 1n;
    const g = gcd(abs(num), abs(den));
    return new Rational((sign * num) / g, (sign * den) / g);
  }

  /**
   * Parses a decimal literal exactly: `-12`, `0.125`, `.5`, `1e-13`, `6.02e23`. Undefined for
   * anything else, and for exponents that would exceed MAX_EXACT_BITS.
   */
  static parseDecimal(text: string): Rational | undefined {
    const m = DECIMAL.exec(text.trim());
    if (!m) return undefined;
    const [, sign = '', whole = '', frac = '', exponentText = '0'] = m;
    if (whole === '' && frac === '') return undefined;
    const exponent = Number(exponentText) - frac.length;
    if (Math.abs(exponent) * 3.33 > MAX_EXACT_BITS) return undefined;
    const digits = BigInt(`${whole}${frac}` || '0') * (sign === '-' ? -1n : 1n);
    return exponent >= 0 ? Rational.of(digits * 10n ** BigInt(exponent)) : Rational.of(digits, 10n ** BigInt(-exponent));
  }

  /** The exact value of a finite double (every double is a dyadic rational). */
  static fromNumber(x: number): Rational | undefined {
    if (!Number.isFinite(x)) return undefined;
    return Rational.parseDecimal(String(x));
  }

  get isZero(): boolean {
    return this.num === 0n;
  }

  get isInteger(): boolean {
    return this.den === 1n;
  }

  /** True when the decimal expansion ends (the denominator has no prime factor but 2 and 5). */
  get terminates(): boolean {
    let d = this.den;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
  }

  add(o: Rational): Rational | undefined {
    return bounded(Rational.of(this.num * o.den + o.num * this.den, this.den * o.den));
  }

  sub(o: Rational): Rational | undefined {
    return this.add(o.neg());
  }

  mul(o: Rational): Rational | undefined {
    return bounded(Rational.of(this.num * o.num, this.den * o.den));
  }

  div(o: Rational): Rational | undefined {
    if (o.isZero) return undefined;
    return bounded(Rational.of(this.num * o.den, this.den * o.num));
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  /** `this^k` for an integer k; undefined for 0^(negative) or a result too large to hold exactly. */
  pow(k: bigint): Rational | undefined {
    if (k === 0n) return this.isZero ? undefined : Rational.ONE;
    if (this.isZero) return k > 0n ? Rational.ZERO : undefined;
    const bits = Math.max(bitLength(abs(this.num)), bitLength(this.den));
    if (bits * Math.abs(Number(k)) > MAX_EXACT_BITS) return undefined;
    const e = k < 0n ? -k : k;
    const r = Rational.of(this.num ** e, this.den ** e);
    return k < 0n ? Rational.ONE.div(r) : r;
  }

  /** The exact n-th root when it is rational (`\sqrt{9/4}` = 3/2), else undefined. */
  root(n: bigint): Rational | undefined {
    if (n <= 0n) return undefined;
    if (this.num < 0n) {
      if (n % 2n === 0n) return undefined;
      return this.neg().root(n)?.neg();
    }
    const a = integerRoot(this.num, n);
    const b = integerRoot(this.den, n);
    return a !== undefined && b !== undefined ? Rational.of(a, b) : undefined;
  }

  compare(o: Rational): number {
    const d = this.num * o.den - o.num * this.den;
    return d === 0n ? 0 : d < 0n ? -1 : 1;
  }

  equals(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }

  /** The nearest double, also for numerators and denominators beyond 2^1024 (then ±Infinity or 0 only when the value is). */
  toNumber(): number {
    if (bitLength(abs(this.num)) < 1000 && bitLength(this.den) < 1000) return Number(this.num) / Number(this.den);
    const shift = bitLength(abs(this.num)) - bitLength(this.den) - 64;
    const q = shift > 0 ? this.num / (this.den << BigInt(shift)) : (this.num << BigInt(-shift)) / this.den;
    return Number(q) * 2 ** shift;
  }

  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
}

function bounded(r: Rational): Rational | undefined {
  return bitLength(abs(r.num)) + bitLength(r.den) > MAX_EXACT_BITS ? undefined : r;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** The integer n-th root of x ≥ 0 when x is a perfect n-th power, else undefined (Newton's method). */
function integerRoot(x: bigint, n: bigint): bigint | undefined {
  if (x < 2n) return x;
  const k = Number(n);
  let r = BigInt(Math.round(Math.pow(Number(x), 1 / k)));
  if (!Number.isFinite(Number(x))) r = 1n << BigInt(Math.ceil(bitLength(x) / k));
  for (let guard = 0; guard < 200; guard++) {
    if (r <= 0n) r = 1n;
    const next = ((n - 1n) * r + x / r ** (n - 1n)) / n;
    if (next === r || next === r + 1n || next + 1n === r) {
      for (const c of [r - 1n, r, r + 1n]) if (c >= 0n && c ** n === x) return c;
      return undefined;
    }
    r = next;
  }
  return undefined;
}
