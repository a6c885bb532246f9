// Original file: proto/magpie/v1/magpie.proto

import type { DecontaminationModeInput as _magpie_v1_DecontaminationModeInput, DecontaminationMode as _magpie_v1_DecontaminationMode } from '../../magpie/v1/DecontaminationMode.js';
import type { InputQualityInput as _magpie_v1_InputQualityInput, InputQuality as _magpie_v1_InputQuality } from '../../magpie/v1/InputQuality.js';
import type { DifficultyInput as _magpie_v1_DifficultyInput, Difficulty as _magpie_v1_Difficulty } from '../../magpie/v1/Difficulty.js';

/**
 * The run's dedup, decontamination and tags settings after defaults.
 */
export interface ResolvedDataQualityInput {
  /**
   * Empty: the run is deduplicated within itself only.
   */
  'dataset'?: (string);
  /**
   * Whether numbers and person names are masked before MinHash.
   */
  'mask_values'?: (boolean);
  /**
   * Empty: no embedding dedup.
   */
  'embedding_model'?: (string);
  /**
   * Cosine at or above which two problems are near duplicates.
   */
  'embedding_threshold'?: (number | string);
  /**
   * What happens to contaminated problems.
   */
  'decontamination'?: (_magpie_v1_DecontaminationModeInput);
  /**
   * Words per n-gram for decontamination.
   */
  'decontamination_ngram'?: (number);
  /**
   * Whether the tags stage runs.
   */
  'tags'?: (boolean);
  /**
   * The tagging model.
   */
  'tagger_model'?: (string);
  /**
   * INPUT_QUALITY_ANY when there is no minimum.
   */
  'min_quality'?: (_magpie_v1_InputQualityInput);
  /**
   * DIFFICULTY_ANY when there is no minimum.
   */
  'min_difficulty'?: (_magpie_v1_DifficultyInput);
  /**
   * Unset: no minimum.
   */
  'min_reward'?: (number | string);
  '_min_reward'?: "min_reward";
}

/**
 * The run's dedup, decontamination and tags settings after defaults.
 */
export interface ResolvedDataQuality {
  /**
   * Empty: the run is deduplicated within itself only.
   */
  'dataset': (string);
  /**
   * Whether numbers and person names are masked before MinHash.
   */
  'mask_values': (boolean);
  /**
   * Empty: no embedding dedup.
   */
  'embedding_model': (string);
  /**
   * Cosine at or above which two problems are near duplicates.
   */
  'embedding_threshold': (number);
  /**
   * What happens to contaminated problems.
   */
  'decontamination': (_magpie_v1_DecontaminationMode);
  /**
   * Words per n-gram for decontamination.
   */
  'decontamination_ngram': (number);
  /**
   * Whether the tags stage runs.
   */
  'tags': (boolean);
  /**
   * The tagging model.
   */
  'tagger_model': (string);
  /**
   * INPUT_QUALITY_ANY when there is no minimum.
   */
  'min_quality': (_magpie_v1_InputQuality);
  /**
   * DIFFICULTY_ANY when there is no minimum.
   */
  'min_difficulty': (_magpie_v1_Difficulty);
  /**
   * Unset: no minimum.
   */
  'min_reward'?: (number);
  '_min_reward'?: "min_reward";
}
