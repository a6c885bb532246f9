import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { EQUIVALENCE_TABLE_PATH } from '@magpie/answers';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeIo } from '../testing/fake-io.js';
import { defineVerifyAnswerCommand, executeVerifyAnswerCommand, executeVerifyAnswerPairs, runVerifyAnswer, VerifyAnswerExit, type VerifyAnswerRequest } from './verify-answer-command.js';

/** Parses argv through the real command definition, in-process: the request it runs, or the exit code it exits with. */
async function parse(argv: readonly string[]): Promise<{ request?: VerifyAnswerRequest; exit?: number; out: string[]; err: string[] }> {
  const io = fakeIo();
  let exit: number | undefined;
  let request: VerifyAnswerRequest | undefined;
  const exitingIo = {
    ...io,
    exit: (code: number): never => {
      exit = code;
      throw new Error(`exit ${code}`);
    },
  };
  const program = new Command('magpie').exitOverride().addCommand(
    defineVerifyAnswerCommand(exitingIo, (r) => {
      request = r;
    }),
  );
  try {
    await program.parseAsync(['verify-answer', ...argv], { from: 'user' });
  } catch (error) {
    if (exit === undefined) throw error;
  }
  return { ...(request ? { request } : {}), ...(exit === undefined ? {} : { exit }), out: io.outLines, err: io.errLines };
}

describe('magpie verify-answer arguments', () => {
  it.each([
    [['\\frac12', '0.5'], { kind: 'pair', a: '\\frac12', b: '0.5' }],
    [['-\\frac12', '-0.5'], { kind: 'pair', a: '-\\frac12', b: '-0.5' }],
    [['--pairs', 'pairs.tsv'], { kind: 'pairs', file: 'pairs.tsv' }],
    [['--pairs=-'], { kind: 'pairs', file: '-' }],
  ])('%j runs %j', async (argv, request) => {
    expect(await parse(argv)).toMatchObject({ request, out: [], err: [] });
  });

  it.each([
    ['a missing argument', ['1']],
    ['no argument', []],
    ['an extra argument', ['1', '2', '3']],
    ['answers and --pairs', ['1', '--pairs', 'pairs.tsv']],
  ])('exits 2 on %s, saying why', async (_name, argv) => {
    const result = await parse(argv);
    expect(result.request).toBeUndefined();
    expect(result.exit).toBe(VerifyAnswerExit.usageError);
    expect(result.err.join('\n')).toMatch(/argument/);
    expect(result.out).toEqual([]);
  });

  it('exits 0 for --help, printing the usage with --pairs', async () => {
    const result = await parse(['--help']);
    expect(result.exit).toBe(0);
    expect(result.out.join('\n')).toMatch(/verify-answer[\s\S]*--pairs <file>/);
  });
});

describe('executeVerifyAnswerCommand', () => {
  it.each([
    ['2\\sqrt{2}', '\\sqrt{8}', 'equivalent', VerifyAnswerExit.equivalent],
    ['\\frac12', '0.5', 'equivalent', VerifyAnswerExit.equivalent],
    ['x^2-1', '(x-1)(x+1)', 'equivalent', VerifyAnswerExit.equivalent],
    ['[1, 3)', '[1, 3]', 'different', VerifyAnswerExit.different],
    ['100', '100.0001', 'different', VerifyAnswerExit.different],
    ['', '', 'different', VerifyAnswerExit.different],
    ['\\{1,2\\}', '\\{2,1\\}', 'equivalent', VerifyAnswerExit.equivalent],
  ])('%j vs %j prints %s', (a, b, printed, code) => {
    const io = fakeIo();
    expect(executeVerifyAnswerCommand(a, b, io)).toBe(code);
    expect(io.outLines).toEqual([printed]);
  });
});

describe('executeVerifyAnswerPairs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-answer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('prints a verdict per pair and a summary, and exits 0 when every pair matches', async () => {
    const io = fakeIo();
    const path = file('ok.tsv', '# comment\n\\frac12\t0.5\t1\n100\t100.0001\t0\tnumbers\n');
    expect(await executeVerifyAnswerPairs(path, io)).toBe(VerifyAnswerExit.passed);
    expect(io.outLines.slice(0, 2)).toEqual(['2\tequivalent\tok\t\\frac12\t0.5', '3\tdifferent\tok\t100\t100.0001']);
    expect(io.outLines[2]).toMatch(/^# 2 pairs: 1 equivalent, 1 different; 2 with an expected verdict, 0 mismatches \(error rate 0\.00%\); [\d.]+ ms per comparison/);
    expect(io.errLines).toEqual([]);
  });

  it('exits 1 on a mismatch, and on a different pair without an expected verdict', async () => {
    const mismatch = fakeIo();
    expect(await executeVerifyAnswerPairs(file('bad.tsv', '7\t8\t1\n'), mismatch)).toBe(VerifyAnswerExit.failed);
    expect(mismatch.outLines[0]).toBe('1\tdifferent\tMISMATCH\t7\t8');
    expect(mismatch.outLines[1]).toMatch(/^# 1 pair: .* 1 mismatch \(error rate 100\.00%\)/);
    const unexpected = fakeIo();
    expect(await executeVerifyAnswerPairs(file('plain.tsv', '2x\tx+x\n7\t8\n'), unexpected)).toBe(VerifyAnswerExit.failed);
    expect(unexpected.outLines.slice(0, 2)).toEqual(['1\tequivalent\t-\t2x\tx+x', '2\tdifferent\t-\t7\t8']);
  });

  it('exits 2 naming each malformed line, and compares nothing', async () => {
    const io = fakeIo();
    const path = file('malformed.tsv', '1\t1\t1\nno tab here\n2\t2\tperhaps\n');
    expect(await executeVerifyAnswerPairs(path, io)).toBe(VerifyAnswerExit.usageError);
    expect(io.outLines).toEqual([]);
    expect(io.errLines).toEqual([
      `magpie verify-answer: ${path}:2: expected two answers separated by a tab`,
      expect.stringMatching(new RegExp(`^magpie verify-answer: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: the third column`)) as unknown as string,
    ]);
  });

  it('exits 2 for a missing file and for a file without pairs', async () => {
    const missing = fakeIo();
    expect(await executeVerifyAnswerPairs(join(dir, 'nope.tsv'), missing)).toBe(VerifyAnswerExit.usageError);
    expect(missing.errLines[0]).toMatch(/cannot read .*nope\.tsv: ENOENT/);
    const empty = fakeIo();
    expect(await executeVerifyAnswerPairs(file('empty.tsv', '# only a comment\n\n'), empty)).toBe(VerifyAnswerExit.usageError);
    expect(empty.errLines[0]).toMatch(/has no pairs/);
  });

  it('reads stdin for -', async () => {
    const io = fakeIo('x \\le 2\t(-\\infty, 2]\t1\n');
    expect(await runVerifyAnswer({ kind: 'pairs', file: '-' }, io)).toBe(VerifyAnswerExit.passed);
    expect(io.outLines[0]).toBe('1\tequivalent\tok\tx \\le 2\t(-\\infty, 2]');
  });

  it('passes the public equivalence table with no mismatch', async () => {
    const io = fakeIo();
    expect(await executeVerifyAnswerPairs(EQUIVALENCE_TABLE_PATH, io)).toBe(VerifyAnswerExit.passed);
    expect(io.outLines.filter((line) => line.includes('MISMATCH'))).toEqual([]);
    expect(io.outLines.at(-1)).toMatch(/^# \d{3} pairs: .* 0 mismatches \(error rate 0\.00%\)/);
  });
});

describe('magpie verify-answer (the real binary)', () => {
  const MAGPIE_BIN = fileURLToPath(new URL('../../bin/magpie.js', import.meta.url));

  // The one test that starts the real CLI: it proves bin/magpie.js wires the command and passes its
  // exit code on (1, since 0 is what a process exits with anyway). Starting tsx and the compute
  // engine takes seconds on a loaded machine, hence the generous timeout.
  it('prints different and exits 1 for 100 and 100.0001', async () => {
    const result = await promisify(execFile)(process.execPath, [MAGPIE_BIN, 'verify-answer', '100', '100.0001'], { timeout: 110_000 }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code?: unknown; stdout?: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result).toEqual({ code: VerifyAnswerExit.different, stdout: 'different\n' });
  }, 120_000);
});
