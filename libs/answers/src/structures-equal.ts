import type { AnswerStructure } from './answer-structure.js';
import { equationsEquivalent } from './compare-expressions.js';
import { intervalSetsEqual } from './interval-set.js';
import { asIntervals } from './parse-answer-structure.js';
import { quantitiesEqual } from './quantities-equal.js';

type Of<K extends AnswerStructure['kind']> = Extract<AnswerStructure, { kind: K }>;

/**
 * Structural equality of two parsed answers; symmetric. See AnswerChecker for the rules. Pure:
 * every reading carries its own cached values, so this only compares.
 */
export function structuresEqual(a: AnswerStructure, b: AnswerStructure): boolean {
  if (a.kind === 'solved') return solvedEqual(a, b);
  if (b.kind === 'solved') return solvedEqual(b, a);
  // A set of one element (written once or repeated) is that element: `\{3\}` = `\{3, 3\}` = `3`.
  if (a.kind === 'set' && b.kind !== 'set' && a.items.length > 0) return a.items.every((item) => structuresEqual(item, b));
  if (b.kind === 'set' && a.kind !== 'set' && b.items.length > 0) return b.items.every((item) => structuresEqual(a, item));
  switch (a.kind) {
    case 'empty':
      return false;
    case 'text':
      return b.kind === 'text' && a.words === b.words;
    case 'opaque':
      return b.kind === 'opaque' && a.text === b.text;
    case 'scalar':
      return b.kind === 'scalar' && quantitiesEqual(a, b);
    case 'equation':
      return b.kind === 'equation' && equationsEquivalent(a.sides, b.sides) === true;
    case 'intervals':
      return setsOfRealsEqual(a, b);
    case 'sequence':
      if (b.kind === 'sequence') return sequencesEqual(a, b);
      return setsOfRealsEqual(a, b) || orderedEqual(a, b);
    case 'vector':
      return orderedEqual(a, b);
    case 'matrix':
      return b.kind === 'matrix' && a.rows.length === b.rows.length && a.rows.every((row, i) => pairwise(row, b.rows[i] ?? []));
    case 'set':
      return (b.kind === 'set' && setsEqual(a.items, b.items)) || (a.items.length === 0 && setsOfRealsEqual(a, b));
    case 'assignment':
      return b.kind === 'assignment' ? assignmentsEqual(a, b) : orderedEqual(a, b);
  }
}

/**
 * `x = 5` equals `5` and `y = 5`; `y = 2x + 1` equals `2x + 1` and the equation `2x - y + 1 = 0`.
 * Two solved answers compare by their values whatever the names (`f(x) = x^2` = `y = x^2`), or as
 * equations when both have scalar sides (`x = 2y + 1` = `y = \frac{x - 1}{2}`).
 */
function solvedEqual(a: Of<'solved'>, b: AnswerStructure): boolean {
  if (b.kind === 'solved') return structuresEqual(a.value, b.value) || (!!a.sides && !!b.sides && equationsEquivalent(a.sides, b.sides) === true);
  if (b.kind === 'equation') return !!a.sides && equationsEquivalent(a.sides, b.sides) === true;
  return structuresEqual(a.value, b);
}

function sequencesEqual(a: Of<'sequence'>, b: Of<'sequence'>): boolean {
  return a.open === b.open && a.close === b.close && pairwise(a.items, b.items);
}

/** Both as subsets of ℝ (an interval written `(1, 3)` against `1 < x < 3`). */
function setsOfRealsEqual(a: AnswerStructure, b: AnswerStructure): boolean {
  if (a.kind !== 'intervals' && b.kind !== 'intervals' && !(a.kind === 'set' || b.kind === 'set')) return false;
  const sa = asIntervals(a);
  const sb = asIntervals(b);
  return sa !== undefined && sb !== undefined && intervalSetsEqual(sa, sb);
}

/** Tuples, vectors, one-row or one-column matrices and assignments (in the order of their names) compare element-wise. */
function orderedEqual(a: AnswerStructure, b: AnswerStructure): boolean {
  const ia = orderedItems(a);
  const ib = orderedItems(b);
  return ia !== undefined && ib !== undefined && pairwise(ia, ib);
}

function orderedItems(x: AnswerStructure): readonly AnswerStructure[] | undefined {
  if (x.kind === 'vector') return x.items;
  if (x.kind === 'sequence' && x.open === '(' && x.close === ')') return x.items;
  if (x.kind === 'assignment') return x.entries.map((e) => e.value);
  return undefined;
}

function assignmentsEqual(a: Of<'assignment'>, b: Of<'assignment'>): boolean {
  return (
    a.entries.length === b.entries.length &&
    a.entries.every((e, i) => {
      const other = b.entries[i];
      return other !== undefined && e.variable === other.variable && structuresEqual(e.value, other.value);
    })
  );
}

function pairwise(a: readonly AnswerStructure[], b: readonly AnswerStructure[]): boolean {
  return a.length === b.length && a.every((x, i) => structuresEqual(x, b[i] as AnswerStructure));
}

/** Sets, with repeats ignored: every element of each has an equal element in the other (`\{1, 1, 2\}` = `\{1, 2\}`). */
function setsEqual(a: readonly AnswerStructure[], b: readonly AnswerStructure[]): boolean {
  const covers = (x: readonly AnswerStructure[], y: readonly AnswerStructure[]): boolean => x.every((item) => y.some((other) => structuresEqual(item, other)));
  return covers(a, b) && covers(b, a);
}
