import { decontaminationModeMapping, difficultyMapping, inputQualityMapping, type DataQualityOptionsInput } from '@magpie/api';
import type { DecontaminationMode, DifficultyLevel, QualityLevel } from '@magpie/contracts';

/** Cross-run dedup, decontamination and tags options a user asked for; anything left out is the gateway's default. */
export interface DataQualityOverrides {
  readonly dataset?: string;
  readonly maskValues?: boolean;
  readonly embeddingModel?: string;
  readonly embeddingThreshold?: number;
  readonly decontamination?: DecontaminationMode;
  readonly decontaminationNgram?: number;
  readonly tags?: boolean;
  readonly taggerModel?: string;
  /** null: no minimum. */
  readonly minQuality?: QualityLevel | null;
  /** null: no minimum. */
  readonly minDifficulty?: DifficultyLevel | null;
  readonly minReward?: number;
}

/** StartRun's `data_quality` for the overrides, or null when there are none. */
export function toDataQualityOptions(overrides: DataQualityOverrides | undefined): DataQualityOptionsInput | null {
  if (!overrides || Object.keys(overrides).length === 0) return null;
  const o = overrides;
  return {
    ...(o.dataset === undefined ? {} : { dataset: o.dataset }),
    ...(o.maskValues === undefined ? {} : { mask_values: o.maskValues }),
    ...(o.embeddingModel === undefined ? {} : { embedding_model: o.embeddingModel }),
    ...(o.embeddingThreshold === undefined ? {} : { embedding_threshold: o.embeddingThreshold }),
    ...(o.decontamination === undefined ? {} : { decontamination: decontaminationModeMapping.toProto(o.decontamination) }),
    ...(o.decontaminationNgram === undefined ? {} : { decontamination_ngram: o.decontaminationNgram }),
    ...(o.tags === undefined ? {} : { tags: o.tags }),
    ...(o.taggerModel === undefined ? {} : { tagger_model: o.taggerModel }),
    ...(o.minQuality === undefined ? {} : { min_quality: o.minQuality === null ? 'INPUT_QUALITY_ANY' : inputQualityMapping.toProto(o.minQuality) }),
    ...(o.minDifficulty === undefined ? {} : { min_difficulty: o.minDifficulty === null ? 'DIFFICULTY_ANY' : difficultyMapping.toProto(o.minDifficulty) }),
    ...(o.minReward === undefined ? {} : { min_reward: o.minReward }),
  };
}
