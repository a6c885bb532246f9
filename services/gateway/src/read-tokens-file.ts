import { readFileSync } from 'node:fs';
import { SecuritySetupError } from './errors.js';

/**
 * The tokens in a file with one token per line (a mounted Kubernetes Secret). Blank lines and
 * lines starting with `#` are skipped; surrounding whitespace (and a trailing CR) is trimmed.
 * Throws SecuritySetupError when the file cannot be read or holds no token. Never logs a token.
 */
export function readTokensFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new SecuritySetupError(`cannot read GATEWAY_TOKENS_FILE ${path}`, { cause });
  }
  const tokens = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  if (tokens.length === 0) throw new SecuritySetupError(`GATEWAY_TOKENS_FILE ${path} holds no token`);
  return tokens;
}
