// Original file: proto/magpie/v1/magpie.proto

import type { DecontaminationModeInput as _magpie_v1_DecontaminationModeInput, DecontaminationMode as _magpie_v1_DecontaminationMode } from '../../magpie/v1/DecontaminationMode.js';
import type { InputQualityInput as _magpie_v1_InputQualityInput, InputQuality as _magpie_v1_InputQuality } from '../../magpie/v1/InputQuality.js';
import type { DifficultyInput as _magpie_v1_DifficultyInput, Difficulty as _magpie_v1_Difficulty } from '../../magpie/v1/Difficulty.js';

/**
 * StartRun's dedup, decontamination and tags options; every unset field takes its default.
 */
export interface DataQualityOptionsInput {
  /**
   * Runs naming the same dataset (letters, digits, '-', '_'; at most 64) are deduplicated against
   * each other; empty: the run is deduplicated within itself only.
   */
  'dataset'?: (string);
  /**
   * Mask numbers and person names before MinHash, so problems differing only in them are near
   * duplicates. Default false.
   */
  'mask_values'?: (boolean);
  /**
   * Embedding model on the generator's /v1/embeddings backend (e.g.
   * sentence-transformers/all-mpnet-base-v2); empty: no embedding dedup.
   */
  'embedding_model'?: (string);
  /**
   * Cosine at or above which two problems are near duplicates; default 0.975 (Magpie's gen_dis.py).
   */
  'embedding_threshold'?: (number | string);
  /**
   * Unspecified: off.
   */
  'decontamination'?: (_magpie_v1_DecontaminationModeInput);
  /**
   * Words per n-gram for decontamination, 3 to 50; default 13.
   */
  'decontamination_ngram'?: (number);
  /**
   * Run the tags stage (Magpie's unitag difficulty, input quality, task category). Default false.
   */
  'tags'?: (boolean);
  /**
   * The tagging model (a ListModels id); empty: meta-llama/Meta-Llama-3-8B-Instruct.
   */
  'tagger_model'?: (string);
  /**
   * Training exports keep problems of at least this input quality (unspecified: good).
   */
  'min_quality'?: (_magpie_v1_InputQualityInput);
  /**
   * Training exports keep problems of at least this difficulty (unspecified: medium).
   */
  'min_difficulty'?: (_magpie_v1_DifficultyInput);
  /**
   * DPO exports keep pairs whose chosen reward is at least this; unset: no minimum.
   */
  'min_reward'?: (number | string);
  '_mask_values'?: "mask_values";
  '_embedding_threshold'?: "embedding_threshold";
  '_decontamination_ngram'?: "decontamination_ngram";
  '_tags'?: "tags";
  '_min_reward'?: "min_reward";
}

/**
 * StartRun's dedup, decontamination and tags options; every unset field takes its default.
 */
export interface DataQualityOptions {
  /**
   * Runs naming the same dataset (letters, digits, '-', '_'; at most 64) are deduplicated against
   * each other; empty: the run is deduplicated within itself only.
   */
  'dataset': (string);
  /**
   * Mask numbers and person names before MinHash, so problems differing only in them are near
   * duplicates. Default false.
   */
  'mask_values'?: (boolean);
  /**
   * Embedding model on the generator's /v1/embeddings backend (e.g.
   * sentence-transformers/all-mpnet-base-v2); empty: no embedding dedup.
   */
  'embedding_model': (string);
  /**
   * Cosine at or above which two problems are near duplicates; default 0.975 (Magpie's gen_dis.py).
   */
  'embedding_threshold'?: (number);
  /**
   * Unspecified: off.
   */
  'decontamination': (_magpie_v1_DecontaminationMode);
  /**
   * Words per n-gram for decontamination, 3 to 50; default 13.
   */
  'decontamination_ngram'?: (number);
  /**
   * Run the tags stage (Magpie's unitag difficulty, input quality, task category). Default false.
   */
  'tags'?: (boolean);
  /**
   * The tagging model (a ListModels id); empty: meta-llama/Meta-Llama-3-8B-Instruct.
   */
  'tagger_model': (string);
  /**
   * Training exports keep problems of at least this input quality (unspecified: good).
   */
  'min_quality': (_magpie_v1_InputQuality);
  /**
   * Training exports keep problems of at least this difficulty (unspecified: medium).
   */
  'min_difficulty': (_magpie_v1_Difficulty);
  /**
   * DPO exports keep pairs whose chosen reward is at least this; unset: no minimum.
   */
  'min_reward'?: (number);
  '_mask_values'?: "mask_values";
  '_embedding_threshold'?: "embedding_threshold";
  '_decontamination_ngram'?: "decontamination_ngram";
  '_tags'?: "tags";
  '_min_reward'?: "min_reward";
}
