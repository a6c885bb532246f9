import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { executeVerifyAnswerCommand, VerifyAnswerExit } from './verify-answer-command.js';

const MAGPIE_BIN = fileURLToPath(new URL('../../bin/magpie.js', import.meta.url));
const execFileAsync = promisify(execFile);

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI, as a script would. */
async function magpie(args: readonly string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [MAGPIE_BIN, ...args], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('magpie verify-answer (real CLI)', () => {
  it.each([
    ['\\frac12', '0.5', 'equivalent', VerifyAnswerExit.equivalent],
    ['x^2-1', '(x-1)(x+1)', 'equivalent', VerifyAnswerExit.equivalent],
    ['[1, 3)', '[1, 3]', 'different', VerifyAnswerExit.different],
    ['-\\frac12', '-0.5', 'equivalent', VerifyAnswerExit.equivalent],
    ['7', '8', 'different', VerifyAnswerExit.different],
  ])('verify-answer %j %j prints %s', async (a, b, printed, code) => {
    const result = await magpie(['verify-answer', a, b]);
    expect(result).toMatchObject({ code, stdout: `${printed}\n` });
  });

  it.each([
    ['a missing argument', ['verify-answer', '1']],
    ['an extra argument', ['verify-answer', '1', '2', '3']],
  ])('exits 2 on %s', async (_name, args) => {
    const result = await magpie(args);
    expect(result.code).toBe(VerifyAnswerExit.usageError);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/argument/);
  });

  it('exits 0 for --help', async () => {
    const result = await magpie(['verify-answer', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('verify-answer');
  });
});

describe('executeVerifyAnswerCommand', () => {
  it.each([
    ['2\\sqrt{2}', '\\sqrt{8}', 'equivalent', 0],
    ['', '', 'different', 1],
    ['\\{1,2\\}', '\\{2,1\\}', 'equivalent', 0],
  ])('%j vs %j', (a, b, printed, code) => {
    const lines: string[] = [];
    expect(executeVerifyAnswerCommand(a, b, { out: (line) => lines.push(line) })).toBe(code);
    expect(lines).toEqual([printed]);
  });
});
