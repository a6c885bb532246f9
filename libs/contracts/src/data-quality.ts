import { DIFFICULTY_LEVELS, QUALITY_LEVELS } from '@magpie/unitag';
import { z } from 'zod';

/**
 * A dataset name: runs that name the same dataset share one duplicate index, so a problem is
 * rejected when any earlier run of the dataset already produced its twin. One NATS/KV token.
 */
export const DatasetName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, "-" and "_"');
export type DatasetName = z.infer<typeof DatasetName>;

/** How the generator looks for near duplicates besides the exact (normalised text) check. */
export const DedupOptions = z.object({
  /**
   * Replace numbers and person names by placeholders before MinHash, so problems that differ only
   * in their values ("3 apples" / "4 apples") are near duplicates.
   */
  maskValues: z.boolean(),
  /**
   * An embedding model served on the generator's embedding backend (`/v1/embeddings`, e.g. vLLM
   * with `--task embed`); null turns embedding dedup off.
   */
  embeddingModel: z.string().min(1).max(256).nullable(),
  /** Cosine similarity at or above which two problems are near duplicates (Magpie's gen_dis.py: 0.975). */
  embeddingThreshold: z.number().gt(0).max(1),
});
export type DedupOptions = z.infer<typeof DedupOptions>;

/** What happens to a problem that shares an n-gram with a benchmark item. */
export const DecontaminationMode = z.enum(['off', 'flag', 'remove']);
export type DecontaminationMode = z.infer<typeof DecontaminationMode>;

export const DecontaminationOptions = z.object({
  /** `flag`: keep the problem with its evidence; `remove`: reject it (`contaminated`) and refill the slot. */
  mode: DecontaminationMode,
  /** Words per n-gram (13 as in GPT-3's and Tulu's decontamination). */
  ngram: z.number().int().min(3).max(50),
});
export type DecontaminationOptions = z.infer<typeof DecontaminationOptions>;

export const DifficultyLevel = z.enum(DIFFICULTY_LEVELS);
export type DifficultyLevel = z.infer<typeof DifficultyLevel>;
export const QualityLevel = z.enum(QUALITY_LEVELS);
export type QualityLevel = z.infer<typeof QualityLevel>;

/** The tags stage: Magpie's unitag missions on every problem, and the recipe filters over them. */
export const TagOptions = z.object({
  /** Off by default; when on, a run succeeds only once every problem is tagged. */
  enabled: z.boolean(),
  /** The tagging model (a configs/models.json id; Magpie's unitag default is Llama 3 8B Instruct). */
  model: z.string().min(1).max(256),
  /** Training exports keep problems whose input quality is at least this; null keeps all. */
  minQuality: QualityLevel.nullable(),
  /** Training exports keep problems whose difficulty is at least this; null keeps all. */
  minDifficulty: DifficultyLevel.nullable(),
  /** DPO exports keep pairs whose chosen reward is at least this (the reward model's scale); null keeps all. */
  minReward: z.number().nullable(),
});
export type TagOptions = z.infer<typeof TagOptions>;

/** Defaults of the data-quality options (RUN_SPEC_DEFAULTS carries them). */
export const DATA_QUALITY_DEFAULTS = {
  dedup: { maskValues: false, embeddingModel: null, embeddingThreshold: 0.975 } as DedupOptions,
  decontamination: { mode: 'off', ngram: 13 } as DecontaminationOptions,
  tags: { enabled: false, model: 'meta-llama/Meta-Llama-3-8B-Instruct', minQuality: 'good', minDifficulty: 'medium', minReward: null } as TagOptions,
} as const;

/** The benchmark item a contaminated problem overlaps, as evidence. */
export const ContaminationEvidence = z.object({
  /** The benchmark file's name in the decontamination directory. */
  file: z.string().max(256),
  /** 1-based line of the item in that file. */
  line: z.number().int().positive(),
  /** The item's own id field, when it has one. */
  itemId: z.string().max(256).nullable(),
  /** The first shared n-gram, as normalised words. */
  ngram: z.string().max(1_000),
  /** Words per n-gram used for the check. */
  n: z.number().int().positive(),
});
export type ContaminationEvidence = z.infer<typeof ContaminationEvidence>;

/** The index of a level in its scale, for "at least" comparisons. */
export function levelRank<L extends string>(levels: readonly L[], level: L): number {
  return levels.indexOf(level);
}
