const BOX_COMMAND = /\\(?:boxed|fbox)(?![A-Za-z])/g;

/** One top-level `\boxed{…}` in a text: its content and where the whole box starts and ends. */
export interface BoxSpan {
  readonly content: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Every top-level `\boxed{…}` / `\fbox{…}` of `text`, in order. A box inside a box is part of the
 * outer one's content, not a box of its own. Nested braces are balanced, escaped braces (`\{`,
 * `\}`) do not count, an unterminated box is skipped, and `\boxed 5` (no braces) takes the next
 * token, as TeX does. Never throws.
 */
export function findBoxes(text: string): BoxSpan[] {
  const boxes: BoxSpan[] = [];
  BOX_COMMAND.lastIndex = 0;
  for (let m = BOX_COMMAND.exec(text); m; m = BOX_COMMAND.exec(text)) {
    const arg = readBoxArgument(text, m.index + m[0].length);
    if (!arg) continue;
    boxes.push({ content: arg.content, start: m.index, end: arg.end });
    BOX_COMMAND.lastIndex = arg.end;
  }
  return boxes;
}

/**
 * The content of the LAST top-level `\boxed{…}` (or `\fbox{…}`) in `text`, with boxes nested in
 * it unwrapped (`\boxed{x = \boxed{5}}` gives `x = 5`). Undefined when there is no usable box.
 */
export function extractBoxed(text: string): string | undefined {
  const last = findBoxes(text).at(-1);
  return last && unwrapBoxes(last.content);
}

/** Replaces every `\boxed{X}` / `\fbox{X}` in `s` with X, nested ones too. */
export function unwrapBoxes(s: string): string {
  let t = s;
  for (let guard = 0; guard < 32; guard++) {
    const m = /\\(?:boxed|fbox)(?![A-Za-z])/.exec(t);
    if (!m) return t;
    const arg = readBoxArgument(t, m.index + m[0].length);
    t = arg ? t.slice(0, m.index) + arg.content + t.slice(arg.end) : t.slice(0, m.index) + t.slice(m.index + m[0].length);
  }
  return t;
}

/**
 * Reads the argument of a box command ending at `afterCommand`: a balanced `{…}` group, or a single
 * token after whitespace. Undefined when there is none or it is unterminated.
 */
export function readBoxArgument(text: string, afterCommand: number): { content: string; end: number } | undefined {
  let i = afterCommand;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i >= text.length) return undefined;
  if (text[i] !== '{') {
    if (i === afterCommand) return undefined;
    const token = /^[^\s$]+/.exec(text.slice(i))?.[0];
    return token === undefined ? undefined : { content: token, end: i + token.length };
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') {
      j++; // skip the escaped character so `\{` and `\}` never change the depth
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return { content: text.slice(i + 1, j), end: j + 1 };
    }
  }
  return undefined;
}
