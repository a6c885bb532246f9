import { ProtoMappingError } from './errors.js';
import type { Duration, Timestamp } from './generated/index.js';

/** google.protobuf.Timestamp for an ISO-8601 time. Throws ProtoMappingError for an unparsable time. */
export function timestampFromIso(iso: string): Timestamp {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new ProtoMappingError(`invalid time ${iso}`);
  return { seconds: String(Math.floor(ms / 1000)), nanos: (((ms % 1000) + 1000) % 1000) * 1_000_000 };
}

/** The ISO-8601 time of a google.protobuf.Timestamp (millisecond precision); undefined when unset. */
export function isoFromTimestamp(timestamp: Timestamp | null | undefined): string | undefined {
  if (!timestamp) return undefined;
  const ms = Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1_000_000);
  if (!Number.isFinite(ms)) throw new ProtoMappingError(`invalid timestamp ${timestamp.seconds}s`);
  return new Date(ms).toISOString();
}

/** google.protobuf.Duration of a number of milliseconds (rounded to whole milliseconds). */
export function durationFromMs(ms: number): Duration {
  const whole = Math.max(0, Math.round(ms));
  return { seconds: String(Math.floor(whole / 1000)), nanos: (whole % 1000) * 1_000_000 };
}

/** Milliseconds of a google.protobuf.Duration; undefined when unset. */
export function msFromDuration(duration: Duration | null | undefined): number | undefined {
  return duration ? Number(duration.seconds) * 1000 + Math.round(duration.nanos / 1_000_000) : undefined;
}
