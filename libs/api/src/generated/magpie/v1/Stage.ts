// Original file: proto/magpie/v1/magpie.proto

/**
 * A pipeline stage.
 */
export const Stage = {
  /**
   * Not set.
   */
  STAGE_UNSPECIFIED: 'STAGE_UNSPECIFIED',
  /**
   * Invents problems from the pre-query template.
   */
  STAGE_GENERATOR: 'STAGE_GENERATOR',
  /**
   * Writes one chain-of-thought solution per problem.
   */
  STAGE_SOLVER: 'STAGE_SOLVER',
  /**
   * Samples several responses per problem.
   */
  STAGE_SAMPLER: 'STAGE_SAMPLER',
  /**
   * Scores the samples and picks the preference pair.
   */
  STAGE_REWARD: 'STAGE_REWARD',
  /**
   * Tags every problem with difficulty, input quality and task category (runs with tags only).
   */
  STAGE_TAGGER: 'STAGE_TAGGER',
} as const;

/**
 * A pipeline stage.
 */
export type StageInput =
  /**
   * Not set.
   */
  | 'STAGE_UNSPECIFIED'
  | 0
  /**
   * Invents problems from the pre-query template.
   */
  | 'STAGE_GENERATOR'
  | 1
  /**
   * Writes one chain-of-thought solution per problem.
   */
  | 'STAGE_SOLVER'
  | 2
  /**
   * Samples several responses per problem.
   */
  | 'STAGE_SAMPLER'
  | 3
  /**
   * Scores the samples and picks the preference pair.
   */
  | 'STAGE_REWARD'
  | 4
  /**
   * Tags every problem with difficulty, input quality and task category (runs with tags only).
   */
  | 'STAGE_TAGGER'
  | 5

/**
 * A pipeline stage.
 */
export type Stage = typeof Stage[keyof typeof Stage]
