// Original file: proto/magpie/v1/magpie.proto

import type { GenInputConfigsInput as _magpie_v1_GenInputConfigsInput, GenInputConfigs as _magpie_v1_GenInputConfigs } from '../../magpie/v1/GenInputConfigs.js';
import type { RecordUsageInput as _magpie_v1_RecordUsageInput, RecordUsage as _magpie_v1_RecordUsage } from '../../magpie/v1/RecordUsage.js';
import type { ContaminationInput as _magpie_v1_ContaminationInput, Contamination as _magpie_v1_Contamination } from '../../magpie/v1/Contamination.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A generated problem (Magpie's `_ins.json` record).
 */
export interface ProblemInput {
  /**
   * The problem's domain.
   */
  'domain'?: (string);
  /**
   * The subtopic it was steered towards.
   */
  'subtopic'?: (string);
  /**
   * The pre-query template the generator completed.
   */
  'pre_query_template'?: (string);
  /**
   * The problem text.
   */
  'instruction'?: (string);
  /**
   * Unix seconds of its creation.
   */
  'created'?: (number | string | Long);
  /**
   * Magpie's gen_input_configs.
   */
  'gen_input_configs'?: (_magpie_v1_GenInputConfigsInput | null);
  /**
   * Why generation stopped: stop, length, abort or unknown.
   */
  'finish_reason'?: (string);
  /**
   * Tokens of the call, per problem.
   */
  'usage'?: (_magpie_v1_RecordUsageInput | null);
  /**
   * Set when the run flags contamination: the benchmark item the problem overlaps.
   */
  'contamination'?: (_magpie_v1_ContaminationInput | null);
}

/**
 * A generated problem (Magpie's `_ins.json` record).
 */
export interface Problem {
  /**
   * The problem's domain.
   */
  'domain': (string);
  /**
   * The subtopic it was steered towards.
   */
  'subtopic': (string);
  /**
   * The pre-query template the generator completed.
   */
  'pre_query_template': (string);
  /**
   * The problem text.
   */
  'instruction': (string);
  /**
   * Unix seconds of its creation.
   */
  'created': (string);
  /**
   * Magpie's gen_input_configs.
   */
  'gen_input_configs': (_magpie_v1_GenInputConfigs | null);
  /**
   * Why generation stopped: stop, length, abort or unknown.
   */
  'finish_reason': (string);
  /**
   * Tokens of the call, per problem.
   */
  'usage': (_magpie_v1_RecordUsage | null);
  /**
   * Set when the run flags contamination: the benchmark item the problem overlaps.
   */
  'contamination': (_magpie_v1_Contamination | null);
}
