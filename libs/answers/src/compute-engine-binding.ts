import * as computeEngine from '@cortex-js/compute-engine';

// The package's .d.ts files import each other without file extensions, which `module: NodeNext`
// cannot resolve, so its types arrive as `any`. These interfaces declare the part of the 0.27 API
// this library uses, so the rest of the code is type-checked.

/** A parsed (boxed) expression. */
export interface Expression {
  readonly isValid: boolean;
  /** Symbols without a value, e.g. `x` in `x + \pi`. */
  readonly unknowns: readonly string[];
  /** The head of a function expression (`Add`, `Equal` …), or the kind of a literal. */
  readonly operator: string;
  /** The name of a symbol expression (`x`), null for anything else. */
  readonly symbol: string | null;
  readonly ops: readonly Expression[] | null;
  readonly engine: Engine;
  /** Real and imaginary parts of a number literal; NaN for anything else. */
  readonly re: number;
  readonly im: number;
  /** Numeric evaluation. */
  N(): Expression;
  subs(substitution: Record<string, number>): Expression;
  isSame(other: Expression): boolean;
}

/** A compute engine instance. */
export interface Engine {
  precision: number | 'machine';
  parse(latex: string): Expression;
  box(expression: readonly unknown[]): Expression;
  pushScope(): void;
  popScope(): void;
}

const { ComputeEngine } = computeEngine as unknown as { ComputeEngine: new () => Engine };

/**
 * A compute engine at machine precision: exact bignum arithmetic makes `10^{10^{10}}` exhaust the
 * heap, and answers are compared to 1e-6 anyway.
 */
export function createEngine(): Engine {
  const ce = new ComputeEngine();
  ce.precision = 'machine';
  return ce;
}
