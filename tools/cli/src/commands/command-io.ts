/**
 * The process surface commands use, passed in from main.ts so commands never reach for globals
 * and tests can supply their own.
 */
export interface CommandIo {
  /** Writes a line to stdout. */
  readonly out: (line: string) => void;
  /** Writes a line to stderr. */
  readonly err: (line: string) => void;
  readonly errStream: NodeJS.WritableStream;
  readonly errIsTty: boolean;
  /** Lines typed or piped in, for `magpie menu`; absent where a command must not prompt. */
  readonly input?: NodeJS.ReadableStream;
  readonly onSignals: (signals: readonly NodeJS.Signals[], handler: () => void) => void;
  readonly offSignals: (signals: readonly NodeJS.Signals[], handler: () => void) => void;
  /** Exits the process at once. */
  readonly exit: (code: number) => never;
}

/** The real process: stdout, stderr and process signals. */
export function processIo(): CommandIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    errStream: process.stderr,
    errIsTty: process.stderr.isTTY,
    input: process.stdin,
    onSignals: (signals, handler) => signals.forEach((s) => process.on(s, handler)),
    offSignals: (signals, handler) => signals.forEach((s) => process.off(s, handler)),
    exit: (code) => process.exit(code),
  };
}
