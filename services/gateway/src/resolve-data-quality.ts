import { decontaminationModeFromProto, minDifficultyFromProto, minQualityFromProto, type DataQualityOptions } from '@magpie/api';
import type { Catalog } from '@magpie/catalog';
import { RUN_SPEC_DEFAULTS, type RunSpec } from '@magpie/contracts';
import { InvalidArgumentError } from './errors.js';

/** How much of a name a message echoes back. */
const ECHO = 256;

/** An enum field's value: undefined for UNSPECIFIED (the default); an unknown value is INVALID_ARGUMENT. */
function enumField<T>(field: string, value: string | number | null | undefined, parse: (name: string) => T | undefined): T | undefined {
  if (value === undefined || value === null || value === '' || (typeof value === 'string' && value.endsWith('_UNSPECIFIED'))) return undefined;
  const parsed = typeof value === 'string' ? parse(value) : undefined;
  if (parsed === undefined) throw new InvalidArgumentError(field, `unknown value ${String(value).slice(0, ECHO)}`);
  return parsed;
}

/**
 * The run's dataset, dedup, decontamination and tags settings from StartRun's `data_quality`,
 * each unset field taking its default (RUN_SPEC_DEFAULTS); bounds are RunSpec's to check. Throws
 * InvalidArgumentError for an unknown tagging model.
 */
export function resolveDataQuality(options: DataQualityOptions | null, catalog: Catalog): Pick<RunSpec, 'dedup' | 'decontamination' | 'tags'> & { dataset?: string } {
  const d = RUN_SPEC_DEFAULTS;
  const taggerModel = options?.tagger_model || d.tags.model;
  if (!catalog.models.has(taggerModel)) {
    throw new InvalidArgumentError('data_quality.tagger_model', `unknown model "${taggerModel.slice(0, ECHO)}"; known models: ${catalog.models.ids.join(', ')}`);
  }
  const mode = enumField('data_quality.decontamination', options?.decontamination, decontaminationModeFromProto);
  const minQuality = enumField('data_quality.min_quality', options?.min_quality, minQualityFromProto);
  const minDifficulty = enumField('data_quality.min_difficulty', options?.min_difficulty, minDifficultyFromProto);
  return {
    ...(options?.dataset ? { dataset: options.dataset } : {}),
    dedup: {
      maskValues: options?.mask_values ?? d.dedup.maskValues,
      embeddingModel: options?.embedding_model || d.dedup.embeddingModel,
      embeddingThreshold: options?.embedding_threshold ?? d.dedup.embeddingThreshold,
    },
    decontamination: {
      mode: mode ?? d.decontamination.mode,
      ngram: options?.decontamination_ngram ?? d.decontamination.ngram,
    },
    tags: {
      enabled: options?.tags ?? d.tags.enabled,
      model: taggerModel,
      minQuality: minQuality === undefined ? d.tags.minQuality : minQuality,
      minDifficulty: minDifficulty === undefined ? d.tags.minDifficulty : minDifficulty,
      minReward: options?.min_reward ?? d.tags.minReward,
    },
  };
}
