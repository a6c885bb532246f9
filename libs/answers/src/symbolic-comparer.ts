import { createEngine, type Engine, type Expression as BoxedExpression } from './compute-engine-binding.js';
import { numbersClose } from './numbers-close.js';

/** A constant's numeric value; `im` is 0 for real numbers. */
interface Complex {
  readonly re: number;
  readonly im: number;
}

/** What a LaTeX string is to the engine, cached per string (only constants carry their value). */
type Reading = { readonly kind: 'constant'; readonly value: Complex } | { readonly kind: 'symbolic' } | { readonly kind: 'invalid' };

/** Longer inputs go to string comparison: parsing cost grows with length and real answers are short. */
const MAX_LATEX_LENGTH = 400;
const MAX_CACHE_ENTRIES = 4096;
/** Points at which expressions with free variables are compared; irrational-looking to avoid lucky coincidences. */
const SAMPLE_POINTS = [0.5377, 1.8339, 2.2588, -0.8622];
const MIN_VALID_SAMPLES = 3;

/**
 * Compares LaTeX expressions with `@cortex-js/compute-engine`. Constants (`2\sqrt{2}`, `\pi/2`,
 * `\frac{1}{3}`) compare by numeric value within the tolerance of numbersClose; expressions with
 * variables (`x^2-1`, `(x-1)(x+1)`) by their values at several sample points, and equations
 * (`y = 2x+1`, `2x - y + 1 = 0`) by their sides' difference up to a constant factor.
 *
 * The engine is created on first use, so a comparer that only ever sees plain numbers costs nothing.
 * Every parse happens in a scope that is popped afterwards, because the engine otherwise remembers
 * inferred types (after `x_1`, `x^2` no longer parses). Not safe for concurrent use from several
 * threads, which Node does not do anyway.
 */
export class SymbolicComparer {
  #ce: Engine | undefined;
  readonly #readings = new Map<string, Reading>();

  /**
   * True or false when the engine can decide, undefined when either side does not parse (or is
   * something it cannot evaluate, such as a set). Never throws.
   */
  equal(a: string, b: string): boolean | undefined {
    const ra = this.#read(a);
    const rb = this.#read(b);
    if (ra.kind === 'invalid' || rb.kind === 'invalid') return undefined;
    if (ra.kind === 'constant' && rb.kind === 'constant') return complexClose(ra.value, rb.value);
    return this.#inScope((ce) => compareSymbolic(ce.parse(prepareLatex(a)), ce.parse(prepareLatex(b))));
  }

  #read(latex: string): Reading {
    const cached = this.#readings.get(latex);
    if (cached) return cached;
    let reading = this.#inScope((ce) => readExpression(ce.parse(prepareLatex(latex)))) ?? { kind: 'invalid' };
    // Overflow (`10^{10^{10}}`) is not infinity: two such answers must not compare equal.
    if (reading.kind === 'constant' && !Number.isFinite(reading.value.re) && !latex.includes('\\infty')) reading = { kind: 'invalid' };
    if (this.#readings.size >= MAX_CACHE_ENTRIES) this.#readings.clear();
    this.#readings.set(latex, reading);
    return reading;
  }

  #inScope<T>(body: (ce: Engine) => T): T | undefined {
    let ce: Engine | undefined;
    try {
      ce = this.#ce ??= createEngine();
      ce.pushScope();
      return body(ce);
    } catch {
      // The engine throws on some malformed input; "cannot decide" is the honest answer then.
      return undefined;
    } finally {
      ce?.popScope();
    }
  }
}

/**
 * Rewrites what the engine misreads: subscripted names (`x_1` would be indexing into a list `x`),
 * and `\binom`, which it does not know. Rejects inputs whose evaluation could take seconds.
 */
function prepareLatex(latex: string): string {
  if (latex.length > MAX_LATEX_LENGTH) return '\\invalid';
  if (/\d{4,}\s*!/.test(latex)) return '\\invalid'; // 10000! takes seconds even at machine precision
  // The parser backtracks exponentially on unclosed brackets: eight `[` take over a second.
  if (!bracketsBalanced(latex)) return '\\invalid';
  return latex
    .replace(/(?<![\\A-Za-z])([A-Za-z])_\{?([A-Za-z0-9]+)\}?/g, '\\operatorname{$1_$2}')
    .replace(/\\binom\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '\\frac{($1)!}{($2)!(($1)-($2))!}');
}

/** True when every (, [ and { is closed by its own kind, in order; escaped `\{` counts like `{`. */
function bracketsBalanced(s: string): boolean {
  const closers: string[] = [];
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  for (const ch of s) {
    const closer = pairs[ch];
    if (closer) closers.push(closer);
    else if ((ch === ')' || ch === ']' || ch === '}') && closers.pop() !== ch) return false;
  }
  return closers.length === 0;
}

function readExpression(expr: BoxedExpression): Reading {
  if (!expr.isValid) return { kind: 'invalid' };
  if (expr.unknowns.length > 0) return { kind: 'symbolic' };
  const value = valueOf(expr);
  return value ? { kind: 'constant', value } : { kind: 'invalid' };
}

function compareSymbolic(a: BoxedExpression, b: BoxedExpression): boolean | undefined {
  if (!a.isValid || !b.isValid) return undefined;
  if (a.operator === 'Equal' && b.operator === 'Equal') return equationsEquivalent(a, b);
  if (a.operator === 'Equal' || b.operator === 'Equal') {
    // One equation against an expression: only `y = expr` can match, and only its `expr`.
    const side = a.operator === 'Equal' ? solvedSide(a) : solvedSide(b);
    if (!side) return false;
    return a.operator === 'Equal' ? compareSymbolic(side, b) : compareSymbolic(a, side);
  }
  const variables = [...new Set([...a.unknowns, ...b.unknowns])];
  let valid = 0;
  for (let p = 0; p < SAMPLE_POINTS.length; p++) {
    const va = valueAt(a, variables, p);
    const vb = valueAt(b, variables, p);
    if (!va || !vb) continue; // outside one side's domain at this point
    if (!complexClose(va, vb)) return false;
    valid++;
  }
  return valid >= MIN_VALID_SAMPLES ? true : a.isSame(b) || undefined;
}

/** `expr` of `y = expr` or `expr = y`, so that `2x + 1 = y` matches `2x + 1`; undefined for other equations. */
function solvedSide(equation: BoxedExpression): BoxedExpression | undefined {
  const [lhs, rhs] = equation.ops ?? [];
  if (!lhs || !rhs) return undefined;
  if (lhs.symbol !== null && !rhs.unknowns.includes(lhs.symbol)) return rhs;
  if (rhs.symbol !== null && !lhs.unknowns.includes(rhs.symbol)) return lhs;
  return undefined;
}

/** Two equations are equivalent when lhs − rhs of one is a non-zero constant multiple of the other's. */
function equationsEquivalent(a: BoxedExpression, b: BoxedExpression): boolean | undefined {
  const da = difference(a);
  const db = difference(b);
  if (!da || !db) return undefined;
  const variables = [...new Set([...da.unknowns, ...db.unknowns])];
  let ratio: number | undefined;
  let valid = 0;
  for (let p = 0; p < SAMPLE_POINTS.length; p++) {
    const va = valueAt(da, variables, p);
    const vb = valueAt(db, variables, p);
    if (!va || !vb || va.im !== 0 || vb.im !== 0) continue;
    if (vb.re === 0 || va.re === 0) {
      if (!numbersClose(va.re, vb.re)) return false;
      continue;
    }
    const r = va.re / vb.re;
    if (ratio !== undefined && !numbersClose(r, ratio)) return false;
    ratio = r;
    valid++;
  }
  return valid >= MIN_VALID_SAMPLES - 1 ? true : undefined;
}

function difference(equation: BoxedExpression): BoxedExpression | undefined {
  const [lhs, rhs] = equation.ops ?? [];
  if (!lhs || !rhs) return undefined;
  return equation.engine.box(['Subtract', lhs, rhs]);
}

/** The value of `expr` with the i-th variable set to the p-th sample point (shifted per variable). */
function valueAt(expr: BoxedExpression, variables: readonly string[], p: number): Complex | undefined {
  const base = SAMPLE_POINTS[p] ?? 0;
  const substitution = Object.fromEntries(variables.map((name, i) => [name, base + 0.3171 * i]));
  return valueOf(variables.length === 0 ? expr : expr.subs(substitution));
}

function valueOf(expr: BoxedExpression): Complex | undefined {
  const n = expr.N();
  const { re, im } = n;
  if (Number.isNaN(re) || Number.isNaN(im)) return undefined;
  return { re, im };
}

function complexClose(x: Complex, y: Complex): boolean {
  return numbersClose(x.re, y.re) && numbersClose(x.im, y.im);
}
