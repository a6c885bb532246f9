// Original file: proto/magpie/v1/magpie.proto

import type { AgreementDistributionInput as _magpie_v1_AgreementDistributionInput, AgreementDistribution as _magpie_v1_AgreementDistribution } from '../../magpie/v1/AgreementDistribution.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A run's data-quality summary, read from its counters (never kept by hand).
 */
export interface QualitySummaryInput {
  /**
   * How the answers of each evaluated problem agree.
   */
  'agreement'?: (_magpie_v1_AgreementDistributionInput | null);
  /**
   * SFT solutions verified by their samples.
   */
  'sft_verified'?: (number);
  /**
   * SFT solutions not verified.
   */
  'sft_unverified'?: (number);
  /**
   * sft_verified / (sft_verified + sft_unverified); unset before any problem was evaluated.
   */
  'sft_verified_share'?: (number | string);
  /**
   * Unverified solutions by why: no_answer, no_strict_majority, disagrees_with_majority, majority_below_share.
   */
  'sft_unverified_by_outcome'?: ({[key: string]: number});
  /**
   * Preference pairs made.
   */
  'pairs_kept'?: (number);
  /**
   * Pairs made by kind: correctness, style, magpie.
   */
  'pairs_kept_by_kind'?: ({[key: string]: number});
  /**
   * Problems without a pair.
   */
  'pairs_skipped'?: (number);
  /**
   * Skipped pairs by reason: no_strict_majority, all_agree, truncated, margin_below_minimum, ...
   */
  'pairs_skipped_by_reason'?: ({[key: string]: number});
  /**
   * Adaptive sampling: problems whose first samples all agreed.
   */
  'adaptive_stopped_early'?: (number);
  /**
   * Adaptive sampling: problems that drew the rest of their samples.
   */
  'adaptive_extended'?: (number);
  /**
   * Adaptive sampling: estimated completion tokens not spent.
   */
  'adaptive_completion_tokens_saved'?: (number | string | Long);
  /**
   * Adaptive sampling: prompt tokens of the extension requests (cached prefixes).
   */
  'adaptive_extension_prompt_tokens'?: (number | string | Long);
  /**
   * Instructions the generator dropped as exact duplicates.
   */
  'exact_duplicates'?: (number);
  /**
   * Instructions the generator dropped as near duplicates.
   */
  'near_duplicates'?: (number);
  /**
   * Problems kept but flagged as contaminated by a benchmark.
   */
  'contamination_flagged'?: (number);
  /**
   * Problems removed as contaminated by a benchmark.
   */
  'contamination_removed'?: (number);
  '_sft_verified_share'?: "sft_verified_share";
}

/**
 * A run's data-quality summary, read from its counters (never kept by hand).
 */
export interface QualitySummary {
  /**
   * How the answers of each evaluated problem agree.
   */
  'agreement': (_magpie_v1_AgreementDistribution | null);
  /**
   * SFT solutions verified by their samples.
   */
  'sft_verified': (number);
  /**
   * SFT solutions not verified.
   */
  'sft_unverified': (number);
  /**
   * sft_verified / (sft_verified + sft_unverified); unset before any problem was evaluated.
   */
  'sft_verified_share'?: (number);
  /**
   * Unverified solutions by why: no_answer, no_strict_majority, disagrees_with_majority, majority_below_share.
   */
  'sft_unverified_by_outcome': ({[key: string]: number});
  /**
   * Preference pairs made.
   */
  'pairs_kept': (number);
  /**
   * Pairs made by kind: correctness, style, magpie.
   */
  'pairs_kept_by_kind': ({[key: string]: number});
  /**
   * Problems without a pair.
   */
  'pairs_skipped': (number);
  /**
   * Skipped pairs by reason: no_strict_majority, all_agree, truncated, margin_below_minimum, ...
   */
  'pairs_skipped_by_reason': ({[key: string]: number});
  /**
   * Adaptive sampling: problems whose first samples all agreed.
   */
  'adaptive_stopped_early': (number);
  /**
   * Adaptive sampling: problems that drew the rest of their samples.
   */
  'adaptive_extended': (number);
  /**
   * Adaptive sampling: estimated completion tokens not spent.
   */
  'adaptive_completion_tokens_saved': (string);
  /**
   * Adaptive sampling: prompt tokens of the extension requests (cached prefixes).
   */
  'adaptive_extension_prompt_tokens': (string);
  /**
   * Instructions the generator dropped as exact duplicates.
   */
  'exact_duplicates': (number);
  /**
   * Instructions the generator dropped as near duplicates.
   */
  'near_duplicates': (number);
  /**
   * Problems kept but flagged as contaminated by a benchmark.
   */
  'contamination_flagged': (number);
  /**
   * Problems removed as contaminated by a benchmark.
   */
  'contamination_removed': (number);
  '_sft_verified_share'?: "sft_verified_share";
}
