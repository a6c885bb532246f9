import { z } from 'zod';

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

/**
 * How the reward stage picks the preference pair. `correctness` (the default): chosen is the
 * highest-reward sample whose answer is the problem's strict majority, rejected the lowest-reward
 * complete sample whose answer differs; `magpie`: Magpie's first max / first min of the rewards.
 */
export const PairRule = z.enum(['correctness', 'magpie']);
export type PairRule = z.infer<typeof PairRule>;

/** Adaptive sampling: draw `initialSamples`; when their answers do not all agree, draw up to `maxSamples` in one more request. */
export const AdaptiveSampling = z
  .object({
    initialSamples: z.number().int().min(2).max(16),
    maxSamples: z.number().int().min(3).max(16),
  })
  .refine((a) => a.initialSamples < a.maxSamples, { path: ['initialSamples'], message: 'must be below quality.adaptive_max_samples' });
export type AdaptiveSampling = z.infer<typeof AdaptiveSampling>;

/** The data-quality options of a run: what is verified, which pairs are kept, how many samples are drawn. */
export const QualityOptions = z.object({
  /** Share of a problem's samples that must agree with the SFT answer (in a strict majority) for `verified`; 0.6 = 3 of 5. */
  verifyShare: z.number().gt(0).max(1),
  /** Correctness rule only: keep a pair when every sample agrees (both sides correct), marked as a style pair. */
  stylePairs: z.boolean(),
  /** Null: always `sampler.samplesPerProblem` samples. */
  adaptiveSampling: AdaptiveSampling.nullable(),
});
export type QualityOptions = z.infer<typeof QualityOptions>;

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
  quality: QualityOptions,
  /**
   * Base seed. Every request seed is derived from it, the spec fields that shape the stage's
   * requests (seedScope) and the slot, never from the run id, so a new run with the same seed and
   * spec asks for the same problems, solutions and samples.
   */
  seed: z.number().int().nonnegative().max(2 ** 31 - 1),
});
export type RunSpec = z.infer<typeof RunSpec>;

/**
 * What a run gets for every setting its request leaves out, besides what the catalog supplies
 * (models and their sampling defaults, the domain's instruction temperature).
 */
export const RUN_SPEC_DEFAULTS = {
  subtopics: [] as readonly string[],
  samplesPerProblem: 5,
  pairRule: 'correctness' as PairRule,
  minRewardMargin: 0,
  /** Magpie keeps every non-empty instruction; these drop what no one wants to train on. */
  filters: { minChars: 10, maxChars: 4_000, nearDuplicateThreshold: 0.85, sanitize: false, requireMath: true } as GenerationFilters,
  /** Verified = a strict majority with at least 3 of 5 samples; no style pairs; a fixed number of samples. */
  quality: { verifyShare: 0.6, stylePairs: false, adaptiveSampling: null } as QualityOptions,
  /** What `adaptive_sampling: true` means when the request sets no sizes: 3 samples, extended to 8. */
  adaptiveSampling: { initialSamples: 3, maxSamples: 8 },
} as const;
