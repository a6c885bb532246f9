// Original file: proto/magpie/v1/magpie.proto

import type { RunInput as _magpie_v1_RunInput, Run as _magpie_v1_Run } from '../../magpie/v1/Run.js';
import type { StageProgressInput as _magpie_v1_StageProgressInput, StageProgress as _magpie_v1_StageProgress } from '../../magpie/v1/StageProgress.js';
import type { TokenUsageInput as _magpie_v1_TokenUsageInput, TokenUsage as _magpie_v1_TokenUsage } from '../../magpie/v1/TokenUsage.js';
import type { DurationInput as _google_protobuf_DurationInput, Duration as _google_protobuf_Duration } from '../../google/protobuf/Duration.js';

/**
 * One progress message of WatchRun.
 */
export interface WatchRunResponseInput {
  /**
   * The run now: status, spec and counts (dead letters and rejections by reason included).
   */
  'run'?: (_magpie_v1_RunInput | null);
  /**
   * Per stage, in pipeline order.
   */
  'stages'?: (_magpie_v1_StageProgressInput)[];
  /**
   * Tokens of every stage together.
   */
  'tokens'?: (_magpie_v1_TokenUsageInput | null);
  /**
   * Time until every stage is done at the current rates; unset when unknown or ended.
   */
  'eta'?: (_google_protobuf_DurationInput | null);
  /**
   * True on the last message: the run has ended and every count is final.
   */
  'final'?: (boolean);
}

/**
 * One progress message of WatchRun.
 */
export interface WatchRunResponse {
  /**
   * The run now: status, spec and counts (dead letters and rejections by reason included).
   */
  'run': (_magpie_v1_Run | null);
  /**
   * Per stage, in pipeline order.
   */
  'stages': (_magpie_v1_StageProgress)[];
  /**
   * Tokens of every stage together.
   */
  'tokens': (_magpie_v1_TokenUsage | null);
  /**
   * Time until every stage is done at the current rates; unset when unknown or ended.
   */
  'eta': (_google_protobuf_Duration | null);
  /**
   * True on the last message: the run has ended and every count is final.
   */
  'final': (boolean);
}
