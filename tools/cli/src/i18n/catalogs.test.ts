import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MESSAGES_EN } from './messages-en.js';
import { MESSAGES_JA } from './messages-ja.js';
import { createTranslator } from './translator.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const params = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

/** The sources whose output speaks the user's language: `magpie run` and the commands built on it, `runs`, `report`, progress. */
const LOCALISED = [
  ...readdirSync(join(SRC, 'run'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join('run', f)),
  ...readdirSync(join(SRC, 'runs'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join('runs', f)),
  'commands/run-command.ts',
  'commands/runs-command.ts',
  'commands/report-command.ts',
];

/** A template literal's text without its `${…}` parts (which may nest braces). */
function withoutPlaceholders(text: string): string {
  let result = '';
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (depth === 0 && text[i] === '$' && text[i + 1] === '{') {
      depth = 1;
      i += 1;
    } else if (depth > 0) {
      if (text[i] === '{') depth += 1;
      if (text[i] === '}') depth -= 1;
    } else result += text[i];
  }
  return result;
}

/**
 * The literal text of every argument a printing call starts with: `out('…')`, `err(\`…\`)`,
 * `log(…)`, `notice(…)`, `write(…)`. Template literals are returned with their `${…}` parts removed.
 */
function printedLiterals(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\b(?:out|err|log|notice)\(\s*(['"`])/g)) {
    const quote = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length;
    let end = start;
    let depth = 0;
    for (; end < source.length; end += 1) {
      const c = source[end];
      if (quote === '`' && c === '$' && source[end + 1] === '{') {
        depth += 1;
        end += 1;
      } else if (depth > 0 && c === '{') depth += 1;
      else if (depth > 0 && c === '}') depth -= 1;
      else if (depth === 0 && c === quote && source[end - 1] !== '\\') break;
    }
    const text = source.slice(start, end);
    found.push(quote === '`' ? withoutPlaceholders(text) : text);
  }
  return found;
}

describe('the message catalogs', () => {
  it('have the same keys in English and Japanese, with the same parameters, and no empty message', () => {
    expect(Object.keys(MESSAGES_JA).sort()).toEqual(Object.keys(MESSAGES_EN).sort());
    for (const [key, en] of Object.entries(MESSAGES_EN)) {
      const ja = MESSAGES_JA[key as keyof typeof MESSAGES_EN];
      expect(params(ja), key).toEqual(params(en));
      expect(en.trim(), key).not.toBe('');
      expect(ja.trim(), key).not.toBe('');
    }
  });

  it('translate: Japanese differs from English wherever the message has words', () => {
    const en = createTranslator('en');
    const ja = createTranslator('ja');
    expect(ja('run.started', { runId: 'run-1' })).toBe('ラン run-1 を開始しました');
    expect(en('run.started', { runId: 'run-1' })).toBe('run run-1 started');
    const same = Object.keys(MESSAGES_EN).filter((k) => /[a-z]{3}/.test(MESSAGES_EN[k as keyof typeof MESSAGES_EN].replace(/\{\w+\}|`[^`]*`|--[\w-]+|MAGPIE_\w+/g, '')) && MESSAGES_JA[k as keyof typeof MESSAGES_EN] === MESSAGES_EN[k as keyof typeof MESSAGES_EN]);
    expect(same).toEqual([]);
  });

  it('carry every message the localised commands print: no literal text reaches out/err/log/notice', () => {
    const offenders: string[] = [];
    for (const file of LOCALISED) {
      for (const literal of printedLiterals(readFileSync(join(SRC, file), 'utf8'))) {
        // A command-name prefix (`magpie run: ${line}`) and layout whitespace are not words to translate.
        if (!/^(magpie [a-z-]+)?(: )?(\\n)?\s*$/.test(literal)) offenders.push(`${file}: ${JSON.stringify(literal)}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(LOCALISED.length).toBeGreaterThan(10);
  });
});
