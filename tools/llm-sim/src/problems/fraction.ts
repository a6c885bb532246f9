/** Thrown for a zero denominator, a non-integer part or a value too large to stay exact. */
export class FractionError extends Error {
  override readonly name = 'FractionError';
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** An exact rational number, always reduced with a positive denominator. */
export class Fraction {
  readonly num: number;
  readonly den: number;

  private constructor(num: number, den: number) {
    this.num = num;
    this.den = den;
  }

  /** Throws FractionError when `den` is 0 or either part is not a safe integer. */
  static of(num: number, den = 1): Fraction {
    if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) throw new FractionError(`not exact: ${num}/${den}`);
    if (den === 0) throw new FractionError('zero denominator');
    const g = gcd(num, den) || 1;
    const sign = den < 0 ? -1 : 1;
    return new Fraction((sign * num) / g + 0, (sign * den) / g);
  }

  add(o: Fraction | number): Fraction {
    const b = toFraction(o);
    return Fraction.of(this.num * b.den + b.num * this.den, this.den * b.den);
  }

  sub(o: Fraction | number): Fraction {
    return this.add(toFraction(o).neg());
  }

  mul(o: Fraction | number): Fraction {
    const b = toFraction(o);
    return Fraction.of(this.num * b.num, this.den * b.den);
  }

  /** Throws FractionError when dividing by zero. */
  div(o: Fraction | number): Fraction {
    const b = toFraction(o);
    return Fraction.of(this.num * b.den, this.den * b.num);
  }

  neg(): Fraction {
    return Fraction.of(-this.num, this.den);
  }

  isZero(): boolean {
    return this.num === 0;
  }

  isInteger(): boolean {
    return this.den === 1;
  }

  compare(o: Fraction | number): number {
    const b = toFraction(o);
    return Math.sign(this.num * b.den - b.num * this.den);
  }

  toNumber(): number {
    return this.num / this.den;
  }

  /** `7`, `-3/4`: the simulator's canonical answer form. */
  toString(): string {
    return this.den === 1 ? `${this.num}` : `${this.num}/${this.den}`;
  }
}

export function toFraction(v: Fraction | number): Fraction {
  return typeof v === 'number' ? Fraction.of(v) : v;
}

/** `\frac{3}{4}`, `-\frac{3}{4}` or a plain integer/other text: how an answer is written in `\boxed{}`. */
export function answerToLatex(answer: string): string {
  const m = /^(-?)(\d+)\/(\d+)$/.exec(answer);
  return m ? `${m[1]}\\frac{${m[2]}}{${m[3]}}` : answer;
}
