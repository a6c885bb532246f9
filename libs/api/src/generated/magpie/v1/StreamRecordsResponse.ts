// Original file: proto/magpie/v1/magpie.proto

import type { ProblemInput as _magpie_v1_ProblemInput, Problem as _magpie_v1_Problem } from '../../magpie/v1/Problem.js';
import type { SolutionInput as _magpie_v1_SolutionInput, Solution as _magpie_v1_Solution } from '../../magpie/v1/Solution.js';
import type { SamplesInput as _magpie_v1_SamplesInput, Samples as _magpie_v1_Samples } from '../../magpie/v1/Samples.js';
import type { RewardsInput as _magpie_v1_RewardsInput, Rewards as _magpie_v1_Rewards } from '../../magpie/v1/Rewards.js';
import type { ProblemTagsInput as _magpie_v1_ProblemTagsInput, ProblemTags as _magpie_v1_ProblemTags } from '../../magpie/v1/ProblemTags.js';
import type { Long } from '@grpc/proto-loader';

/**
 * One record of a run.
 */
export interface StreamRecordsResponseInput {
  /**
   * The record's position in the run's log; pass it back as from_cursor to resume after it.
   */
  'cursor'?: (number | string | Long);
  /**
   * The run.
   */
  'run_id'?: (string);
  /**
   * `<run_id>:<kind>:<id>`, stable across retries.
   */
  'record_id'?: (string);
  /**
   * Magpie's integer id: the problem's slot in the run.
   */
  'id'?: (number);
  /**
   * A problem.
   */
  'problem'?: (_magpie_v1_ProblemInput | null);
  /**
   * A solution.
   */
  'solution'?: (_magpie_v1_SolutionInput | null);
  /**
   * Samples.
   */
  'samples'?: (_magpie_v1_SamplesInput | null);
  /**
   * Rewards and the pair.
   */
  'rewards'?: (_magpie_v1_RewardsInput | null);
  /**
   * Tags of a problem (runs with tags only).
   */
  'tags'?: (_magpie_v1_ProblemTagsInput | null);
  /**
   * The record, by kind.
   */
  'body'?: "problem"|"solution"|"samples"|"rewards"|"tags";
}

/**
 * One record of a run.
 */
export interface StreamRecordsResponse {
  /**
   * The record's position in the run's log; pass it back as from_cursor to resume after it.
   */
  'cursor': (string);
  /**
   * The run.
   */
  'run_id': (string);
  /**
   * `<run_id>:<kind>:<id>`, stable across retries.
   */
  'record_id': (string);
  /**
   * Magpie's integer id: the problem's slot in the run.
   */
  'id': (number);
  /**
   * A problem.
   */
  'problem'?: (_magpie_v1_Problem | null);
  /**
   * A solution.
   */
  'solution'?: (_magpie_v1_Solution | null);
  /**
   * Samples.
   */
  'samples'?: (_magpie_v1_Samples | null);
  /**
   * Rewards and the pair.
   */
  'rewards'?: (_magpie_v1_Rewards | null);
  /**
   * Tags of a problem (runs with tags only).
   */
  'tags'?: (_magpie_v1_ProblemTags | null);
  /**
   * The record, by kind.
   */
  'body'?: "problem"|"solution"|"samples"|"rewards"|"tags";
}
