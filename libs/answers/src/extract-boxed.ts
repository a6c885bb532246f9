const BOX_COMMANDS = ['\\boxed', '\\fbox'] as const;

/**
 * Returns the content of the LAST `\boxed{…}` (or `\fbox{…}`) in `text`, with nested braces balanced
 * (`\boxed{\frac{1}{2}}` gives `\frac{1}{2}`). Escaped braces (`\{`, `\}`) do not count towards the
 * balance. An unterminated last box is skipped in favour of the one before it. `\boxed 5` (no braces)
 * gives the following token. Returns undefined when there is no usable box. Never throws.
 */
export function extractBoxed(text: string): string | undefined {
  let from = text.length;
  while (from >= 0) {
    const { start, command } = lastBoxCommand(text, from);
    if (start < 0) return undefined;
    const content = readBoxArgument(text, start + command.length);
    if (content !== undefined) return content;
    from = start - 1;
  }
  return undefined;
}

/** The last box command starting at or before `from`, or start -1. */
function lastBoxCommand(text: string, from: number): { start: number; command: string } {
  let best = { start: -1, command: '' };
  for (const command of BOX_COMMANDS) {
    const start = text.lastIndexOf(command, from);
    if (start > best.start) best = { start, command };
  }
  return best;
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
