import { z } from 'zod';
import type { RecordKind } from './records.js';
import { FlagReason } from './flags.js';
import { QualitySummary, emptyQualitySummary } from './quality-summary.js';
import { RejectionReason } from './rejection.js';

/** Records stored per kind for one run. */
export const RecordCounts = z.object({
  problem: z.number().int().nonnegative(),
  solution: z.number().int().nonnegative(),
  samples: z.number().int().nonnegative(),
  rewards: z.number().int().nonnegative(),
  /** Tags records; counts written before the tags stage existed read as 0. */
  tags: z.number().int().nonnegative().default(0),
}) satisfies z.ZodType<Record<RecordKind, number>>;
export type RecordCounts = z.infer<typeof RecordCounts>;

/**
 * The one count model of a run: records per kind, dead letters and dropped instructions by reason.
 * Read from the record log (the streams' per-subject state), never kept by hand; GetRun carries
 * it, and the CLI and dataset_info.json report it.
 */
export const RunCounts = z.object({
  records: RecordCounts,
  /** Messages the stages gave up on (the DLQ), all stages together. */
  deadLettered: z.number().int().nonnegative(),
  /** Instructions the generator dropped, by reason; a reason with none is absent. */
  rejections: z.partialRecord(RejectionReason, z.number().int().positive()),
  /** Kept records with a finding (contamination in flag mode, the tags recipe), by flag; a flag with none is absent. */
  flags: z.partialRecord(FlagReason, z.number().int().positive()).default({}),
  /** The data-quality summary: agreement, verified SFT, pairs kept and skipped, adaptive sampling, duplicates, contamination. */
  quality: QualitySummary,
});
export type RunCounts = z.infer<typeof RunCounts>;

/** The counts of a run that has stored nothing yet. */
export function emptyRunCounts(): RunCounts {
  return { records: { problem: 0, solution: 0, samples: 0, rewards: 0, tags: 0 }, deadLettered: 0, rejections: {}, flags: {}, quality: emptyQualitySummary() };
}
