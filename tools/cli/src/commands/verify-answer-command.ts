import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { Command, type CommanderError } from 'commander';
import { answersEqual, createAnswerChecker, PairsTsvError, parsePairsTsv, type AnswerPair } from '@magpie/answers';
import { ExitCode } from '../exit-codes.js';
import type { CommandIo } from './command-io.js';

/**
 * Exit codes of `magpie verify-answer`, for scripts: like `cmp`, 0 same, 1 different, 2 trouble.
 * With `--pairs`: 0 when every pair passed (matched its expected verdict, or is equivalent where
 * the line has none), 1 when any failed, 2 when the file cannot be read or has a malformed line.
 */
export const VerifyAnswerExit = {
  equivalent: ExitCode.ok,
  different: ExitCode.failure,
  passed: ExitCode.ok,
  failed: ExitCode.failure,
  /** A missing or extra argument, an unreadable or malformed pairs file; the reason is on stderr. */
  usageError: 2,
} as const;

/** What `magpie verify-answer` was asked to do. */
export type VerifyAnswerRequest = { readonly kind: 'pair'; readonly a: string; readonly b: string } | { readonly kind: 'pairs'; readonly file: string };

const PREFIX = 'magpie verify-answer:';

/**
 * Defines `magpie verify-answer <a> <b>` and `magpie verify-answer --pairs <file.tsv>`. The action
 * calls `execute` with the request. Commander's messages go to `io`; usage errors exit with
 * VerifyAnswerExit.usageError through `io.exit` (commander's own exit code is 1, which here means
 * "different"); `--help` exits 0.
 */
export function defineVerifyAnswerCommand(io: Pick<CommandIo, 'exit' | 'out' | 'err'>, execute: (request: VerifyAnswerRequest) => void | Promise<void>): Command {
  const usageError = (message: string): never => {
    io.err(`${PREFIX} ${message}`);
    return io.exit(VerifyAnswerExit.usageError);
  };
  return (
    new Command('verify-answer')
      .description('compare two final answers (LaTeX, fractions, intervals, sets …): prints equivalent (exit 0) or different (exit 1); --pairs checks a file of pairs')
      .argument('[a]', 'first answer, e.g. "\\frac12"')
      .argument('[b]', 'second answer, e.g. 0.5')
      .option('--pairs <file>', 'check every line of a TSV file: a<TAB>b[<TAB>expected 1|0[<TAB>label]]; - reads stdin')
      // Answers such as `-\frac12` look like options; the only option is --pairs, so pass the others through.
      .allowUnknownOption()
      .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
      .exitOverride((error: CommanderError) => io.exit(error.exitCode === 0 ? ExitCode.ok : VerifyAnswerExit.usageError))
      .action((a: string | undefined, b: string | undefined, options: { pairs?: string }) => {
        if (options.pairs !== undefined) {
          if (a !== undefined) return usageError('give either two answers or --pairs <file>, not both (unexpected argument)');
          return execute({ kind: 'pairs', file: options.pairs });
        }
        if (a === undefined || b === undefined) return usageError(`missing argument: expected two answers, got ${a === undefined ? 'none' : 'one'} (or use --pairs <file>)`);
        return execute({ kind: 'pair', a, b });
      })
  );
}

/** Runs a verify-answer request and returns its exit code. */
export function runVerifyAnswer(request: VerifyAnswerRequest, io: Pick<CommandIo, 'out' | 'err' | 'input'>): Promise<number> {
  return request.kind === 'pair' ? Promise.resolve(executeVerifyAnswerCommand(request.a, request.b, io)) : executeVerifyAnswerPairs(request.file, io);
}

/** Runs `magpie verify-answer <a> <b>`: prints `equivalent` or `different` and returns the exit code. Never throws. */
export function executeVerifyAnswerCommand(a: string, b: string, io: Pick<CommandIo, 'out'>): number {
  const equal = answersEqual(a, b, createAnswerChecker());
  io.out(equal ? 'equivalent' : 'different');
  return equal ? VerifyAnswerExit.equivalent : VerifyAnswerExit.different;
}

/**
 * Runs `magpie verify-answer --pairs <file>` (`-` for stdin). Prints one line per pair,
 * `<line>\t<equivalent|different>\t<ok|MISMATCH|->\t<a>\t<b>` (the third column compares with the
 * expected verdict, `-` when the line has none), then a `#` summary line with the counts, the
 * error rate and the mean time per comparison. Returns the exit code (VerifyAnswerExit). Never throws.
 */
export async function executeVerifyAnswerPairs(file: string, io: Pick<CommandIo, 'out' | 'err' | 'input'>): Promise<number> {
  let pairs: AnswerPair[];
  try {
    pairs = parsePairsTsv(await readPairsFile(file, io));
  } catch (error) {
    if (error instanceof PairsTsvError) for (const p of error.problems) io.err(`${PREFIX} ${file}:${p.line}: ${p.message}`);
    else io.err(`${PREFIX} cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return VerifyAnswerExit.usageError;
  }
  if (pairs.length === 0) {
    io.err(`${PREFIX} ${file} has no pairs (one a<TAB>b per line; # starts a comment)`);
    return VerifyAnswerExit.usageError;
  }
  const checker = createAnswerChecker();
  const counts = { equivalent: 0, different: 0, expected: 0, mismatches: 0, failed: 0 };
  let totalMs = 0;
  let maxMs = 0;
  for (const pair of pairs) {
    const started = performance.now();
    const equal = checker.equal(pair.a, pair.b);
    const ms = performance.now() - started;
    totalMs += ms;
    maxMs = Math.max(maxMs, ms);
    counts[equal ? 'equivalent' : 'different']++;
    const check = pair.expected === undefined ? '-' : pair.expected === equal ? 'ok' : 'MISMATCH';
    if (pair.expected !== undefined) counts.expected++;
    if (check === 'MISMATCH') counts.mismatches++;
    if (check === 'MISMATCH' || (check === '-' && !equal)) counts.failed++;
    io.out([pair.line, equal ? 'equivalent' : 'different', check, pair.a, pair.b].join('\t'));
  }
  const rate = counts.expected === 0 ? '' : ` (error rate ${((100 * counts.mismatches) / counts.expected).toFixed(2)}%)`;
  io.out(
    `# ${plural(pairs.length, 'pair')}: ${counts.equivalent} equivalent, ${counts.different} different; ` +
      `${counts.expected} with an expected verdict, ${plural(counts.mismatches, 'mismatch', 'mismatches')}${rate}; ` +
      `${(totalMs / pairs.length).toFixed(3)} ms per comparison on average, ${maxMs.toFixed(1)} ms at most`,
  );
  return counts.failed === 0 ? VerifyAnswerExit.passed : VerifyAnswerExit.failed;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

async function readPairsFile(file: string, io: Pick<CommandIo, 'input'>): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  if (!io.input) throw new Error('no standard input');
  return text(io.input);
}
