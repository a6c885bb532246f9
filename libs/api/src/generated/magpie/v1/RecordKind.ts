// Original file: proto/magpie/v1/magpie.proto

/**
 * The kind of a record: one per stage.
 */
export const RecordKind = {
  /**
   * Not set.
   */
  RECORD_KIND_UNSPECIFIED: 'RECORD_KIND_UNSPECIFIED',
  /**
   * A generated problem (the generator's output).
   */
  RECORD_KIND_PROBLEM: 'RECORD_KIND_PROBLEM',
  /**
   * A chain-of-thought solution (the solver's output).
   */
  RECORD_KIND_SOLUTION: 'RECORD_KIND_SOLUTION',
  /**
   * Sampled responses (the sampler's output).
   */
  RECORD_KIND_SAMPLES: 'RECORD_KIND_SAMPLES',
  /**
   * Reward scores and the preference pair (the reward stage's output).
   */
  RECORD_KIND_REWARDS: 'RECORD_KIND_REWARDS',
  /**
   * Magpie's unitag tags of a problem (the tagger's output, runs with tags only).
   */
  RECORD_KIND_TAGS: 'RECORD_KIND_TAGS',
} as const;

/**
 * The kind of a record: one per stage.
 */
export type RecordKindInput =
  /**
   * Not set.
   */
  | 'RECORD_KIND_UNSPECIFIED'
  | 0
  /**
   * A generated problem (the generator's output).
   */
  | 'RECORD_KIND_PROBLEM'
  | 1
  /**
   * A chain-of-thought solution (the solver's output).
   */
  | 'RECORD_KIND_SOLUTION'
  | 2
  /**
   * Sampled responses (the sampler's output).
   */
  | 'RECORD_KIND_SAMPLES'
  | 3
  /**
   * Reward scores and the preference pair (the reward stage's output).
   */
  | 'RECORD_KIND_REWARDS'
  | 4
  /**
   * Magpie's unitag tags of a problem (the tagger's output, runs with tags only).
   */
  | 'RECORD_KIND_TAGS'
  | 5

/**
 * The kind of a record: one per stage.
 */
export type RecordKind = typeof RecordKind[keyof typeof RecordKind]
