import { createTranslator, type Translate } from '../i18n/translator.js';

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
  /** The message catalog of the chosen language (`--lang`, MAGPIE_LANG). */
  readonly t: Translate;
}

/** Whether an error is the reader of a pipe going away (`magpie models list | head`). */
function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

/**
 * A line writer for a standard stream that survives its reader leaving: once the pipe is closed
 * (EPIPE) further lines are dropped and the process exits quietly with code 0, as `yes | head`
 * does, instead of dying on an unhandled 'error' event.
 */
function lineWriter(stream: NodeJS.WriteStream, onClosed: () => void): (line: string) => void {
  let closed = false;
  stream.on('error', (error) => {
    if (!isBrokenPipe(error)) throw error;
    closed = true;
    onClosed();
  });
  return (line) => {
    if (closed) return;
    try {
      stream.write(`${line}\n`);
    } catch (error) {
      if (!isBrokenPipe(error)) throw error;
      closed = true;
      onClosed();
    }
  };
}

/** The real process: stdout, stderr and process signals. A closed stdout pipe ends the process quietly (exit code 0). */
export function processIo(): CommandIo {
  const quietExit = (): void => process.exit(0);
  return {
    out: lineWriter(process.stdout, quietExit),
    // Diagnostics have nowhere to go once stderr is closed; the command itself goes on.
    err: lineWriter(process.stderr, () => undefined),
    errStream: process.stderr,
    errIsTty: process.stderr.isTTY,
    input: process.stdin,
    onSignals: (signals, handler) => signals.forEach((s) => process.on(s, handler)),
    offSignals: (signals, handler) => signals.forEach((s) => process.off(s, handler)),
    exit: (code) => process.exit(code),
    t: createTranslator('en'),
  };
}
