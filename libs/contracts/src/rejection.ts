import { z } from 'zod';
import { RunId } from './common.js';

/** Every reason the generator drops an instruction; the run's stats count each. */
export const RejectionReason = z.enum([
  'empty',
  'too_short',
  'too_long',
  'truncated',
  'ends_with_colon',
  'answer_leak',
  'not_math',
  'exact_duplicate',
  'near_duplicate',
]);
export type RejectionReason = z.infer<typeof RejectionReason>;

/** One dropped instruction with the evidence for dropping it, kept for audit. */
export const RejectedInstruction = z.object({
  schemaVersion: z.literal(1),
  runId: RunId,
  taskIndex: z.number().int().nonnegative(),
  attempt: z.number().int().nonnegative(),
  choiceIndex: z.number().int().nonnegative(),
  reason: RejectionReason,
  /** The instruction as generated (truncated to 4,000 characters). */
  instruction: z.string().max(4_000),
  evidence: z.object({
    /** For duplicates: the record id of the earlier problem it repeats. */
    twinRecordId: z.string().optional(),
    /** For near duplicates: the estimated Jaccard similarity with the twin. */
    similarity: z.number().optional(),
    /** For answer leaks: Magpie's sanitize class. */
    sanitizeClass: z.string().optional(),
    detail: z.string().max(500).optional(),
  }),
});
export type RejectedInstruction = z.infer<typeof RejectedInstruction>;
