import type { AnswerStructure } from './answer-structure.js';
import { cleanAnswerLatex } from './clean-answer-latex.js';
import { intersectIntervals, normalizeIntervals, positionOf, REAL_LINE, type IntervalSet } from './interval-set.js';
import { LatexEngine } from './latex-engine.js';
import { normalizeAnswer } from './normalize-answer.js';
import { parseMatrix } from './parse-matrix.js';
import { parseRelation, type ParseContext } from './parse-relation.js';
import { readScalar } from './scalar-reading.js';
import { splitQuantity } from './split-quantity.js';
import { isOneGroup, separatorOf, splitCommas, splitTopLevel } from './split-top-level.js';
import { readTextAnswer } from './text-answer.js';

const MAX_DEPTH = 6;
const OR = separatorOf(/^\s*\\lor\s*/);
const AND = separatorOf(/^\s*\\land\s*/);
const SEMICOLON = separatorOf(/^;/);
const CUP = separatorOf(/^\\cup(?![A-Za-z])/);
const PLUS_MINUS = separatorOf(/^\\(?:pm|mp)(?![A-Za-z])/);
/** `1,000`, `12,345,678.5`, `x = 1,000`, `\$1,000 \text{ dollars}`: digit groups of three without spaces; a leading 0 makes it a list. */
const THOUSANDS = /^((?:[A-Za-z]\s*=\s*|\\\$\s*)?[+-]?)([1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?)(?![\d,])([^,]*)$/;
const EMPTY_SET = /^(?:\\emptyset|\\varnothing|\\\{\s*\\\}|\{\s*\})$/;
const REALS = /^(?:\\mathbb\s*\{?\s*R\s*\}?|\\R|\\Reals|\\reals)$/;

/**
 * Parses an answer (raw, or cleaned with cleanAnswerLatex) into its structure; see AnswerStructure.
 * Pass the `engine` of a checker to share its compute engine. Never throws: anything it does not
 * recognise is opaque text.
 */
export function parseAnswerStructure(answer: string, engine: LatexEngine = new LatexEngine()): AnswerStructure {
  try {
    return parseAt(cleanAnswerLatex(answer), 0, engine);
  } catch {
    // Defensive: the parser is meant not to throw, but a grader must never crash a pipeline.
    return { kind: 'opaque', text: normalizeAnswer(answer) };
  }
}

function parseAt(input: string, depth: number, engine: LatexEngine): AnswerStructure {
  const s = input.trim();
  if (s === '') return { kind: 'empty' };
  if (depth >= MAX_DEPTH) return { kind: 'opaque', text: normalizeAnswer(s) };
  const ctx: ParseContext = {
    parse: (part) => parseAt(cleanAnswerLatex(part), depth + 1, engine),
    read: (part) => readScalar(part, engine),
  };
  const text = readTextAnswer(s);
  if (text) return text.kind === 'unwrapped' ? ctx.parse(text.inner) : text.structure;

  const or = splitTopLevel(s, OR);
  if (or.length > 1) return alternatives(or, 'or', ctx);
  const and = splitTopLevel(s, AND);
  if (and.length > 1) return alternatives(and, 'and', ctx);
  const semicolons = splitTopLevel(s, SEMICOLON);
  if (semicolons.length > 1) return list(semicolons, ctx);

  const thousands = THOUSANDS.exec(s);
  if (thousands) return ctx.parse(`${thousands[1] ?? ''}${(thousands[2] ?? '').replace(/,/g, '')}${thousands[3] ?? ''}`);
  const commas = splitCommas(s);
  if (commas.length > 1) return list(commas, ctx);

  const union = splitTopLevel(s, CUP);
  if (union.length > 1) return unionOf(union.map(ctx.parse), s);

  return parseRelation(s, ctx) ?? container(s, ctx) ?? plusMinus(s, ctx) ?? scalar(s, ctx);
}

/** Brackets, braces, `\langle`, matrices, `\emptyset`, `\mathbb{R}`; undefined when `s` is none of them. */
function container(s: string, ctx: ParseContext): AnswerStructure | undefined {
  if (EMPTY_SET.test(s)) return { kind: 'set', items: [] };
  if (REALS.test(s)) return { kind: 'intervals', set: REAL_LINE };
  const matrix = parseMatrix(s, ctx);
  if (matrix) return matrix;
  if (s.startsWith('\\{') && s.endsWith('\\}') && isOneGroup(s)) {
    const inner = s.slice(2, -2);
    // Set-builder notation, `\{x \mid x > 0\}`, is compared as written.
    if (splitTopLevel(inner, separatorOf(/^(?:\\mid(?![A-Za-z])|\|)/)).length > 1) return { kind: 'opaque', text: normalizeAnswer(s) };
    return { kind: 'set', items: splitCommas(inner).filter((p) => p !== '').map(ctx.parse) };
  }
  const angle = /^\\langle(?![A-Za-z])([\s\S]*)\\rangle$/.exec(s);
  if (angle && isOneGroup(s)) return { kind: 'vector', items: splitCommas(angle[1] ?? '').map(ctx.parse) };
  const open = s[0];
  const close = s.at(-1);
  if ((open === '(' || open === '[') && (close === ')' || close === ']') && isOneGroup(s)) {
    const items = splitCommas(s.slice(1, -1));
    if (items.length === 1) return ctx.parse(items[0] ?? '');
    const parsed = items.map(ctx.parse);
    const interval = items.length === 2 ? definiteInterval(open, close, parsed) : undefined;
    return interval ?? { kind: 'sequence', open, close, items: parsed };
  }
  return undefined;
}

/**
 * A bracket pair that can only be an interval: mixed brackets (`[1, 3)`) or an infinite end
 * (`(-\infty, 2]`). `(1, 3)` and `[1, 3]` stay sequences; comparison treats them as intervals
 * when the other answer is one.
 */
function definiteInterval(open: '(' | '[', close: ')' | ']', items: readonly AnswerStructure[]): AnswerStructure | undefined {
  const [lo, hi] = items;
  if (lo?.kind !== 'scalar' || hi?.kind !== 'scalar' || lo.annotation || hi.annotation) return undefined;
  const mixed = (open === '(') !== (close === ')');
  const infinite = lo.reading.kind === 'infinity' || hi.reading.kind === 'infinity';
  if (!mixed && !infinite) return undefined;
  if (positionOf(lo.reading) === undefined || positionOf(hi.reading) === undefined) return undefined;
  const set = normalizeIntervals([{ lo: { at: lo.reading, closed: open === '[' }, hi: { at: hi.reading, closed: close === ']' } }]);
  return set && { kind: 'intervals', set };
}

/** `a \pm b` (or `\pm b`) → the set {a + b, a − b}. */
function plusMinus(s: string, ctx: ParseContext): AnswerStructure | undefined {
  const parts = splitTopLevel(s, PLUS_MINUS);
  if (parts.length !== 2) return undefined;
  const [before = '', after = ''] = parts.map((p) => p.trim());
  const base = before === '' ? '' : `${before}+`;
  const minus = before === '' ? `-(${after})` : `${before}-(${after})`;
  return { kind: 'set', items: [ctx.parse(`${base}${after}`), ctx.parse(minus)] };
}

function scalar(s: string, ctx: ParseContext): AnswerStructure {
  const { body, annotation } = splitQuantity(s);
  if (body !== s) {
    const inner = ctx.parse(body);
    if (!annotation || inner.kind !== 'scalar' || inner.annotation) return inner;
    return { ...inner, annotation };
  }
  const reading = ctx.read(s);
  return reading.kind === 'invalid' ? { kind: 'opaque', text: normalizeAnswer(s) } : { kind: 'scalar', text: s, reading };
}

/** `1, 2`: a list of solutions (a set), values of several names (an assignment), or a union of intervals. */
function list(parts: readonly string[], ctx: ParseContext): AnswerStructure {
  const items = parts.map((p) => p.trim()).filter((p) => p !== '').map(ctx.parse);
  const names = items.map((item) => (item.kind === 'solved' ? item.variable : undefined));
  if (items.length > 1 && names.every((n) => n !== undefined) && new Set(names).size === items.length) {
    const entries = items.map((item) => (item.kind === 'solved' ? { variable: item.variable, value: item.value } : undefined)).filter((e) => e !== undefined);
    return { kind: 'assignment', entries: entries.sort((a, b) => a.variable.localeCompare(b.variable)) };
  }
  const intervals = intervalSets(items);
  if (intervals && items.some((item) => item.kind === 'intervals')) return unionSet(intervals, parts.join(','));
  return setOf(items);
}

/** `a \lor b` is a set of alternatives, or the union of intervals; `a \land b` the intersection of intervals, or a set. */
function alternatives(parts: readonly string[], mode: 'or' | 'and', ctx: ParseContext): AnswerStructure {
  const items = parts.map(ctx.parse);
  const intervals = intervalSets(items);
  if (intervals && items.some((item) => item.kind === 'intervals')) {
    if (mode === 'or') return unionSet(intervals, parts.join(' or '));
    let acc: IntervalSet | undefined = intervals[0];
    for (const next of intervals.slice(1)) acc = acc && intersectIntervals(acc, next);
    return acc ? { kind: 'intervals', set: acc } : { kind: 'opaque', text: normalizeAnswer(parts.join(' and ')) };
  }
  return setOf(items);
}

function unionOf(items: readonly AnswerStructure[], s: string): AnswerStructure {
  const intervals = intervalSets(items);
  if (intervals) return unionSet(intervals, s);
  if (items.every((item) => item.kind === 'set')) return setOf(items);
  return { kind: 'opaque', text: normalizeAnswer(s) };
}

function unionSet(sets: readonly IntervalSet[], s: string): AnswerStructure {
  const set = normalizeIntervals(sets.flat());
  return set ? { kind: 'intervals', set } : { kind: 'opaque', text: normalizeAnswer(s) };
}

/** Every item as a set of reals (an interval, a bracket pair read as an interval, or ∅), or undefined. */
function intervalSets(items: readonly AnswerStructure[]): IntervalSet[] | undefined {
  const sets: IntervalSet[] = [];
  for (const item of items) {
    const set = asIntervals(item);
    if (!set) return undefined;
    sets.push(set);
  }
  return sets;
}

/** A structure read as a subset of ℝ, when it can be one: intervals, `(a, b)` / `[a, b]` with a ≤ b, or ∅. */
export function asIntervals(item: AnswerStructure): IntervalSet | undefined {
  if (item.kind === 'intervals') return item.set;
  if (item.kind === 'set' && item.items.length === 0) return [];
  if (item.kind !== 'sequence' || item.items.length !== 2) return undefined;
  const [lo, hi] = item.items;
  if (lo?.kind !== 'scalar' || hi?.kind !== 'scalar' || lo.annotation || hi.annotation) return undefined;
  const a = positionOf(lo.reading);
  const b = positionOf(hi.reading);
  if (a === undefined || b === undefined || a > b) return undefined;
  return normalizeIntervals([{ lo: { at: lo.reading, closed: item.open === '[' }, hi: { at: hi.reading, closed: item.close === ']' } }]);
}

/** A set of the items, with nested solution lists flattened (`x = 1 \text{ or } x = 2, 3`). */
function setOf(items: readonly AnswerStructure[]): AnswerStructure {
  return { kind: 'set', items: items.flatMap((item) => (item.kind === 'set' ? item.items : [item])) };
}
