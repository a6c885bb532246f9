import type { AnswerChecker } from './answer-checker.js';
import { createAnswerChecker } from './answers-equal.js';

/** One group of equivalent final answers. Plain JSON. */
export interface AnswerGroup {
  /** The group's answer as written by its members: the most frequent spelling (ties: the shortest, then the first in code-point order). */
  readonly answer: string;
  /** Indices (into the input) of the members, ascending. */
  readonly members: readonly number[];
  /** `members.length`. */
  readonly votes: number;
}

/** The most-voted group of answers, when one group has more votes than every other. */
export interface MajorityGroup extends AnswerGroup {
  /** votes / voted: its share of the votes cast. */
  readonly share: number;
  /** votes / total: its share of all inputs, answered or not. */
  readonly shareOfTotal: number;
}

/**
 * How the answers of one problem agree. Plain JSON (numbers, strings, arrays, null), so it can be
 * stored on a record as evidence. Nothing in it depends on the order of the inputs except the
 * member indices themselves.
 */
export interface AnswerAgreement {
  /** Inputs given, with or without an answer. */
  readonly total: number;
  /** Inputs with an answer: the votes cast. A null, missing or blank answer has no vote. */
  readonly voted: number;
  /** Groups of equivalent answers, most votes first; groups with equal votes in order of their answer text. */
  readonly groups: readonly AnswerGroup[];
  /** For each input, the index of its group in `groups`, or null when it has no answer. */
  readonly groupOf: readonly (number | null)[];
  /** `groups.length`. */
  readonly distinctAnswers: number;
  /** The group with more votes than every other; null when the top groups tie or nobody voted. */
  readonly majority: MajorityGroup | null;
  /** True when the top groups tie: there is no majority, and position never breaks the tie. */
  readonly tie: boolean;
  /** True when the majority has more than half of the votes cast (3 of 5; not 2 of 5, nor 2-2-1). */
  readonly strict: boolean;
}

/**
 * Groups final answers by equivalence and reports the majority. Pass the samples' answers and
 * the SFT solution's (e.g. `[...sampleAnswers, solutionAnswer]`, so the solution is index
 * `samples.length`); use finalAnswerOf for each, so truncated responses are null.
 *
 * Two answers are in one group when they are connected by a chain of equal pairs (the connected
 * components of AnswerChecker.equal). The checker's equality is not transitive (`50` = `50\%` =
 * `0.5`, but `50` ≠ `0.5`), and components are the grouping that does not depend on the order of
 * the inputs. Pure and deterministic; never throws.
 */
export function answerAgreement(answers: readonly (string | null | undefined)[], checker: AnswerChecker = createAnswerChecker()): AnswerAgreement {
  const texts = answers.map((a) => (typeof a === 'string' && a.trim() !== '' ? a.trim() : null));
  const components = connectedComponents(texts, checker);
  const groups = components
    .map((members) => ({ answer: representative(members.map((i) => texts[i] as string)), members, votes: members.length }))
    .sort((a, b) => b.votes - a.votes || compareText(a.answer, b.answer));
  const groupOf: (number | null)[] = texts.map(() => null);
  groups.forEach((g, gi) => g.members.forEach((i) => (groupOf[i] = gi)));
  const voted = texts.filter((t) => t !== null).length;
  const [top, second] = groups;
  const tie = top !== undefined && second !== undefined && second.votes === top.votes;
  const majority = top && !tie ? { ...top, share: top.votes / voted, shareOfTotal: top.votes / texts.length } : null;
  return {
    total: texts.length,
    voted,
    groups,
    groupOf,
    distinctAnswers: groups.length,
    majority,
    tie,
    strict: majority !== null && majority.votes * 2 > voted,
  };
}

/** Indices of the non-null texts, grouped into connected components of the equality graph; each ascending. */
export function connectedComponents(texts: readonly (string | null)[], checker: AnswerChecker): number[][] {
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    parent[i] = r;
    return r;
  };
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i];
    if (a === null || a === undefined) continue;
    for (let j = i + 1; j < texts.length; j++) {
      const b = texts[j];
      if (b === null || b === undefined || find(i) === find(j)) continue;
      if (a === b || checker.equal(a, b)) parent[Math.max(find(i), find(j))] = Math.min(find(i), find(j));
    }
  }
  const byRoot = new Map<number, number[]>();
  texts.forEach((t, i) => {
    if (t === null) return;
    const root = find(i);
    byRoot.set(root, [...(byRoot.get(root) ?? []), i]);
  });
  return [...byRoot.values()];
}

/** The most frequent spelling; ties: the shortest, then the first in code-point order. */
function representative(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()].sort(([a, ca], [b, cb]) => cb - ca || a.length - b.length || compareText(a, b))[0]?.[0] ?? '';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
