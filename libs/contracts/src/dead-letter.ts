import { z } from 'zod';
import { IsoTime } from './common.js';

/** What the DLQ stream keeps for a message a stage gave up on: enough to replay or explain it. */
export const DeadLetter = z.object({
  schemaVersion: z.literal(1),
  stage: z.string(),
  consumer: z.string(),
  originalSubject: z.string(),
  originalStreamSequence: z.number().int().nonnegative(),
  /** The original payload as received (UTF-8, possibly invalid JSON). */
  payload: z.string(),
  error: z.string().max(4096),
  deliveryCount: z.number().int().nonnegative(),
  deadLetteredAt: IsoTime,
});
export type DeadLetter = z.infer<typeof DeadLetter>;
