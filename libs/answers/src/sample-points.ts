import { evaluateMathJson, type MathJson } from './evaluate-math-json.js';
import { exact, type NumberValue } from './number-value.js';
import { Rational } from './rational.js';

/** Points at which expressions are compared; half of them negative, so `|x|` ≠ `x` and `\sqrt{x^2}` ≠ `x`. */
export const SAMPLE_COUNT = 6;

/**
 * The value bound to `variable` at sample point `p`: a rational derived from the variable's name,
 * so every expression's samples can be computed once, when it is read, and two different
 * variables get different values (`x` ≠ `y`). Rational, so polynomials and rational functions
 * compare exactly.
 */
export function sampleValue(variable: string, p: number): Rational {
  let h = 0x811c9dc5;
  for (const ch of `${variable}#${p}`) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  const num = 3n + BigInt(h % 97);
  const den = 7n + BigInt((h >>> 8) % 29);
  return Rational.of(p % 2 === 1 ? -num : num, den);
}

/** The expression's value at each sample point; undefined where it is outside its domain. */
export function sampleExpression(json: MathJson, variables: readonly string[]): (NumberValue | undefined)[] {
  const samples: (NumberValue | undefined)[] = [];
  for (let p = 0; p < SAMPLE_COUNT; p++) {
    const bound = new Map(variables.map((v) => [v, exact(sampleValue(v, p))] as const));
    samples.push(evaluateMathJson(json, bound));
  }
  return samples;
}
