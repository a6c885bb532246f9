import { z } from 'zod';
import { RunId } from './common.js';
import { ContaminationEvidence } from './data-quality.js';
import { TagFilterReason } from './records.js';

/**
 * Findings about a record that is kept: contamination in `flag` mode, and the tags recipe's
 * verdicts. Counted per subject (`flags.v1.<runId>.<flag>`), like rejections.
 */
export const FlagReason = z.enum(['contaminated', ...TagFilterReason.options]);
export type FlagReason = z.infer<typeof FlagReason>;

/** One flag on one record, with its evidence. */
export const FlaggedRecord = z.object({
  schemaVersion: z.literal(1),
  runId: RunId,
  /** The flagged record (a problem's record id). */
  recordId: z.string().min(1).max(160),
  flag: FlagReason,
  evidence: z.object({
    contamination: ContaminationEvidence.optional(),
    detail: z.string().max(500).optional(),
  }),
});
export type FlaggedRecord = z.infer<typeof FlaggedRecord>;
