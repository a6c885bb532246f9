import * as computeEngine from '@cortex-js/compute-engine';
import type { MathJson } from './evaluate-math-json.js';

// The package's .d.ts files import each other without file extensions, which `module: NodeNext`
// cannot resolve, so its types arrive as `any`. These interfaces declare the part of the 0.27 API
// this library uses, so the rest of the code is type-checked.

interface BoxedExpression {
  readonly isValid: boolean;
  readonly json: MathJson;
}

interface Engine {
  precision: number | 'machine';
  parse(latex: string, options: { canonical: readonly string[] }): BoxedExpression;
  pushScope(): void;
  popScope(): void;
}

const { ComputeEngine } = computeEngine as unknown as { ComputeEngine: new () => Engine };

/**
 * The canonical forms applied: juxtaposition read as multiplication, numbers and nested sums
 * flattened, nothing simplified or evaluated. The full canonical form evaluates too eagerly and,
 * in 0.27, wrongly (`\frac{1}{1+i}` becomes 0.707 − 0.707i); evaluateMathJson does the arithmetic.
 */
const CANONICAL_FORMS = ['InvisibleOperator', 'Number', 'Flatten'] as const;

/** Longer inputs are not parsed: parsing cost grows with length and real answers are short. */
const MAX_LATEX_LENGTH = 400;

/** Function names the engine reads only with a backslash; `sin x` would otherwise be s·i·n·x. */
const BARE_FUNCTIONS = /(?<![\\A-Za-z])(arcsin|arccos|arctan|sinh|cosh|tanh|sin|cos|tan|sec|csc|cot|log|ln|exp)(?![A-Za-z])/g;

/**
 * Parses scalar LaTeX (no relations, lists or containers: the structure parser has split those
 * off) into MathJSON with `@cortex-js/compute-engine`. The engine is created on first
 * use, so a checker that only ever sees plain numbers never pays for it. Every parse runs in a
 * scope that is popped afterwards, because the engine otherwise remembers inferred types (after
 * `x_1`, `x^2` no longer parses).
 */
export class LatexEngine {
  #ce: Engine | undefined;

  /** The MathJSON of `latex`, or undefined when the engine cannot read it. Never throws. */
  parse(latex: string): MathJson | undefined {
    const prepared = prepareLatex(latex);
    if (prepared === undefined) return undefined;
    let ce: Engine | undefined;
    try {
      ce = this.#ce ??= createEngine();
      ce.pushScope();
      const expr = ce.parse(prepared, { canonical: CANONICAL_FORMS });
      return expr.isValid ? expr.json : undefined;
    } catch {
      // The engine throws on some malformed input; "cannot read it" is the honest answer then.
      return undefined;
    } finally {
      ce?.popScope();
    }
  }
}

/**
 * A compute engine at machine precision: exact bignum arithmetic makes `10^{10^{10}}` exhaust the
 * heap. Exactness comes from evaluateMathJson, which does its own rational arithmetic.
 */
function createEngine(): Engine {
  const ce = new ComputeEngine();
  ce.precision = 'machine';
  return ce;
}

/**
 * Rewrites what the engine misreads: subscripted names (`x_1` would be indexing into a list `x`),
 * `\binom`, which it does not know, and function names without a backslash. Undefined for inputs
 * whose parsing could take seconds.
 */
function prepareLatex(latex: string): string | undefined {
  if (latex.length > MAX_LATEX_LENGTH) return undefined;
  if (/\d{5,}\s*!/.test(latex)) return undefined; // 100000! takes seconds even at machine precision
  // The parser backtracks exponentially on unclosed brackets: eight `[` take over a second.
  if (!bracketsBalanced(latex)) return undefined;
  return latex
    .replace(/(?<![\\A-Za-z])([A-Za-z])_\{?([A-Za-z0-9]+)\}?/g, '\\operatorname{$1_$2}')
    .replace(/\\binom\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '\\frac{($1)!}{($2)!(($1)-($2))!}')
    .replace(/\\binom\s*(\d)\s*(\d)/g, '\\frac{$1!}{$2!($1-$2)!}')
    .replace(BARE_FUNCTIONS, '\\$1');
}

/** True when every (, [ and { is closed by its own kind, in order. */
export function bracketsBalanced(s: string): boolean {
  const closers: string[] = [];
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  for (const ch of s) {
    const closer = pairs[ch];
    if (closer) closers.push(closer);
    else if ((ch === ')' || ch === ']' || ch === '}') && closers.pop() !== ch) return false;
  }
  return closers.length === 0;
}
