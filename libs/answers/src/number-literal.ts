import { repeatingDecimal } from './evaluate-math-json.js';
import { Rational } from './rational.js';

/** How a decimal was written: digits after the point (negative for `6.02 \times 10^{23}`) and significant digits. */
export interface DecimalPrecision {
  readonly places: number;
  readonly significant: number;
}

/** A number written as a plain literal, with its exact value. */
export interface NumberLiteral {
  readonly value: Rational;
  /** Present for a decimal written with limited precision (`3.14`, `1e-13`); absent for integers, fractions and repeating decimals, which are exact. */
  readonly decimal?: DecimalPrecision;
}

const SIGN = String.raw`([+-]?)\s*`;
const INTEGER = new RegExp(String.raw`^${SIGN}(\d+)$`);
const DECIMAL = new RegExp(String.raw`^${SIGN}(\d*)\.(\d+)$`);
const E_NOTATION = new RegExp(String.raw`^${SIGN}(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$`);
const TIMES_TEN = new RegExp(String.raw`^${SIGN}(\d*)(?:\.(\d*))?\s*\\(?:times|cdot)\s*10\s*\^\s*(?:\{\s*([+-]?\d+)\s*\}|(\d))$`);
const FRACTION = new RegExp(String.raw`^${SIGN}(?:\\frac\s*(?:\{\s*([+-]?\d+)\s*\}|(\d))\s*(?:\{\s*([+-]?\d+)\s*\}|(\d))|(\d+)\s*/\s*(\d+))$`);
const MIXED = new RegExp(String.raw`^${SIGN}(\d+)\s*\\frac\s*(?:\{\s*(\d+)\s*\}|(\d))\s*(?:\{\s*(\d+)\s*\}|(\d))$`);
const REPEATING = new RegExp(String.raw`^${SIGN}(\d*)\.(\d*)\\(?:overline|dot)\s*\{?\s*(\d+)\s*\}?$`);

/**
 * Reads a plain number literal exactly: an integer, a decimal (`0.125`, `.5`), scientific notation
 * (`1e-13`, `6.02 \times 10^{23}`), a fraction of integers (`\frac{3}{4}`, `-3/4`), a mixed number
 * (`2\frac{1}{2}` = 5/2) or a repeating decimal (`0.\overline{3}` = 1/3). Undefined for anything
 * else, which the compute engine reads instead. Thousands separators are removed before this.
 */
export function readNumberLiteral(text: string): NumberLiteral | undefined {
  const s = text.trim();
  let m = INTEGER.exec(s);
  if (m) return signed(m[1], Rational.of(BigInt(m[2] ?? '0')));
  if ((m = DECIMAL.exec(s))) return decimal(m[1], m[2] ?? '', m[3] ?? '', 0);
  if ((m = E_NOTATION.exec(s)) && (m[2] !== '' || (m[3] ?? '') !== '')) return decimal(m[1], m[2] ?? '', m[3] ?? '', Number(m[4]));
  if ((m = TIMES_TEN.exec(s)) && (m[2] !== '' || (m[3] ?? '') !== '')) return decimal(m[1], m[2] ?? '', m[3] ?? '', Number(m[4] ?? m[5]));
  if ((m = FRACTION.exec(s))) {
    const num = BigInt(m[2] ?? m[3] ?? m[6] ?? '0');
    const den = BigInt(m[4] ?? m[5] ?? m[7] ?? '1');
    return den === 0n ? undefined : signed(m[1], Rational.of(num, den));
  }
  if ((m = MIXED.exec(s))) {
    const den = BigInt(m[5] ?? m[6] ?? '1');
    const whole = Rational.of(BigInt(m[2] ?? '0'));
    const part = den === 0n ? undefined : whole.add(Rational.of(BigInt(m[3] ?? m[4] ?? '0'), den));
    return part && signed(m[1], part);
  }
  if ((m = REPEATING.exec(s))) {
    const value = repeatingDecimal(m[2] ?? '', m[3] ?? '', m[4] ?? '');
    return value && signed(m[1], value);
  }
  return undefined;
}

function signed(sign: string | undefined, value: Rational, decimalPrecision?: DecimalPrecision): NumberLiteral {
  const v = sign === '-' ? value.neg() : value;
  return decimalPrecision ? { value: v, decimal: decimalPrecision } : { value: v };
}

function decimal(sign: string | undefined, whole: string, frac: string, exponent: number): NumberLiteral | undefined {
  const value = Rational.parseDecimal(`${whole || '0'}.${frac || '0'}e${exponent}`);
  if (!value) return undefined;
  const digits = `${whole}${frac}`.replace(/^0+/, '');
  return signed(sign, value, { places: frac.length - exponent, significant: Math.max(digits.length, 1) });
}
