// Original file: proto/magpie/v1/magpie.proto

/**
 * Magpie's input-quality levels, worst first, as a minimum for the training exports.
 */
export const InputQuality = {
  /**
   * The default minimum: good.
   */
  INPUT_QUALITY_UNSPECIFIED: 'INPUT_QUALITY_UNSPECIFIED',
  /**
   * No minimum: keep every quality.
   */
  INPUT_QUALITY_ANY: 'INPUT_QUALITY_ANY',
  /**
   * Very poor.
   */
  INPUT_QUALITY_VERY_POOR: 'INPUT_QUALITY_VERY_POOR',
  /**
   * Poor.
   */
  INPUT_QUALITY_POOR: 'INPUT_QUALITY_POOR',
  /**
   * Average.
   */
  INPUT_QUALITY_AVERAGE: 'INPUT_QUALITY_AVERAGE',
  /**
   * Good.
   */
  INPUT_QUALITY_GOOD: 'INPUT_QUALITY_GOOD',
  /**
   * Excellent.
   */
  INPUT_QUALITY_EXCELLENT: 'INPUT_QUALITY_EXCELLENT',
} as const;

/**
 * Magpie's input-quality levels, worst first, as a minimum for the training exports.
 */
export type InputQualityInput =
  /**
   * The default minimum: good.
   */
  | 'INPUT_QUALITY_UNSPECIFIED'
  | 0
  /**
   * No minimum: keep every quality.
   */
  | 'INPUT_QUALITY_ANY'
  | 1
  /**
   * Very poor.
   */
  | 'INPUT_QUALITY_VERY_POOR'
  | 2
  /**
   * Poor.
   */
  | 'INPUT_QUALITY_POOR'
  | 3
  /**
   * Average.
   */
  | 'INPUT_QUALITY_AVERAGE'
  | 4
  /**
   * Good.
   */
  | 'INPUT_QUALITY_GOOD'
  | 5
  /**
   * Excellent.
   */
  | 'INPUT_QUALITY_EXCELLENT'
  | 6

/**
 * Magpie's input-quality levels, worst first, as a minimum for the training exports.
 */
export type InputQuality = typeof InputQuality[keyof typeof InputQuality]
