/**
 * Returns the content of the LAST `\boxed{…}` in `text`, with nested braces balanced
 * (`\boxed{\frac{1}{2}}` gives `\frac{1}{2}`). Escaped braces (`\{`, `\}`) do not count towards the
 * balance. An unterminated last box is skipped in favour of the one before it. `\boxed 5` (no braces)
 * gives the following token. Returns undefined when there is no usable box. Never throws.
 */
export function extractBoxed(text: string): string | undefined {
  let from = text.length;
  while (from >= 0) {
    const start = text.lastIndexOf('\\boxed', from);
    if (start < 0) return undefined;
    const content = readBoxArgument(text, start + '\\boxed'.length);
    if (content !== undefined) return content;
    from = start - 1;
  }
  return undefined;
}

function readBoxArgument(text: string, afterCommand: number): string | undefined {
  let i = afterCommand;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i >= text.length) return undefined;
  if (text[i] !== '{') {
    // `\boxedfoo` is another command, not a box; `\boxed 5` is TeX's one-token argument.
    if (i === afterCommand) return undefined;
    const token = /^[^\s$]+/.exec(text.slice(i));
    return token?.[0];
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
      if (depth === 0) return text.slice(i + 1, j);
    }
  }
  return undefined;
}
