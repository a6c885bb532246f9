import { cleanAnswerLatex } from './clean-answer-latex.js';

/**
 * The shape of an answer. The compute engine reads scalars; the containers are parsed here because
 * it cannot read half-open intervals (`[1, 3)`) and because element-wise comparison lets every
 * element use the same tolerant scalar comparison.
 */
export type AnswerStructure =
  /** One expression, number or text. */
  | { readonly kind: 'scalar'; readonly text: string }
  /** Ordered and bracketed: a tuple `(1, 2)` or an interval `[1, 3)`; brackets are part of the meaning. */
  | { readonly kind: 'sequence'; readonly open: string; readonly close: string; readonly items: readonly AnswerStructure[] }
  /** Unordered: `\{1, 2\}`, a bare list `1, 2`, `1 \text{ or } 2`, or the two values of `1 \pm \sqrt{2}`. */
  | { readonly kind: 'set'; readonly items: readonly AnswerStructure[] }
  /** A union of intervals, `(-\infty, 1) \cup (2, \infty)`, unordered. */
  | { readonly kind: 'union'; readonly parts: readonly AnswerStructure[] };

const MAX_DEPTH = 4;

/**
 * Parses an answer (raw or already cleaned with cleanAnswerLatex) into its structure. Anything it
 * does not recognise is a scalar, so it never throws.
 */
export function parseAnswerStructure(answer: string): AnswerStructure {
  return parse(cleanAnswerLatex(answer), 0);
}

function parse(s: string, depth: number): AnswerStructure {
  if (depth >= MAX_DEPTH) return { kind: 'scalar', text: s };
  const child = (part: string): AnswerStructure => parse(cleanAnswerLatex(part), depth + 1);

  const unionParts = splitTopLevel(s, /^\\cup(?![A-Za-z])/);
  if (unionParts.length > 1) return { kind: 'union', parts: unionParts.map(child) };

  if (/^\\(?:emptyset|varnothing)$|^\\\{\s*\\\}$|^\{\s*\}$/.test(s)) return { kind: 'set', items: [] };
  if (s.startsWith('\\{') && s.endsWith('\\}') && closingIndex(s, 1) === s.length - 1) {
    return { kind: 'set', items: nonEmpty(splitTopLevel(s.slice(2, -2), /^,/)).map(child) };
  }

  const angle = /^\\langle(?![A-Za-z])([\s\S]*)\\rangle$/.exec(s);
  if (angle?.[1] !== undefined) return { kind: 'sequence', open: '<', close: '>', items: splitTopLevel(angle[1], /^,/).map(child) };

  const open = s[0];
  const close = s.at(-1);
  if ((open === '(' || open === '[') && (close === ')' || close === ']') && closingIndex(s, 0) === s.length - 1) {
    const items = splitTopLevel(s.slice(1, -1), /^,/);
    if (items.length > 1) return { kind: 'sequence', open, close, items: items.map(child) };
  }

  const list = nonEmpty(splitTopLevel(s, /^[,;]/));
  if (list.length > 1) return { kind: 'set', items: list.map(child) };

  const plusMinus = expandPlusMinus(s);
  if (plusMinus) return { kind: 'set', items: plusMinus.map(child) };

  return { kind: 'scalar', text: s };
}

/** `a \pm b` → [`a + b`, `a - b`] when there is exactly one `\pm` (or `\mp`) outside brackets. */
function expandPlusMinus(s: string): [string, string] | undefined {
  const parts = splitTopLevel(s, /^\\(?:pm|mp)(?![A-Za-z])/);
  if (parts.length !== 2) return undefined;
  const [before = '', after = ''] = parts;
  const minusFirst = /\\mp(?![A-Za-z])/.test(s.slice(before.length, s.length - after.length));
  const plus = `${before}+${after}`;
  const minus = `${before}-${after}`;
  return minusFirst ? [minus, plus] : [plus, minus];
}

function nonEmpty(parts: string[]): string[] {
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/**
 * Splits `s` where `separator` matches at bracket depth 0. Depth counts (, [, { and their closers
 * alike, because a half-open interval `[1, 3)` opens with one kind and closes with another.
 */
export function splitTopLevel(s: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (depth === 0) {
      const match = separator.exec(s.slice(i));
      if (match) {
        parts.push(s.slice(start, i));
        i += match[0].length - 1;
        start = i + 1;
        continue;
      }
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  parts.push(s.slice(start));
  return parts;
}

/** Index of the bracket that closes the one at `open` (any kind closes any kind), or -1. */
function closingIndex(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
