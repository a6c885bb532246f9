// Original file: proto/magpie/v1/magpie.proto

/**
 * Magpie's difficulty levels, easiest first, as a minimum for the training exports.
 */
export const Difficulty = {
  /**
   * The default minimum: medium.
   */
  DIFFICULTY_UNSPECIFIED: 'DIFFICULTY_UNSPECIFIED',
  /**
   * No minimum: keep every difficulty.
   */
  DIFFICULTY_ANY: 'DIFFICULTY_ANY',
  /**
   * Very easy.
   */
  DIFFICULTY_VERY_EASY: 'DIFFICULTY_VERY_EASY',
  /**
   * Easy.
   */
  DIFFICULTY_EASY: 'DIFFICULTY_EASY',
  /**
   * Medium.
   */
  DIFFICULTY_MEDIUM: 'DIFFICULTY_MEDIUM',
  /**
   * Hard.
   */
  DIFFICULTY_HARD: 'DIFFICULTY_HARD',
  /**
   * Very hard.
   */
  DIFFICULTY_VERY_HARD: 'DIFFICULTY_VERY_HARD',
} as const;

/**
 * Magpie's difficulty levels, easiest first, as a minimum for the training exports.
 */
export type DifficultyInput =
  /**
   * The default minimum: medium.
   */
  | 'DIFFICULTY_UNSPECIFIED'
  | 0
  /**
   * No minimum: keep every difficulty.
   */
  | 'DIFFICULTY_ANY'
  | 1
  /**
   * Very easy.
   */
  | 'DIFFICULTY_VERY_EASY'
  | 2
  /**
   * Easy.
   */
  | 'DIFFICULTY_EASY'
  | 3
  /**
   * Medium.
   */
  | 'DIFFICULTY_MEDIUM'
  | 4
  /**
   * Hard.
   */
  | 'DIFFICULTY_HARD'
  | 5
  /**
   * Very hard.
   */
  | 'DIFFICULTY_VERY_HARD'
  | 6

/**
 * Magpie's difficulty levels, easiest first, as a minimum for the training exports.
 */
export type Difficulty = typeof Difficulty[keyof typeof Difficulty]
