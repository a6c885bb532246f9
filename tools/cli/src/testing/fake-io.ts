import { PassThrough, Readable } from 'node:stream';
import type { CommandIo } from '../commands/command-io.js';
import { createTranslator, type Language } from '../i18n/translator.js';

/** Test-only CommandIo: records stdout and stderr lines, never exits, optional input lines. */
export interface FakeIo extends CommandIo {
  readonly outLines: string[];
  readonly errLines: string[];
}

export function fakeIo(input?: string, lang: Language = 'en'): FakeIo {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    outLines,
    errLines,
    out: (line) => outLines.push(line),
    err: (line) => errLines.push(line),
    errStream: new PassThrough(),
    errIsTty: false,
    ...(input === undefined ? {} : { input: Readable.from([input]) }),
    onSignals: () => undefined,
    offSignals: () => undefined,
    exit: (code) => {
      throw new Error(`exit ${code}`);
    },
    t: createTranslator(lang),
  };
}
