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
  /**
   * Put unverified solutions and pairs into the training exports (messages, ShareGPT, DPO) too; by
   * default they hold verified records only. Specs stored before this option read false.
   */
  keepUnverified: z.boolean().default(false),
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

/** The `domain` of a run over several domains; its domains are in `domainMix`. */
export const MIXED_DOMAIN = 'mixed';

/**
 * One domain's part of a run over several domains: problem slots [firstSlot, firstSlot + count)
 * are this domain's, steered towards its subtopics (all of them when empty), generated at its
 * instruction temperature.
 */
export const DomainShare = z.object({
  domain: z.string().min(1).max(64),
  count: z.number().int().min(1),
  firstSlot: z.number().int().nonnegative(),
  subtopics: z.array(z.string().min(1).max(128)).max(64),
  instructionTemperature: z.number().min(0).max(5),
});
export type DomainShare = z.infer<typeof DomainShare>;

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
  /**
   * Runs naming the same dataset share one duplicate index (a problem twin of any earlier run's is
   * rejected); a run without one is deduplicated within itself only.
   */
  dataset: DatasetName.optional(),
  // Specs stored before these options existed read with the defaults.
  dedup: DedupOptions.default(DATA_QUALITY_DEFAULTS.dedup),
  decontamination: DecontaminationOptions.default(DATA_QUALITY_DEFAULTS.decontamination),
  tags: TagOptions.default(DATA_QUALITY_DEFAULTS.tags),
  /**
   * A run over several domains (`domain` is MIXED_DOMAIN, `subtopics` empty): the domains in slot
   * order, covering slots [0, count) without gap. Absent for a one-domain run.
   */
  domainMix: z.array(DomainShare).min(2).max(16).optional(),
}).superRefine((spec, ctx) => {
  if (!spec.domainMix) {
    if (spec.domain === MIXED_DOMAIN) ctx.addIssue({ code: 'custom', path: ['domain'], message: `"${MIXED_DOMAIN}" needs a domain mix` });
    return;
  }
  if (spec.domain !== MIXED_DOMAIN) ctx.addIssue({ code: 'custom', path: ['domain'], message: `must be "${MIXED_DOMAIN}" with a domain mix` });
  let next = 0;
  for (const [i, share] of spec.domainMix.entries()) {
    if (share.firstSlot !== next) ctx.addIssue({ code: 'custom', path: ['domainMix', i, 'firstSlot'], message: `must be ${next}` });
    next = share.firstSlot + share.count;
  }
  if (next !== spec.count) ctx.addIssue({ code: 'custom', path: ['count'], message: `must equal the domain mix's total ${next}` });
  if (new Set(spec.domainMix.map((s) => s.domain)).size !== spec.domainMix.length) {
    ctx.addIssue({ code: 'custom', path: ['domainMix'], message: 'must not repeat a domain' });
  }
});
export type RunSpec = z.infer<typeof RunSpec>;

/** The record kinds a run must store `count` of to succeed: tags only when the tags stage is on. */
export function expectedRecordKinds(spec: Pick<RunSpec, 'tags'>): RecordKind[] {
  return spec.tags.enabled ? ['problem', 'solution', 'samples', 'rewards', 'tags'] : ['problem', 'solution', 'samples', 'rewards'];
}

/** The domains a run covers: its mix's, or its one domain. */
export function runDomains(spec: Pick<RunSpec, 'domain' | 'domainMix'>): string[] {
  return spec.domainMix ? spec.domainMix.map((s) => s.domain) : [spec.domain];
}

/** The mix share a problem slot belongs to; undefined for a one-domain run. */
export function shareOfSlot(spec: Pick<RunSpec, 'domainMix'>, slot: number): DomainShare | undefined {
  return spec.domainMix?.find((s) => slot >= s.firstSlot && slot < s.firstSlot + s.count);
}

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
  ...DATA_QUALITY_DEFAULTS,
  /** Verified = a strict majority with at least 3 of 5 samples; no style pairs; a fixed number of samples. */
  quality: { verifyShare: 0.6, stylePairs: false, adaptiveSampling: null, keepUnverified: false } as QualityOptions,
  /** What `adaptive_sampling: true` means when the request sets no sizes: 3 samples, extended to 8. */
  adaptiveSampling: { initialSamples: 3, maxSamples: 8 },
} as const;
