import { Command, type CommanderError } from 'commander';
import { answersEqual, createAnswerChecker } from '@magpie/answers';
import { ExitCode } from '../exit-codes.js';
import type { CommandIo } from './command-io.js';

/** Exit codes of `magpie verify-answer`, for scripts: like `cmp`, 0 same, 1 different, 2 trouble. */
export const VerifyAnswerExit = {
  equivalent: ExitCode.ok,
  different: ExitCode.failure,
  /** A missing or extra argument; commander has printed why. */
  usageError: 2,
} as const;

/**
 * Defines `magpie verify-answer <a> <b>`. The action calls `execute` with both answers. Usage
 * errors exit the process with VerifyAnswerExit.usageError through `io.exit` (commander's own
 * exit code is 1, which here means "different"); `--help` exits 0.
 */
export function defineVerifyAnswerCommand(io: Pick<CommandIo, 'exit'>, execute: (a: string, b: string) => void | Promise<void>): Command {
  return (
    new Command('verify-answer')
      .description('compare two final answers (LaTeX, fractions, intervals, sets …): prints equivalent (exit 0) or different (exit 1)')
      .argument('<a>', 'first answer, e.g. "\\frac12"')
      .argument('<b>', 'second answer, e.g. 0.5')
      // Answers such as `-\frac12` look like options; nothing here takes options, so pass them through.
      .allowUnknownOption()
      .exitOverride((error: CommanderError) => io.exit(error.exitCode === 0 ? ExitCode.ok : VerifyAnswerExit.usageError))
      .action((a: string, b: string) => execute(a, b))
  );
}

/** Runs `magpie verify-answer`: prints `equivalent` or `different` and returns the exit code. Never throws. */
export function executeVerifyAnswerCommand(a: string, b: string, io: Pick<CommandIo, 'out'>): number {
  const equal = answersEqual(a, b, createAnswerChecker());
  io.out(equal ? 'equivalent' : 'different');
  return equal ? VerifyAnswerExit.equivalent : VerifyAnswerExit.different;
}
