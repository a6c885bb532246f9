import { Fraction } from '../problems/fraction.js';
import { formatPolynomial, parsePolynomial } from '../problems/polynomial.js';
import { formatList, NAMES, ProblemParseError } from '../problems/problem-family.js';

/**
 * A typed placeholder of a problem template: the text it renders to, a regular expression (no
 * capturing groups) that matches exactly that text, and the way back. `read` throws
 * ProblemParseError for text that is not a value of the slot.
 */
export interface Slot<V> {
  readonly pattern: string;
  format(value: V): string;
  read(text: string): V;
}

function toInt(text: string): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(value)) throw new ProblemParseError(`not an integer: ${text}`);
  return value;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Any integer, written plainly: `-12`. */
export const int: Slot<number> = { pattern: '-?\\d+', format: String, read: toInt };

/** A non-negative integer. */
export const nat: Slot<number> = { pattern: '\\d+', format: String, read: toInt };

/** A polynomial as formatPolynomial writes it (`4x^3 - 2x + 5`), as coefficients by degree. */
export function poly(variable = 'x'): Slot<number[]> {
  const term = `\\d*${variable}(?:\\^\\d+)?`;
  return {
    pattern: `-?(?:${term}(?: [-+] ${term})*(?: [-+] \\d+)?|\\d+)`,
    format: (coeffs) => formatPolynomial(coeffs, variable),
    read: (text) => {
      const coeffs = parsePolynomial(text, variable);
      if (!coeffs) throw new ProblemParseError(`not a polynomial: ${text}`);
      return coeffs;
    },
  };
}

/** A list of integers as formatList writes it: `3, 5, 8 and 13`. */
export const intList: Slot<number[]> = {
  pattern: '-?\\d+(?:, -?\\d+)*(?: and -?\\d+)?',
  format: (values) => formatList(values),
  read: (text) => (text.match(/-?\d+/g) ?? []).map(toInt),
};

/** A fraction or an integer: `3/4`, `-2`. */
export const frac: Slot<Fraction> = {
  pattern: '-?\\d+(?:/\\d+)?',
  format: String,
  read: (text) => {
    const [num = '', den = '1'] = text.split('/');
    return Fraction.of(toInt(num), toInt(den));
  },
};

/** One of a fixed set of words or phrases (longest first in the pattern, so none shadows another). */
export function word<W extends string>(choices: readonly W[]): Slot<W> {
  const sorted = [...choices].sort((a, b) => b.length - a.length);
  return {
    pattern: `(?:${sorted.map(escapeRegExp).join('|')})`,
    format: (w) => w,
    read: (text) => {
      const found = choices.find((c) => c === text);
      if (found === undefined) throw new ProblemParseError(`not one of ${choices.join(', ')}: ${text}`);
      return found;
    },
  };
}

/** A person's first name from NAMES. */
export const name: Slot<string> = word(NAMES);

/** A monic linear factor written by its root r: `x - 3`, `x + 2`, `x`. */
export const linearFactor: Slot<number> = {
  pattern: 'x(?: [-+] \\d+)?',
  format: (root) => formatPolynomial([-root, 1]),
  read: (text) => {
    const coeffs = parsePolynomial(text);
    if (!coeffs || coeffs.length !== 2 || coeffs[1] !== 1) throw new ProblemParseError(`not a monic linear factor: ${text}`);
    return -(coeffs[0] ?? 0) + 0;
  },
};

/** One of a few integers. */
export function intChoice(values: readonly number[]): Slot<number> {
  const inner = word(values.map(String));
  return {
    pattern: inner.pattern,
    format: String,
    read: (text) => Number(inner.read(text)),
  };
}

/** A signed term after another one: `+ 17`, `- 4` (read back as 17 and -4). */
export const signed: Slot<number> = {
  pattern: '[-+] \\d+',
  format: (v) => (v < 0 ? `- ${-v}` : `+ ${v}`),
  read: (text) => (text.startsWith('-') ? -1 : 1) * toInt(text.slice(2)),
};

/** Integers separated by commas only, as inside set braces: `1, 4, 9`. */
export const commaList: Slot<number[]> = {
  pattern: '-?\\d+(?:, -?\\d+)*',
  format: (values) => values.join(', '),
  read: (text) => (text.match(/-?\d+/g) ?? []).map(toInt),
};
