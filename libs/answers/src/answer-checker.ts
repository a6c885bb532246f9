import type { AnswerStructure } from './answer-structure.js';
import { LatexEngine } from './latex-engine.js';
import { parseAnswerStructure } from './parse-answer-structure.js';
import { structuresEqual } from './structures-equal.js';

/** Parsed answers kept per checker; a run has about six distinct answers per problem. */
const MAX_PARSED = 8192;
/** Verdicts kept per checker: the reward stage compares each answer with every other of its problem. */
const MAX_VERDICTS = 32768;

/**
 * Decides whether two final answers are the same mathematical answer. Holds one lazily created
 * compute engine, a cache of parsed answers and a cache of verdicts, so create one per call site
 * (or per worker) and reuse it. The rules are listed in libs/answers/README.md; in short:
 *
 * - Numbers: exact where both sides are exact (`100` ≠ `100.0001`, `1e-13` ≠ `0`); a decimal
 *   written with limited precision matches a non-terminating value at that precision (`3.14` = π,
 *   `0.33` = 1/3); computed values (√2, π) within floating-point noise (numbersEqual).
 * - Expressions with variables by their values at sample points; equations when one's lhs − rhs is
 *   a constant multiple of the other's (`y = 2x + 1` = `2x - y + 1 = 0`); `x = 5` = `5`.
 * - Intervals, inequalities and unions as sets of reals (`x \le 2` = `(-\infty, 2]`); sets and
 *   lists of solutions unordered with repeats ignored (`\{1, 1, 2\}` = `2, 1` = `1 \text{ or } 2`);
 *   tuples, vectors and matrices element-wise in any bracket style; `vmatrix` is a determinant.
 * - Units converted within a dimension, implied when one side has none; percent and degrees as
 *   both readings (`50\%` = `50` = `0.5`, `30^\circ` = `30` = `\frac{\pi}{6}`).
 * - Text case-insensitively, never equal to math; anything unreadable by its normalised text.
 *
 * Equality is symmetric but, through percentages, degrees and rounded decimals, not transitive:
 * answerAgreement groups by connected components so its result does not depend on order.
 */
export class AnswerChecker {
  readonly #engine = new LatexEngine();
  readonly #parsed = new Map<string, AnswerStructure>();
  readonly #verdicts = new Map<string, boolean>();

  /** True when `a` and `b` are the same answer (see the class comment). Symmetric; never throws. */
  equal(a: string, b: string): boolean {
    const ta = a.trim();
    const tb = b.trim();
    if (ta === '' || tb === '') return false;
    if (ta === tb) return this.parse(ta).kind !== 'empty';
    const key = ta < tb ? `${ta}\u0000${tb}` : `${tb}\u0000${ta}`;
    const cached = this.#verdicts.get(key);
    if (cached !== undefined) return cached;
    let verdict: boolean;
    try {
      verdict = structuresEqual(this.parse(ta), this.parse(tb));
    } catch {
      // Defensive: the rules are meant not to throw, but a grader must never crash a pipeline.
      verdict = false;
    }
    remember(this.#verdicts, key, verdict, MAX_VERDICTS);
    return verdict;
  }

  /** The parsed structure of an answer, cached. */
  parse(answer: string): AnswerStructure {
    const key = answer.trim();
    const cached = this.#parsed.get(key);
    if (cached) return cached;
    const parsed = parseAnswerStructure(key, this.#engine);
    remember(this.#parsed, key, parsed, MAX_PARSED);
    return parsed;
  }
}

/** Bounded cache: when full, the oldest half is dropped (insertion order). */
function remember<V>(cache: Map<string, V>, key: string, value: V, max: number): void {
  if (cache.size >= max) {
    let drop = Math.floor(max / 2);
    for (const k of cache.keys()) {
      if (drop-- <= 0) break;
      cache.delete(k);
    }
  }
  cache.set(key, value);
}
