// Original file: proto/magpie/v1/magpie.proto

import type { RejectionCountInput as _magpie_v1_RejectionCountInput, RejectionCount as _magpie_v1_RejectionCount } from '../../magpie/v1/RejectionCount.js';
import type { FlagCountInput as _magpie_v1_FlagCountInput, FlagCount as _magpie_v1_FlagCount } from '../../magpie/v1/FlagCount.js';

/**
 * A run's counts, read from its record log (never kept by hand), so they are exact.
 */
export interface RunCountsInput {
  /**
   * Problems stored (the generator's records).
   */
  'problems'?: (number);
  /**
   * Solutions stored (the solver's records).
   */
  'solutions'?: (number);
  /**
   * Samples records stored (the sampler's records).
   */
  'samples'?: (number);
  /**
   * Rewards records stored (the reward stage's records).
   */
  'rewards'?: (number);
  /**
   * Messages the stages gave up on (the dead-letter queue), all stages together.
   */
  'dead_lettered'?: (number);
  /**
   * Instructions the generator dropped, by reason; reasons with none are left out.
   */
  'rejections'?: (_magpie_v1_RejectionCountInput)[];
  /**
   * Tags records stored (the tagger's records; runs with tags only).
   */
  'tags'?: (number);
  /**
   * Kept problems with a finding, by flag; flags with none are left out.
   */
  'flags'?: (_magpie_v1_FlagCountInput)[];
}

/**
 * A run's counts, read from its record log (never kept by hand), so they are exact.
 */
export interface RunCounts {
  /**
   * Problems stored (the generator's records).
   */
  'problems': (number);
  /**
   * Solutions stored (the solver's records).
   */
  'solutions': (number);
  /**
   * Samples records stored (the sampler's records).
   */
  'samples': (number);
  /**
   * Rewards records stored (the reward stage's records).
   */
  'rewards': (number);
  /**
   * Messages the stages gave up on (the dead-letter queue), all stages together.
   */
  'dead_lettered': (number);
  /**
   * Instructions the generator dropped, by reason; reasons with none are left out.
   */
  'rejections': (_magpie_v1_RejectionCount)[];
  /**
   * Tags records stored (the tagger's records; runs with tags only).
   */
  'tags': (number);
  /**
   * Kept problems with a finding, by flag; flags with none are left out.
   */
  'flags': (_magpie_v1_FlagCount)[];
}
