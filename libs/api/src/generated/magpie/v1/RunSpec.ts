// Original file: proto/magpie/v1/magpie.proto

import type { ResolvedStageInput as _magpie_v1_ResolvedStageInput, ResolvedStage as _magpie_v1_ResolvedStage } from '../../magpie/v1/ResolvedStage.js';
import type { PairRuleInput as _magpie_v1_PairRuleInput, PairRule as _magpie_v1_PairRule } from '../../magpie/v1/PairRule.js';
import type { GenerationFiltersInput as _magpie_v1_GenerationFiltersInput, GenerationFilters as _magpie_v1_GenerationFilters } from '../../magpie/v1/GenerationFilters.js';
import type { ResolvedDomainShareInput as _magpie_v1_ResolvedDomainShareInput, ResolvedDomainShare as _magpie_v1_ResolvedDomainShare } from '../../magpie/v1/ResolvedDomainShare.js';
import type { QualityOptionsInput as _magpie_v1_QualityOptionsInput, QualityOptions as _magpie_v1_QualityOptions } from '../../magpie/v1/QualityOptions.js';
import type { ResolvedDataQualityInput as _magpie_v1_ResolvedDataQualityInput, ResolvedDataQuality as _magpie_v1_ResolvedDataQuality } from '../../magpie/v1/ResolvedDataQuality.js';

/**
 * The run's settings after every default was applied.
 */
export interface RunSpecInput {
  /**
   * The domain; "mixed" for a run over several domains (see domain_mix).
   */
  'domain'?: (string);
  /**
   * Subtopics steered towards; empty means all of the domain's, round-robin.
   */
  'subtopics'?: (string)[];
  /**
   * Problems the run produces.
   */
  'count'?: (number);
  /**
   * The generator's model and sampling.
   */
  'generator'?: (_magpie_v1_ResolvedStageInput | null);
  /**
   * The solver's model and sampling.
   */
  'solver'?: (_magpie_v1_ResolvedStageInput | null);
  /**
   * The sampler's model and sampling.
   */
  'sampler'?: (_magpie_v1_ResolvedStageInput | null);
  /**
   * Sampled responses per problem.
   */
  'samples_per_problem'?: (number);
  /**
   * The reward model.
   */
  'reward_model'?: (string);
  /**
   * The base seed.
   */
  'seed'?: (number);
  /**
   * How pairs are picked.
   */
  'pair_rule'?: (_magpie_v1_PairRuleInput);
  /**
   * Pairs with a smaller margin are skipped.
   */
  'min_reward_margin'?: (number | string);
  /**
   * The instruction filters.
   */
  'filters'?: (_magpie_v1_GenerationFiltersInput | null);
  /**
   * The domains of a run over several domains, in slot order; empty for a one-domain run.
   */
  'domain_mix'?: (_magpie_v1_ResolvedDomainShareInput)[];
  /**
   * The data-quality options, every field set.
   */
  'quality'?: (_magpie_v1_QualityOptionsInput | null);
  /**
   * Dedup, decontamination and tags, every field set.
   */
  'data_quality'?: (_magpie_v1_ResolvedDataQualityInput | null);
}

/**
 * The run's settings after every default was applied.
 */
export interface RunSpec {
  /**
   * The domain; "mixed" for a run over several domains (see domain_mix).
   */
  'domain': (string);
  /**
   * Subtopics steered towards; empty means all of the domain's, round-robin.
   */
  'subtopics': (string)[];
  /**
   * Problems the run produces.
   */
  'count': (number);
  /**
   * The generator's model and sampling.
   */
  'generator': (_magpie_v1_ResolvedStage | null);
  /**
   * The solver's model and sampling.
   */
  'solver': (_magpie_v1_ResolvedStage | null);
  /**
   * The sampler's model and sampling.
   */
  'sampler': (_magpie_v1_ResolvedStage | null);
  /**
   * Sampled responses per problem.
   */
  'samples_per_problem': (number);
  /**
   * The reward model.
   */
  'reward_model': (string);
  /**
   * The base seed.
   */
  'seed': (number);
  /**
   * How pairs are picked.
   */
  'pair_rule': (_magpie_v1_PairRule);
  /**
   * Pairs with a smaller margin are skipped.
   */
  'min_reward_margin': (number);
  /**
   * The instruction filters.
   */
  'filters': (_magpie_v1_GenerationFilters | null);
  /**
   * The domains of a run over several domains, in slot order; empty for a one-domain run.
   */
  'domain_mix': (_magpie_v1_ResolvedDomainShare)[];
  /**
   * The data-quality options, every field set.
   */
  'quality': (_magpie_v1_QualityOptions | null);
  /**
   * Dedup, decontamination and tags, every field set.
   */
  'data_quality': (_magpie_v1_ResolvedDataQuality | null);
}
