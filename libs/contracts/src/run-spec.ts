import { z } from 'zod';
import { DATA_QUALITY_DEFAULTS, DatasetName, DecontaminationOptions, DedupOptions, TagOptions } from './data-quality.js';
import type { RecordKind } from './records.js';

/** Sampling settings for one stage; every field is explicit once a run is accepted. */
export const SamplingSettings = z.object({
  temperature: z.number().min(0).max(5),
  topP: z.number().gt(0).max(1),
  maxTokens: z.number().int().min(1).max(262_144),
});
export type SamplingSettings = z.infer<typeof SamplingSettings>;

/** One stage's backend model plus its sampling settings. */
export const StageSettings = z.object({
  model: z.string().min(1).max(256),
  sampling: SamplingSettings,
});
export type StageSettings = z.infer<typeof StageSettings>;

/** How the reward stage picks the preference pair. */
export const PairRule = z.enum(['magpie', 'majority']);
export type PairRule = z.infer<typeof PairRule>;

/** Instruction filters the generator applies before a problem is accepted. */
export const GenerationFilters = z.object({
  /** Shorter instructions (characters, after stripping) are rejected as `too_short`. */
  minChars: z.number().int().min(1).max(100_000),
  /** Longer instructions are rejected as `too_long`. */
  maxChars: z.number().int().min(1).max(100_000),
  /** Jaccard similarity (MinHash estimate over word shingles) at or above which a problem is a near duplicate; 1 keeps only exact-duplicate detection. */
  nearDuplicateThreshold: z.number().gt(0).max(1),
  /** Magpie's sanitize cascade: cut leaked answers/solutions and reject what cannot be cut. */
  sanitize: z.boolean(),
  /** Reject instructions that do not look like a math problem. */
  requireMath: z.boolean(),
}).refine((f) => f.minChars <= f.maxChars, { path: ['minChars'], message: 'must not exceed filters.max_chars' });
export type GenerationFilters = z.infer<typeof GenerationFilters>;

/**
 * The fully resolved specification of a domain run. The gateway fills every default before the
 * spec is stored, so stage services never apply defaults of their own.
 */
export const RunSpec = z.object({
  domain: z.string().min(1).max(64),
  /** Subtopics to steer towards; empty means all of the domain's subtopics, round-robin. */
  subtopics: z.array(z.string().min(1).max(128)).max(64),
  count: z.number().int().min(1),
  generator: StageSettings,
  solver: StageSettings,
  sampler: StageSettings.extend({ samplesPerProblem: z.number().int().min(2).max(16) }),
  reward: z.object({
    model: z.string().min(1).max(256),
    pairRule: PairRule,
    /** Pairs whose chosen-minus-rejected reward is below this are skipped, with the reason recorded. */
    minRewardMargin: z.number().min(0),
  }),
  filters: GenerationFilters,
  /** Base seed; per-request seeds are derived from it so a rerun reproduces the same run. */
  seed: z.number().int().nonnegative().max(2 ** 31 - 1),
  /**
   * Runs naming the same dataset share one duplicate index (a problem twin of any earlier run's is
   * rejected); a run without one is deduplicated within itself only.
   */
  dataset: DatasetName.optional(),
  // Specs stored before these options existed read with the defaults.
  dedup: DedupOptions.default(DATA_QUALITY_DEFAULTS.dedup),
  decontamination: DecontaminationOptions.default(DATA_QUALITY_DEFAULTS.decontamination),
  tags: TagOptions.default(DATA_QUALITY_DEFAULTS.tags),
});
export type RunSpec = z.infer<typeof RunSpec>;

/** The record kinds a run must store `count` of to succeed: tags only when the tags stage is on. */
export function expectedRecordKinds(spec: Pick<RunSpec, 'tags'>): RecordKind[] {
  return spec.tags.enabled ? ['problem', 'solution', 'samples', 'rewards', 'tags'] : ['problem', 'solution', 'samples', 'rewards'];
}

/**
 * What a run gets for every setting its request leaves out, besides what the catalog supplies
 * (models and their sampling defaults, the domain's instruction temperature).
 */
export const RUN_SPEC_DEFAULTS = {
  subtopics: [] as readonly string[],
  samplesPerProblem: 5,
  pairRule: 'majority' as PairRule,
  minRewardMargin: 0,
  /** Magpie keeps every non-empty instruction; these drop what no one wants to train on. */
  filters: { minChars: 10, maxChars: 4_000, nearDuplicateThreshold: 0.85, sanitize: false, requireMath: true } as GenerationFilters,
  ...DATA_QUALITY_DEFAULTS,
} as const;
