import { wholeTextContent } from './clean-answer-latex.js';
import { normalizeAnswer } from './normalize-answer.js';
import { numbersClose } from './numbers-close.js';
import { parseAnswerStructure, type AnswerStructure } from './parse-answer-structure.js';
import { SymbolicComparer } from './symbolic-comparer.js';

const INTEGER = /^-?\d+$/;
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const PLAIN_FRACTION = /^(-?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/;
/** Words of plain text: letters, spaces, hyphens, apostrophes; at least one run of three letters. */
const PLAIN_TEXT = /^(?=.*[A-Za-z]{3})[A-Za-z][A-Za-z\s'’-]*$/;
const TRAILING_PERCENT = /\s*\\%$/;

/**
 * Decides whether two final answers are the same mathematical answer. Holds one lazily created
 * compute engine and a parse cache, so create one per call site (or per worker) and reuse it.
 *
 * Rules, in order:
 * - Empty answers equal nothing. Answers that normalise (normalizeAnswer) to the same string are equal.
 * - Containers are parsed here (see AnswerStructure): tuples and intervals compare element-wise with
 *   their brackets (`[1, 3)` ≠ `[1, 3]`, `(1, 2)` ≠ `(2, 1)`); sets, bare lists (`1, 2`) and `\pm`
 *   pairs compare as unordered multisets (`\{1, 2\}` = `\{2, 1\}` = `2, 1`); a one-element set
 *   equals its element; unions of intervals compare unordered.
 * - Text answers (`\text{Monday}`, `no solution`) compare case-insensitively, and never equal math.
 * - Numbers: two integers exactly; otherwise within numbersClose (relative 1e-6).
 * - Everything else through the compute engine (`2\sqrt{2}` = `\sqrt{8}`, `x^2-1` = `(x-1)(x+1)`).
 * - Percentages: `50\%` equals both `50` and `0.5`, because a question asking for a percentage is
 *   answered either way. This makes equality non-transitive (`50` ≠ `0.5`); majorityAnswer compares
 *   with each class's first member, so its result stays deterministic.
 * - Anything the engine cannot parse falls back to the normalised string comparison.
 * - Units (`\text{ cm}`, `5 cm`), degree signs, `x =` prefixes and `$` delimiters are ignored.
 */
export class AnswerChecker {
  readonly #symbolic = new SymbolicComparer();

  /** True when `a` and `b` are the same answer (see the class comment). Symmetric; never throws. */
  equal(a: string, b: string): boolean {
    try {
      const na = normalizeAnswer(a);
      const nb = normalizeAnswer(b);
      if (na === '' || nb === '') return false;
      if (na === nb) return true;
      return this.#structuresEqual(parseAnswerStructure(a), parseAnswerStructure(b));
    } catch {
      // Defensive: the rules above are meant not to throw, but a grader must never crash a pipeline.
      return normalizeAnswer(a) === normalizeAnswer(b) && normalizeAnswer(a) !== '';
    }
  }

  #structuresEqual(a: AnswerStructure, b: AnswerStructure): boolean {
    if (a.kind === 'set' && a.items.length === 1 && a.items[0]) return this.#structuresEqual(a.items[0], b);
    if (b.kind === 'set' && b.items.length === 1 && b.items[0]) return this.#structuresEqual(a, b.items[0]);
    switch (a.kind) {
      case 'scalar':
        return b.kind === 'scalar' && this.#scalarsEqual(a.text, b.text);
      case 'sequence':
        return (
          b.kind === 'sequence' &&
          a.open === b.open &&
          a.close === b.close &&
          a.items.length === b.items.length &&
          a.items.every((item, i) => this.#structuresEqual(item, b.items[i] as AnswerStructure))
        );
      case 'set':
        return b.kind === 'set' && this.#unorderedEqual(a.items, b.items);
      case 'union':
        return b.kind === 'union' && this.#unorderedEqual(a.parts, b.parts);
    }
  }

  /** Multiset equality: each element of `a` is matched to a distinct equal element of `b`. */
  #unorderedEqual(a: readonly AnswerStructure[], b: readonly AnswerStructure[]): boolean {
    if (a.length !== b.length) return false;
    const used = new Set<number>();
    return a.every((item) => {
      const match = b.findIndex((other, j) => !used.has(j) && this.#structuresEqual(item, other));
      if (match < 0) return false;
      used.add(match);
      return true;
    });
  }

  #scalarsEqual(a: string, b: string): boolean {
    if (a === '' || b === '') return false;
    if (a === b) return true;
    const ta = textAnswer(a);
    const tb = textAnswer(b);
    if (ta !== undefined || tb !== undefined) return ta !== undefined && ta === tb;
    const pa = TRAILING_PERCENT.test(a);
    const pb = TRAILING_PERCENT.test(b);
    if (pa !== pb) {
      const [percent, other] = pa ? [a, b] : [b, a];
      const bare = percent.replace(TRAILING_PERCENT, '');
      return this.#mathEqual(bare, other) || this.#mathEqual(`(${bare})/100`, other);
    }
    return pa ? this.#mathEqual(a.replace(TRAILING_PERCENT, ''), b.replace(TRAILING_PERCENT, '')) : this.#mathEqual(a, b);
  }

  #mathEqual(a: string, b: string): boolean {
    const na = normalizeAnswer(a);
    const nb = normalizeAnswer(b);
    if (na === nb) return na !== '';
    const numeric = plainNumbersEqual(na, nb);
    if (numeric !== undefined) return numeric;
    return this.#symbolic.equal(a, b) ?? false;
  }
}

/** The lower-cased words of a text answer, or undefined when `s` is not text. */
function textAnswer(s: string): string | undefined {
  const words = wholeTextContent(s) ?? s;
  if (!PLAIN_TEXT.test(words.trim())) return undefined;
  return words
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Compares normalised plain numbers and integer fractions without the engine: integers exactly,
 * anything with a decimal or fraction within tolerance. Undefined when either is not such a number.
 */
function plainNumbersEqual(a: string, b: string): boolean | undefined {
  if (INTEGER.test(a) && INTEGER.test(b)) return BigInt(a) === BigInt(b);
  const va = plainValue(a);
  const vb = plainValue(b);
  if (va === undefined || vb === undefined) return undefined;
  return numbersClose(va, vb);
}

function plainValue(s: string): number | undefined {
  if (PLAIN_NUMBER.test(s)) return Number(s);
  const fraction = PLAIN_FRACTION.exec(s);
  if (!fraction) return undefined;
  const value = Number(fraction[1]) / Number(fraction[2]);
  return Number.isFinite(value) ? value : undefined;
}
