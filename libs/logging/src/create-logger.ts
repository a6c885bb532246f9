import { pino, type Logger, type DestinationStream } from 'pino';

export type { DestinationStream, Logger } from 'pino';

export interface LoggerOptions {
  /** The service or tool name, logged as `service` on every line. */
  readonly name: string;
  readonly level: string;
  /** Where lines go; stdout when omitted. */
  readonly destination?: DestinationStream;
}

/** Field paths whose values are replaced by "[redacted]" wherever they appear. */
export const REDACTED_PATHS = [
  'apiKey',
  'token',
  'password',
  'pass',
  'authorization',
  '*.apiKey',
  '*.token',
  '*.password',
  '*.pass',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

/** Builds the process's root logger; build one in main.ts and pass children down. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.name },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/** Normalises anything thrown into an Error, keeping the original as `cause`. */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  return new Error(typeof value === 'string' ? value : JSON.stringify(value), { cause: value });
}

/** A URL fit for logs: any user name and password in it are replaced by "[redacted]". */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = 'redacted';
      parsed.password = '';
    }
    return parsed.href;
  } catch {
    return '[unparseable url]';
  }
}
