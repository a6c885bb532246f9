import type { AnswerStructure } from './answer-structure.js';
import { normalizeIntervals, positionOf, type Endpoint, type Interval } from './interval-set.js';
import type { ScalarReading } from './scalar-reading.js';
import { splitCommas, splitTopLevel } from './split-top-level.js';

/** What the structure parser lends the relation parser: recursion and scalar reading. */
export interface ParseContext {
  readonly parse: (s: string) => AnswerStructure;
  readonly read: (s: string) => ScalarReading;
}

const infiniteEnd = (positive: boolean): Endpoint => ({ at: { kind: 'infinity', positive }, closed: false });

type Op = '=' | '<' | '<=' | '>' | '>=' | '!=' | 'in';

const OPERATORS: readonly (readonly [RegExp, Op])[] = [
  [/^\\(?:leqslant|leq|le)(?![A-Za-z])/, '<='],
  [/^\\(?:geqslant|geq|ge)(?![A-Za-z])/, '>='],
  [/^\\(?:neq|ne)(?![A-Za-z])/, '!='],
  [/^\\lt(?![A-Za-z])/, '<'],
  [/^\\gt(?![A-Za-z])/, '>'],
  [/^\\(?:approx|simeq|equiv)(?![A-Za-z])/, '='],
  [/^\\in(?![A-Za-z])/, 'in'],
  [/^<=/, '<='],
  [/^>=/, '>='],
  [/^!=/, '!='],
  [/^=/, '='],
  [/^</, '<'],
  [/^>/, '>'],
];

const GREEK = 'alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|rho|sigma|tau|phi|varphi|chi|psi|omega';
/** A name an answer can be given for: `x`, `x_1`, `\theta`, `f(x)`, `f'(x)`, `P(A)`, `AB`, `\angle ABC`, `m\angle A`. */
const NAME = new RegExp(
  String.raw`^(?:(?:[A-Za-z]|\\(?:${GREEK}))(?:_\{?[A-Za-z0-9]+\}?)?'*(?:\^\{?-1\}?)?(?:\([^()=<>]*\))?|[A-Z]{2,3}|(?:m\s*)?\\angle\s*[A-Z]{1,3}|\\overline\{[A-Z]{2}\})$`,
);

/** True when `s` is a name (see NAME) rather than an expression. */
export function isName(s: string): boolean {
  return NAME.test(s.trim());
}

/** `(x, y)` when every element is a name, for `(x, y) = (1, 2)`. */
function tupleOfNames(s: string): string[] | undefined {
  const inner = /^\(\s*([^()]+)\)$/.exec(s.trim())?.[1];
  const names = inner === undefined ? [] : splitCommas(inner);
  return names.length > 1 && names.every(isName) ? names : undefined;
}

/** A name without its spacing, so `f (x)` and `f(x)` are one name. */
function nameKey(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The letter or Greek name a name starts with, to tell whether the other side mentions it. */
function baseSymbol(name: string): string {
  return /^(?:m\s*)?(\\angle\s*[A-Z]+|\\overline\{[A-Z]+\}|\\[A-Za-z]+|[A-Z]{2,3}(?![a-z(])|[A-Za-z])/.exec(name.trim())?.[1] ?? name;
}

function mentions(expression: string, name: string): boolean {
  const base = baseSymbol(name).replace(/[\\{}]/g, (c) => `\\${c}`);
  return new RegExp(`(?<![A-Za-z\\\\])${base}(?![A-Za-z])`).test(expression);
}

/**
 * Parses an answer with a top-level relation: `x = 5`, `y = 2x + 1` (solved for a name),
 * `2x - y + 1 = 0` (an equation), `\frac{3}{4} = 0.75` (constants: the last side), `x \le 2`,
 * `1 < x \le 5`, `2 \ge x` and `x \ne 2` (intervals), `x \in [0, 1]` (the set). Undefined when
 * there is no relation. Relations it cannot read become opaque.
 */
export function parseRelation(s: string, ctx: ParseContext): AnswerStructure | undefined {
  const ops: Op[] = [];
  const parts = splitTopLevel(s, (rest) => {
    for (const [pattern, op] of OPERATORS) {
      const m = pattern.exec(rest);
      if (m) {
        ops.push(op);
        return m[0].length;
      }
    }
    return 0;
  }).map((p) => p.trim());
  if (parts.length < 2) return undefined;
  if (parts.some((p) => p === '')) return { kind: 'opaque', text: s };
  if (ops.every((op) => op === '=')) return equality(parts, s, ctx);
  if (ops.length === 1 && ops[0] === 'in') return ctx.parse(parts[1] as string);
  if (ops.length === 1 && ops[0] === '!=') return notEqual(parts, s, ctx);
  return inequality(parts, ops, s, ctx) ?? { kind: 'opaque', text: s };
}

function equality(parts: readonly string[], s: string, ctx: ParseContext): AnswerStructure {
  const [first = '', second = ''] = parts;
  const names = tupleOfNames(first);
  if (names && parts.length === 2) {
    const values = ctx.parse(second);
    if (values.kind === 'sequence' && values.open === '(' && values.items.length === names.length) {
      const entries = names.map((name, i) => ({ variable: nameKey(name), value: values.items[i] as AnswerStructure }));
      return { kind: 'assignment', entries: entries.sort((a, b) => a.variable.localeCompare(b.variable)) };
    }
  }
  if (isName(first) && !parts.slice(1).some((p) => mentions(p, first))) return solved(first, second, ctx);
  if (parts.length === 2 && isName(second) && !mentions(first, second)) return solved(second, first, ctx);
  const lhs = ctx.read(first);
  const rhs = ctx.read(parts.at(-1) ?? '');
  // `\frac{3}{4} = 0.75`, `2 + 3 = 5`: a worked-out value; the last side is the result.
  if (lhs.kind === 'number' && rhs.kind === 'number') return ctx.parse(parts.at(-1) ?? '');
  if (parts.length !== 2 || lhs.kind === 'invalid' || rhs.kind === 'invalid') return { kind: 'opaque', text: s };
  return { kind: 'equation', text: s, sides: { lhs, rhs } };
}

function solved(name: string, valueText: string, ctx: ParseContext): AnswerStructure {
  const value = ctx.parse(valueText);
  const lhs = ctx.read(name);
  const sides = value.kind === 'scalar' && lhs.kind !== 'invalid' && value.reading.kind !== 'invalid' ? { lhs, rhs: value.reading } : undefined;
  return sides ? { kind: 'solved', variable: nameKey(name), value, sides } : { kind: 'solved', variable: nameKey(name), value };
}

function notEqual(parts: readonly string[], s: string, ctx: ParseContext): AnswerStructure {
  const [a = '', b = ''] = parts;
  const point = isName(a) ? ctx.read(b) : isName(b) ? ctx.read(a) : undefined;
  if (!point || point.kind === 'infinity' || positionOf(point) === undefined) return { kind: 'opaque', text: s };
  const set = normalizeIntervals([
    { lo: infiniteEnd(false), hi: { at: point, closed: false } },
    { lo: { at: point, closed: false }, hi: infiniteEnd(true) },
  ]);
  return set ? { kind: 'intervals', set } : { kind: 'opaque', text: s };
}

/** `x < c`, `c \ge x`, `a < x \le b`, `b > x > a`: one name, constants elsewhere, one direction. */
function inequality(parts: readonly string[], ops: readonly Op[], s: string, ctx: ParseContext): AnswerStructure | undefined {
  const upward = ops.every((op) => op === '<' || op === '<=');
  const downward = ops.every((op) => op === '>' || op === '>=');
  if (!(upward || downward) || parts.length > 3) return undefined;
  // Read left to right in increasing order: flip `>` chains.
  const ordered = downward ? [...parts].reverse() : [...parts];
  const strict = (downward ? [...ops].reverse() : [...ops]).map((op) => op === '<' || op === '>');
  const at = ordered.findIndex((p) => isName(p));
  if (at < 0 || ordered.filter((p) => isName(p)).length !== 1) return undefined;
  const bounds = ordered.map((p, i) => (i === at ? undefined : ctx.read(p)));
  if (bounds.some((b, i) => i !== at && (!b || positionOf(b) === undefined))) return undefined;
  const lo: Endpoint = at > 0 ? { at: bounds[at - 1] as ScalarReading, closed: !strict[at - 1] } : infiniteEnd(false);
  const hi: Endpoint = at < ordered.length - 1 ? { at: bounds[at + 1] as ScalarReading, closed: !strict[at] } : infiniteEnd(true);
  const interval: Interval = { lo, hi };
  const set = normalizeIntervals([interval]);
  return set ? { kind: 'intervals', set } : { kind: 'opaque', text: s };
}
