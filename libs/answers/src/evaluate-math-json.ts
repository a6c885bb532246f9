import {
  absolute,
  add,
  approx,
  div,
  exact,
  expOf,
  gamma,
  isReal,
  ln,
  mul,
  neg,
  pow,
  realFunction,
  realPart,
  sqrt,
  sub,
  type NumberValue,
} from './number-value.js';
import { Rational } from './rational.js';

/** A MathJSON expression as the compute engine's `.json` gives it. */
export type MathJson = number | string | { readonly num: string } | readonly MathJson[];

/** Symbols with a fixed value; every other symbol is a variable. */
const CONSTANTS: Record<string, () => NumberValue | undefined> = {
  Pi: () => approx(Math.PI),
  ExponentialE: () => approx(Math.E),
  e: () => approx(Math.E),
  ImaginaryUnit: () => approx(0, 1),
  i: () => approx(0, 1),
  Half: () => exact(Rational.of(1n, 2n)),
};

/** Factorials are computed exactly up to this argument (about 9,000 digits); beyond it they are too large to be an answer. */
const MAX_EXACT_FACTORIAL = 3000;

type Unary = (a: NumberValue) => NumberValue | undefined;

const REAL_FUNCTIONS: Record<string, (x: number) => number> = {
  Sin: Math.sin,
  Cos: Math.cos,
  Tan: Math.tan,
  Sec: (x) => 1 / Math.cos(x),
  Csc: (x) => 1 / Math.sin(x),
  Cot: (x) => 1 / Math.tan(x),
  Arcsin: Math.asin,
  Arccos: Math.acos,
  Arctan: Math.atan,
  Arccot: (x) => Math.PI / 2 - Math.atan(x),
  Arcsec: (x) => Math.acos(1 / x),
  Arccsc: (x) => Math.asin(1 / x),
  Sinh: Math.sinh,
  Cosh: Math.cosh,
  Tanh: Math.tanh,
  Arsinh: Math.asinh,
  Arcosh: Math.acosh,
  Artanh: Math.atanh,
  Gamma: gamma,
};

const UNARY: Record<string, Unary> = {
  Delimiter: (a) => a,
  Degrees: (a) => mul(a, approx(Math.PI / 180) as NumberValue),
  Negate: neg,
  Sqrt: sqrt,
  Abs: absolute,
  Ln: ln,
  Exp: expOf,
  Square: (a) => mul(a, a),
  Floor: (a) => rounded(a, 'floor'),
  Ceil: (a) => rounded(a, 'ceil'),
  Round: (a) => rounded(a, 'round'),
  Factorial: factorial,
  Lb: (a) => logBase(a, exact(Rational.of(2n))),
  Lg: (a) => logBase(a, exact(Rational.of(10n))),
};

/**
 * Evaluates a MathJSON expression with `variables` bound to values. Exact where every
 * step can be (see NumberValue); undefined for anything unknown (an unbound symbol, a head it does
 * not evaluate, a set or list), outside a function's domain, or on overflow. Never throws.
 */
export function evaluateMathJson(json: MathJson, variables: ReadonlyMap<string, NumberValue> = new Map()): NumberValue | undefined {
  try {
    return evaluate(json, variables);
  } catch {
    return undefined;
  }
}

function evaluate(json: MathJson, vars: ReadonlyMap<string, NumberValue>): NumberValue | undefined {
  if (typeof json === 'number') return numberLiteral(json);
  if (typeof json === 'string') return vars.get(json) ?? CONSTANTS[json]?.();
  if (!Array.isArray(json)) return numString((json as { num: string }).num);
  const [head, ...args] = json as readonly MathJson[];
  if (typeof head !== 'string') return undefined;
  const values: NumberValue[] = [];
  for (const arg of args) {
    const v = evaluate(arg, vars);
    if (!v) return undefined;
    values.push(v);
  }
  return apply(head, values);
}

function apply(head: string, values: readonly NumberValue[]): NumberValue | undefined {
  const [a, b] = values;
  if (!a) return undefined;
  switch (head) {
    case 'Add':
      return fold(values, add);
    case 'Multiply':
      return fold(values, mul);
    case 'Subtract':
      return b && sub(a, b);
    case 'Divide':
    case 'Rational':
      return b && div(a, b);
    case 'Power':
      return b && pow(a, b);
    case 'Root': {
      const exponent = b && div(exact(Rational.ONE), b);
      return exponent && pow(a, exponent);
    }
    case 'Log':
      return b ? logBase(a, b) : logBase(a, exact(Rational.of(10n)));
    case 'Complex':
      return b && isReal(a) && isReal(b) ? approx(realPart(a), realPart(b)) : undefined;
    case 'Binomial':
      return b && binomial(a, b);
    default: {
      if (values.length !== 1) return undefined;
      const unary = UNARY[head];
      if (unary) return unary(a);
      const real = REAL_FUNCTIONS[head];
      return real ? realFunction(a, real) : undefined;
    }
  }
}

function fold(values: readonly NumberValue[], op: (a: NumberValue, b: NumberValue) => NumberValue | undefined): NumberValue | undefined {
  let acc: NumberValue | undefined = values[0];
  for (let i = 1; acc && i < values.length; i++) acc = op(acc, values[i] as NumberValue);
  return acc;
}

function numberLiteral(x: number): NumberValue | undefined {
  const q = Rational.fromNumber(x);
  return q ? exact(q) : undefined;
}

/** The engine writes big or repeating numbers as strings: `"602e+21"`, `"0.(3)"`. */
function numString(s: string): NumberValue | undefined {
  const repeating = /^([+-]?)(\d*)\.(\d*)\((\d+)\)$/.exec(s);
  if (repeating) {
    const [, sign = '', whole = '', fixed = '', cycle = ''] = repeating;
    const q = repeatingDecimal(whole, fixed, cycle);
    return q && exact(sign === '-' ? q.neg() : q);
  }
  const q = Rational.parseDecimal(s);
  return q ? exact(q) : undefined;
}

/** `whole.fixed(cycle)` exactly: 0.1(6) = 1/6. */
export function repeatingDecimal(whole: string, fixed: string, cycle: string): Rational | undefined {
  const base = Rational.parseDecimal(`${whole || '0'}.${fixed}`);
  const cycleValue = Rational.of(BigInt(cycle), (10n ** BigInt(cycle.length) - 1n) * 10n ** BigInt(fixed.length));
  return base?.add(cycleValue);
}

function rounded(a: NumberValue, mode: 'floor' | 'ceil' | 'round'): NumberValue | undefined {
  if (!isReal(a)) return undefined;
  if (a.kind === 'exact') {
    const { num, den } = a.q;
    const floor = num >= 0n ? num / den : -((-num + den - 1n) / den);
    if (mode === 'floor') return exact(Rational.of(floor));
    if (mode === 'ceil') return exact(Rational.of(a.q.isInteger ? floor : floor + 1n));
    const twice = a.q.sub(Rational.of(floor))?.mul(Rational.of(2n));
    return exact(Rational.of(twice && twice.compare(Rational.ONE) >= 0 ? floor + 1n : floor));
  }
  return approx(Math[mode](realPart(a)));
}

function factorial(a: NumberValue): NumberValue | undefined {
  if (a.kind === 'exact' && a.q.isInteger) {
    if (a.q.num < 0n || a.q.num > BigInt(MAX_EXACT_FACTORIAL)) return undefined;
    let f = 1n;
    for (let k = 2n; k <= a.q.num; k++) f *= k;
    return exact(Rational.of(f));
  }
  return realFunction(a, (x) => gamma(x + 1));
}

function binomial(n: NumberValue, k: NumberValue): NumberValue | undefined {
  const rest = sub(n, k);
  const [fn, fk, fr] = [factorial(n), factorial(k), rest && factorial(rest)];
  const bottom = fk && fr && mul(fk, fr);
  return fn && bottom && div(fn, bottom);
}

function logBase(a: NumberValue, base: NumberValue): NumberValue | undefined {
  const la = ln(a);
  const lb = ln(base);
  if (!la || !lb) return undefined;
  const q = div(la, lb);
  // log_2 8 in doubles is 2.9999999999999996; round to the integer when it is that close, exactly.
  if (q && isReal(q) && a.kind === 'exact' && base.kind === 'exact') {
    const k = Math.round(realPart(q));
    const check = base.q.pow(BigInt(k));
    if (check?.equals(a.q)) return exact(Rational.of(BigInt(k)));
  }
  return q;
}

const BINARY_HEADS = new Set(['Add', 'Multiply', 'Subtract', 'Divide', 'Rational', 'Power', 'Root', 'Log', 'Complex', 'Binomial']);
const VARIABLE = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The free variables of `json` when evaluateMathJson can evaluate it once they are bound, or
 * undefined when it contains something it never evaluates (a list, a relation, an integral, an
 * error, text). `Pi`, `ExponentialE` and the imaginary unit are constants, not variables.
 */
export function freeVariables(json: MathJson): string[] | undefined {
  const found = new Set<string>();
  const visit = (node: MathJson): boolean => {
    if (typeof node === 'number') return Number.isFinite(node);
    if (typeof node === 'string') {
      if (node in CONSTANTS) return true;
      if (!VARIABLE.test(node) || RESERVED.has(node)) return false;
      found.add(node);
      return true;
    }
    if (!Array.isArray(node)) return typeof (node as { num?: unknown }).num === 'string';
    const [head, ...args] = node as readonly MathJson[];
    if (typeof head !== 'string') return false;
    const known = BINARY_HEADS.has(head) || head in UNARY || head in REAL_FUNCTIONS;
    return known && args.length > 0 && args.every(visit);
  };
  return visit(json) ? [...found].sort() : undefined;
}

/** Symbols the engine uses for things that are not numbers. */
const RESERVED = new Set(['Nothing', 'NaN', 'Undefined', 'ComplexInfinity', 'PositiveInfinity', 'NegativeInfinity', 'EmptySet', 'RealNumbers', 'True', 'False', 'None', 'All']);
