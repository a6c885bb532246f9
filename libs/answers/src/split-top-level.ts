/** Matches a separator at the start of `rest`; returns its length, or 0 for no match. */
export type Separator = (rest: string) => number;

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/** A separator from a sticky-free regex anchored with `^`. */
export function separatorOf(pattern: RegExp): Separator {
  return (rest) => pattern.exec(rest)?.[0].length ?? 0;
}

/**
 * Splits `s` where `separator` matches at bracket depth 0. Depth counts (, [, { (also `\{`),
 * `\langle` and `\begin{…}` alike, and their closers, because a half-open interval `[1, 3)`
 * opens with one kind and closes with another. A LaTeX command is never split inside
 * (`\le` is not the start of `\left`). Never throws; unbalanced input just ends at depth > 0.
 */
export function splitTopLevel(s: string, separator: Separator): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < s.length) {
    if (depth === 0) {
      const length = separator(s.slice(i));
      if (length > 0) {
        parts.push(s.slice(start, i));
        i += length;
        start = i;
        continue;
      }
    }
    const step = tokenAt(s, i);
    depth = Math.max(0, depth + step.depth);
    i += step.length;
  }
  parts.push(s.slice(start));
  return parts;
}

/** The length of the token at `i` and how it changes the bracket depth. */
function tokenAt(s: string, i: number): { length: number; depth: number } {
  const ch = s[i] as string;
  if (ch === '\\') {
    const next = s[i + 1] ?? '';
    if (next === '{') return { length: 2, depth: 1 };
    if (next === '}') return { length: 2, depth: -1 };
    const name = /^[A-Za-z]+/.exec(s.slice(i + 1))?.[0];
    if (!name) return { length: Math.min(2, s.length - i), depth: 0 };
    if (name === 'langle') return { length: 1 + name.length, depth: 1 };
    if (name === 'rangle') return { length: 1 + name.length, depth: -1 };
    if (name === 'begin' || name === 'end') {
      const env = /^\s*\{[^{}]*\}/.exec(s.slice(i + 1 + name.length))?.[0] ?? '';
      return { length: 1 + name.length + env.length, depth: name === 'begin' ? 1 : -1 };
    }
    return { length: 1 + name.length, depth: 0 };
  }
  if (OPENERS.has(ch)) return { length: 1, depth: 1 };
  if (CLOSERS.has(ch)) return { length: 1, depth: -1 };
  return { length: 1, depth: 0 };
}

/**
 * True when the bracket opening at index 0 of `s` (any of the kinds splitTopLevel counts) is
 * closed by the last token of `s`, so that `s` is one bracketed group: `(1, 2)` yes, `(1)(2)` no.
 */
export function isOneGroup(s: string): boolean {
  let depth = 0;
  let i = 0;
  while (i < s.length) {
    const step = tokenAt(s, i);
    depth += step.depth;
    i += step.length;
    if (depth <= 0) return i >= s.length && depth === 0;
  }
  return false;
}

/** The parts of `s` split at top-level commas, trimmed. */
export function splitCommas(s: string): string[] {
  return splitTopLevel(s, separatorOf(/^,/)).map((p) => p.trim());
}
