import { z } from 'zod';
import { IsoTime, Stage } from './common.js';

/**
 * The platform's memory-backed KV buckets: state that must keep working while the file store is
 * full, and may be lost with a NATS restart at no cost (a restart only forgets failure counts and
 * pause notes, which are rebuilt as work goes on).
 */
export const PlatformBuckets = {
  /**
   * Handler failures per delivered message, so that only real failures count towards
   * MAX_FAILURES: a redelivery after a crash or a shutdown adds a delivery, never a failure.
   * Key: `<durable>.<stream>.<streamSequence>`, value: the count as a decimal string.
   */
  failures: 'msg_failures',
  /** Why the platform is paused, for GetRun; key `store-full`, value a PauseNote. */
  notes: 'platform_notes',
} as const;

export const PlatformKeys = {
  failures: (durable: string, stream: string, streamSequence: number) => `${durable}.${stream}.${streamSequence}`,
  storeFull: 'store-full',
} as const;

/** Written by a stage that cannot store its output because the NATS store is full; cleared when it can again. */
export const PauseNote = z.object({
  schemaVersion: z.literal(1),
  /** The stage that wrote it (the first to notice; others may be paused too). */
  stage: Stage,
  /** One line for people: what happened and what happens next. */
  message: z.string().max(1024),
  since: IsoTime,
  /** Refreshed while the pause lasts; a note not refreshed for a while is stale and ignored. */
  updatedAt: IsoTime,
});
export type PauseNote = z.infer<typeof PauseNote>;
