// Original file: proto/magpie/v1/magpie.proto

import type { StageOverridesInput as _magpie_v1_StageOverridesInput, StageOverrides as _magpie_v1_StageOverrides } from '../../magpie/v1/StageOverrides.js';
import type { PairRuleInput as _magpie_v1_PairRuleInput, PairRule as _magpie_v1_PairRule } from '../../magpie/v1/PairRule.js';
import type { GenerationFilterOverridesInput as _magpie_v1_GenerationFilterOverridesInput, GenerationFilterOverrides as _magpie_v1_GenerationFilterOverrides } from '../../magpie/v1/GenerationFilterOverrides.js';
import type { DomainShareInput as _magpie_v1_DomainShareInput, DomainShare as _magpie_v1_DomainShare } from '../../magpie/v1/DomainShare.js';
import type { QualityOptionsInput as _magpie_v1_QualityOptionsInput, QualityOptions as _magpie_v1_QualityOptions } from '../../magpie/v1/QualityOptions.js';
import type { DataQualityOptionsInput as _magpie_v1_DataQualityOptionsInput, DataQualityOptions as _magpie_v1_DataQualityOptions } from '../../magpie/v1/DataQualityOptions.js';

/**
 * The request of StartRun.
 */
export interface StartRunRequestInput {
  /**
   * A ListDomains domain name. Leave empty when domain_mix is set.
   */
  'domain'?: (string);
  /**
   * Problems the run produces (each gets a solution, samples and rewards). With a domain_mix of
   * counts it may be left 0 (their sum) or must equal their sum.
   */
  'count'?: (number);
  /**
   * The generator model (a ListModels id); also the solver and sampler model unless overridden.
   * Empty means the catalog's first model.
   */
  'model'?: (string);
  /**
   * Generator overrides.
   */
  'generator'?: (_magpie_v1_StageOverridesInput | null);
  /**
   * Solver overrides.
   */
  'solver'?: (_magpie_v1_StageOverridesInput | null);
  /**
   * Sampler overrides.
   */
  'sampler'?: (_magpie_v1_StageOverridesInput | null);
  /**
   * A ListModels reward model id; empty means the catalog's default reward model.
   */
  'reward_model'?: (string);
  /**
   * Subtopics of `domain` to steer towards; empty means all of them, round-robin.
   */
  'subtopics'?: (string)[];
  /**
   * Base seed (below 2^31); a random one when unset. The same seed reproduces the same run.
   */
  'seed'?: (number);
  /**
   * Sampled responses per problem, 2 to 16; default 5.
   */
  'samples_per_problem'?: (number);
  /**
   * Makes StartRun idempotent: the same id returns the same run.
   */
  'request_id'?: (string);
  /**
   * How the reward stage picks the pair; unspecified means PAIR_RULE_CORRECTNESS.
   */
  'pair_rule'?: (_magpie_v1_PairRuleInput);
  /**
   * Pairs with a smaller chosen-minus-rejected reward are skipped; default 0.
   */
  'min_reward_margin'?: (number | string);
  /**
   * Instruction filter overrides.
   */
  'filters'?: (_magpie_v1_GenerationFilterOverridesInput | null);
  /**
   * Several domains in one run, by counts or weights; `domain` and `subtopics` stay empty.
   */
  'domain_mix'?: (_magpie_v1_DomainShareInput)[];
  /**
   * Labels to find the run by (ListRuns.label): keys of lowercase letters, digits, '_' and '-'
   * (1-63, starting with a letter), values of up to 63 printable characters; at most 16.
   */
  'labels'?: ({[key: string]: string});
  /**
   * Verification, style pairs and adaptive sampling; unset fields take their defaults.
   */
  'quality'?: (_magpie_v1_QualityOptionsInput | null);
  /**
   * Cross-run dedup, decontamination and tags; unset fields take their defaults.
   */
  'data_quality'?: (_magpie_v1_DataQualityOptionsInput | null);
  '_seed'?: "seed";
  '_samples_per_problem'?: "samples_per_problem";
  '_min_reward_margin'?: "min_reward_margin";
}

/**
 * The request of StartRun.
 */
export interface StartRunRequest {
  /**
   * A ListDomains domain name. Leave empty when domain_mix is set.
   */
  'domain': (string);
  /**
   * Problems the run produces (each gets a solution, samples and rewards). With a domain_mix of
   * counts it may be left 0 (their sum) or must equal their sum.
   */
  'count': (number);
  /**
   * The generator model (a ListModels id); also the solver and sampler model unless overridden.
   * Empty means the catalog's first model.
   */
  'model': (string);
  /**
   * Generator overrides.
   */
  'generator': (_magpie_v1_StageOverrides | null);
  /**
   * Solver overrides.
   */
  'solver': (_magpie_v1_StageOverrides | null);
  /**
   * Sampler overrides.
   */
  'sampler': (_magpie_v1_StageOverrides | null);
  /**
   * A ListModels reward model id; empty means the catalog's default reward model.
   */
  'reward_model': (string);
  /**
   * Subtopics of `domain` to steer towards; empty means all of them, round-robin.
   */
  'subtopics': (string)[];
  /**
   * Base seed (below 2^31); a random one when unset. The same seed reproduces the same run.
   */
  'seed'?: (number);
  /**
   * Sampled responses per problem, 2 to 16; default 5.
   */
  'samples_per_problem'?: (number);
  /**
   * Makes StartRun idempotent: the same id returns the same run.
   */
  'request_id': (string);
  /**
   * How the reward stage picks the pair; unspecified means PAIR_RULE_CORRECTNESS.
   */
  'pair_rule': (_magpie_v1_PairRule);
  /**
   * Pairs with a smaller chosen-minus-rejected reward are skipped; default 0.
   */
  'min_reward_margin'?: (number);
  /**
   * Instruction filter overrides.
   */
  'filters': (_magpie_v1_GenerationFilterOverrides | null);
  /**
   * Several domains in one run, by counts or weights; `domain` and `subtopics` stay empty.
   */
  'domain_mix': (_magpie_v1_DomainShare)[];
  /**
   * Labels to find the run by (ListRuns.label): keys of lowercase letters, digits, '_' and '-'
   * (1-63, starting with a letter), values of up to 63 printable characters; at most 16.
   */
  'labels': ({[key: string]: string});
  /**
   * Verification, style pairs and adaptive sampling; unset fields take their defaults.
   */
  'quality': (_magpie_v1_QualityOptions | null);
  /**
   * Cross-run dedup, decontamination and tags; unset fields take their defaults.
   */
  'data_quality': (_magpie_v1_DataQualityOptions | null);
  '_seed'?: "seed";
  '_samples_per_problem'?: "samples_per_problem";
  '_min_reward_margin'?: "min_reward_margin";
}
