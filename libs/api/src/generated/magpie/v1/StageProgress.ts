// Original file: proto/magpie/v1/magpie.proto

import type { StageInput as _magpie_v1_StageInput, Stage as _magpie_v1_Stage } from '../../magpie/v1/Stage.js';
import type { TokenUsageInput as _magpie_v1_TokenUsageInput, TokenUsage as _magpie_v1_TokenUsage } from '../../magpie/v1/TokenUsage.js';
import type { DurationInput as _google_protobuf_DurationInput, Duration as _google_protobuf_Duration } from '../../google/protobuf/Duration.js';

/**
 * Progress of one stage.
 */
export interface StageProgressInput {
  /**
   * The stage.
   */
  'stage'?: (_magpie_v1_StageInput);
  /**
   * Records the stage has stored (the run's counts of its record kind).
   */
  'records'?: (number);
  /**
   * Records it must store: the run's count.
   */
  'target'?: (number);
  /**
   * Tokens of the records stored so far (the reward model reports none).
   */
  'tokens'?: (_magpie_v1_TokenUsageInput | null);
  /**
   * Records stored per second over the last half minute (the whole run once it ended).
   */
  'records_per_second'?: (number | string);
  /**
   * Time until the stage is done at its current rate; unset when unknown or done.
   */
  'eta'?: (_google_protobuf_DurationInput | null);
}

/**
 * Progress of one stage.
 */
export interface StageProgress {
  /**
   * The stage.
   */
  'stage': (_magpie_v1_Stage);
  /**
   * Records the stage has stored (the run's counts of its record kind).
   */
  'records': (number);
  /**
   * Records it must store: the run's count.
   */
  'target': (number);
  /**
   * Tokens of the records stored so far (the reward model reports none).
   */
  'tokens': (_magpie_v1_TokenUsage | null);
  /**
   * Records stored per second over the last half minute (the whole run once it ended).
   */
  'records_per_second': (number);
  /**
   * Time until the stage is done at its current rate; unset when unknown or done.
   */
  'eta': (_google_protobuf_Duration | null);
}
