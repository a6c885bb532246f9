import { evaluateMathJson, freeVariables, type MathJson } from './evaluate-math-json.js';
import type { LatexEngine } from './latex-engine.js';
import type { NumberValue } from './number-value.js';
import type { NumberReading } from './numbers-equal.js';
import { sampleExpression } from './sample-points.js';
import { readNumberLiteral } from './number-literal.js';

/** What one scalar expression is, once read. */
export type ScalarReading =
  /** A constant: a literal (with its written precision) or anything that evaluates without variables. */
  | ({ readonly kind: 'number' } & NumberReading)
  | { readonly kind: 'infinity'; readonly positive: boolean }
  /** An expression in variables, compared by its values at sample points. */
  | {
      readonly kind: 'expression';
      readonly json: MathJson;
      readonly variables: readonly string[];
      /** Its values at the sample points (sample-points.ts), computed once when read. */
      readonly samples: readonly (NumberValue | undefined)[];
    }
  /** Something neither the literal reader nor the engine can evaluate; compared as text. */
  | { readonly kind: 'invalid' };

const INFINITY = /^([+-]?)\s*\\infty$/;

/**
 * Reads a cleaned scalar: plain literals directly and exactly (readNumberLiteral), everything else
 * through the compute engine and evaluateMathJson. Never throws.
 */
export function readScalar(latex: string, engine: LatexEngine): ScalarReading {
  const s = latex.trim();
  if (s === '') return { kind: 'invalid' };
  const literal = readNumberLiteral(s);
  if (literal) return literal.decimal ? { kind: 'number', value: { kind: 'exact', q: literal.value }, decimal: literal.decimal } : { kind: 'number', value: { kind: 'exact', q: literal.value } };
  const infinity = INFINITY.exec(s);
  if (infinity) return { kind: 'infinity', positive: infinity[1] !== '-' };
  const json = engine.parse(s);
  return json === undefined ? { kind: 'invalid' } : readJson(json);
}

/** Reads MathJSON built by the structure parser (a determinant) or returned by the engine. */
export function readJson(json: MathJson): ScalarReading {
  if (json === 'PositiveInfinity') return { kind: 'infinity', positive: true };
  if (json === 'NegativeInfinity' || (Array.isArray(json) && json[0] === 'Negate' && json[1] === 'PositiveInfinity')) return { kind: 'infinity', positive: false };
  const variables = freeVariables(json);
  if (variables === undefined) return { kind: 'invalid' };
  if (variables.length > 0) return { kind: 'expression', json, variables, samples: sampleExpression(json, variables) };
  const value = evaluateMathJson(json);
  return value ? { kind: 'number', value } : { kind: 'invalid' };
}

/** The reading's MathJSON, for building larger expressions (a determinant, an equation's sides). */
export function jsonOf(reading: ScalarReading): MathJson | undefined {
  switch (reading.kind) {
    case 'expression':
      return reading.json;
    case 'number':
      return reading.value.kind === 'exact'
        ? ['Rational', { num: reading.value.q.num.toString() }, { num: reading.value.q.den.toString() }]
        : ['Complex', reading.value.re, reading.value.im];
    case 'infinity':
    case 'invalid':
      return undefined;
  }
}
