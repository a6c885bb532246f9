import { z } from 'zod';
import { AgreementLevel, PairKind, PairSkipReason, SftOutcome } from './quality-evidence.js';

const Count = z.number().int().nonnegative();

/** Outcomes of adaptive sampling: the first samples agreed (`stopped`) or more were drawn (`extended`). */
export const SamplingOutcome = z.enum(['stopped', 'extended']);
export type SamplingOutcome = z.infer<typeof SamplingOutcome>;

/** Token sums kept per run: completion tokens adaptive sampling saved, prompt tokens its extensions cost. */
export const TokenTally = z.enum(['saved', 'extension_prompt']);
export type TokenTally = z.infer<typeof TokenTally>;

/** Problems the generator flagged (kept, marked) or removed as contaminated by a benchmark. */
export const ContaminationOutcome = z.enum(['flagged', 'removed']);
export type ContaminationOutcome = z.infer<typeof ContaminationOutcome>;

/**
 * One counter of a run's quality summary. Each is a subject of the QUALITY counter stream; a
 * problem adds to each facet once (its increment carries a per-slot message id), so a redelivered
 * message never counts twice. `tokens` adds token counts, every other facet adds 1.
 */
export type QualityCounter =
  | { readonly facet: 'agreement'; readonly value: AgreementLevel }
  | { readonly facet: 'sft'; readonly value: SftOutcome }
  | { readonly facet: 'pair_kept'; readonly value: PairKind }
  | { readonly facet: 'pair_skipped'; readonly value: PairSkipReason }
  | { readonly facet: 'sampling'; readonly value: SamplingOutcome }
  | { readonly facet: 'tokens'; readonly value: TokenTally }
  | { readonly facet: 'contamination'; readonly value: ContaminationOutcome };
export type QualityFacet = QualityCounter['facet'];

/** Every counter value per facet: the one list the summary is read by. */
export const QUALITY_FACETS = {
  agreement: AgreementLevel.options,
  sft: SftOutcome.options,
  pair_kept: PairKind.options,
  pair_skipped: PairSkipReason.options,
  sampling: SamplingOutcome.options,
  tokens: TokenTally.options,
  contamination: ContaminationOutcome.options,
} as const satisfies { readonly [F in QualityFacet]: readonly Extract<QualityCounter, { facet: F }>['value'][] };

/**
 * A run's data-quality summary, read from the QUALITY counters and the generator's rejections
 * (never kept by hand). GetRun carries it, and the CLI and dataset_info.json report it.
 */
export const QualitySummary = z.object({
  /** Evaluated problems by how their answers agree (samples and SFT solution). */
  agreement: z.record(AgreementLevel, Count),
  sft: z.object({
    verified: Count,
    unverified: Count,
    /** verified / (verified + unverified); null before any problem was evaluated. */
    verifiedShare: z.number().min(0).max(1).nullable(),
    /** Unverified solutions by why; a reason with none is absent. */
    unverifiedByOutcome: z.partialRecord(SftOutcome.exclude(['verified']), z.number().int().positive()),
  }),
  pairs: z.object({
    kept: Count,
    keptByKind: z.partialRecord(PairKind, z.number().int().positive()),
    skipped: Count,
    skippedByReason: z.partialRecord(PairSkipReason, z.number().int().positive()),
  }),
  adaptiveSampling: z.object({
    /** Problems whose first samples all agreed. */
    stoppedEarly: Count,
    /** Problems that drew the rest of their samples. */
    extended: Count,
    /** Estimated completion tokens not spent (see AdaptiveSamplingInfo). */
    completionTokensSaved: Count,
    /** Prompt tokens the extension requests cost (cached prefixes). */
    extensionPromptTokens: Count,
  }),
  /** Instructions the generator dropped as duplicates (its rejection counts). */
  duplicates: z.object({ exact: Count, near: Count }),
  contamination: z.object({ flagged: Count, removed: Count }),
});
export type QualitySummary = z.infer<typeof QualitySummary>;

/** The summary of a run that has evaluated nothing yet. */
export function emptyQualitySummary(): QualitySummary {
  return {
    agreement: { unanimous: 0, strict: 0, plurality: 0, tie: 0, no_answer: 0 },
    sft: { verified: 0, unverified: 0, verifiedShare: null, unverifiedByOutcome: {} },
    pairs: { kept: 0, keptByKind: {}, skipped: 0, skippedByReason: {} },
    adaptiveSampling: { stoppedEarly: 0, extended: 0, completionTokensSaved: 0, extensionPromptTokens: 0 },
    duplicates: { exact: 0, near: 0 },
    contamination: { flagged: 0, removed: 0 },
  };
}
