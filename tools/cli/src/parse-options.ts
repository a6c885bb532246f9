import { InvalidArgumentError } from 'commander';

// Commander argument parsers: each throws InvalidArgumentError, which commander reports as
// "error: option '--x <n>' argument 'y' is invalid. <message>" and exits 1.

function integer(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('Not a whole number.');
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new InvalidArgumentError('Too large.');
  return parsed;
}

/** A whole number ≥ 1. */
export function parsePositiveInt(value: string): number {
  const parsed = integer(value);
  if (parsed < 1) throw new InvalidArgumentError('Must be at least 1.');
  return parsed;
}

/** A whole number ≥ 0. */
export function parseNonNegativeInt(value: string): number {
  return integer(value);
}

/** A TCP port, 1-65535. */
export function parsePort(value: string): number {
  const parsed = integer(value);
  if (parsed < 1 || parsed > 65_535) throw new InvalidArgumentError('Must be a port number (1-65535).');
  return parsed;
}

/** A comma-separated list; blanks are dropped, so "" is the empty list. */
export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** `host:port`, where host may be a name, an IPv4 address or a bracketed IPv6 address. */
export function parseAddress(value: string): string {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d+)$/.exec(value.trim());
  if (!match?.[2]) throw new InvalidArgumentError('Expected host:port, e.g. 127.0.0.1:50051.');
  parsePort(match[2]);
  return value.trim();
}

function finite(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new InvalidArgumentError('Not a number.');
  return parsed;
}

/** A number ≥ 0, e.g. a reward margin. */
export function parseNonNegativeNumber(value: string): number {
  const parsed = finite(value);
  if (parsed < 0) throw new InvalidArgumentError('Must be at least 0.');
  return parsed;
}

/** A number in (0, 1]: top_p, or a similarity threshold. */
export function parseUnitInterval(value: string): number {
  const parsed = finite(value);
  if (!(parsed > 0 && parsed <= 1)) throw new InvalidArgumentError('Must be greater than 0 and at most 1.');
  return parsed;
}

/** A sampling temperature, 0-5 (the gateway's bounds). */
export function parseTemperature(value: string): number {
  const parsed = finite(value);
  if (parsed < 0 || parsed > 5) throw new InvalidArgumentError('Must be between 0 and 5.');
  return parsed;
}
