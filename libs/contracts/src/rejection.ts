import { z } from 'zod';
import { RunId } from './common.js';
import { ContaminationEvidence } from './data-quality.js';

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
  'contaminated',
]);
export type RejectionReason = z.infer<typeof RejectionReason>;

/**
 * How a duplicate was found: normalised text, MinHash over word shingles, MinHash over the text
 * with numbers and names masked, or embedding cosine.
 */
export const DuplicateMethod = z.enum(['exact', 'minhash', 'minhash_masked', 'embedding']);
export type DuplicateMethod = z.infer<typeof DuplicateMethod>;

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
    /** For near duplicates: the similarity with the twin (MinHash Jaccard estimate, or cosine for `embedding`). */
    similarity: z.number().optional(),
    /** For duplicates: which check found the twin. */
    method: DuplicateMethod.optional(),
    /** For `contaminated`: the benchmark item it overlaps. */
    contamination: ContaminationEvidence.optional(),
    /** For answer leaks: Magpie's sanitize class. */
    sanitizeClass: z.string().optional(),
    detail: z.string().max(500).optional(),
  }),
});
export type RejectedInstruction = z.infer<typeof RejectedInstruction>;
