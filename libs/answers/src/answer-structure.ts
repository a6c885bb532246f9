import type { EquationSides } from './compare-expressions.js';
import type { IntervalSet } from './interval-set.js';
import type { ScalarReading } from './scalar-reading.js';
import type { Annotation } from './split-quantity.js';

/**
 * The shape of an answer, as parseAnswerStructure reads it. The compute engine reads only the
 * scalars; everything around them (lists, sets, intervals, relations, matrices, units) is parsed
 * here, so that every scalar inside is compared by the same numeric and symbolic rules.
 */
export type AnswerStructure =
  | { readonly kind: 'empty' }
  /** Words (`\text{Monday}`, `no solution` is a set instead); lower-cased, spaces collapsed. */
  | { readonly kind: 'text'; readonly words: string }
  /** One expression, number or constant, with its unit, percent or degree sign if it had one. */
  | { readonly kind: 'scalar'; readonly text: string; readonly reading: ScalarReading; readonly annotation?: Annotation }
  /** `x = 5`, `y = 2x + 1`, `f(x) = x^2`, `AB = 3`: a named value; `sides` when both sides are scalars. */
  | { readonly kind: 'solved'; readonly variable: string; readonly value: AnswerStructure; readonly sides?: EquationSides }
  /** An equation that is not solved for a name: `2x - y + 1 = 0`, `x^2 + y^2 = 1`. */
  | { readonly kind: 'equation'; readonly text: string; readonly sides: EquationSides }
  /** A subset of ℝ: from intervals, inequalities, unions, `\mathbb{R}`. */
  | { readonly kind: 'intervals'; readonly set: IntervalSet }
  /** Bracketed and ordered: a tuple `(1, 2)`, a list `[1, 2]`, or an interval written like one (`(1, 3)`); brackets count. */
  | { readonly kind: 'sequence'; readonly open: '(' | '['; readonly close: ')' | ']'; readonly items: readonly AnswerStructure[] }
  /** `\langle 1, 2 \rangle`, or a matrix with one row or one column. */
  | { readonly kind: 'vector'; readonly items: readonly AnswerStructure[] }
  /** A matrix in any bracket style (pmatrix, bmatrix, array …), row by row. */
  | { readonly kind: 'matrix'; readonly rows: readonly (readonly AnswerStructure[])[] }
  /** Unordered, repeats ignored: `\{1, 2\}`, `1, 2`, `1 \text{ or } 2`, `\pm 3`, `\emptyset`. */
  | { readonly kind: 'set'; readonly items: readonly AnswerStructure[] }
  /** Values of several names, `x = 3, y = 4`, sorted by name; equals the tuple `(3, 4)`. */
  | { readonly kind: 'assignment'; readonly entries: readonly { readonly variable: string; readonly value: AnswerStructure }[] }
  /** Anything unreadable; equal only to the same normalised text. */
  | { readonly kind: 'opaque'; readonly text: string };
