// Original file: proto/magpie/v1/magpie.proto


/**
 * The instruction filters a run applies, resolved.
 */
export interface GenerationFiltersInput {
  /**
   * Instructions shorter than this (characters) are rejected.
   */
  'min_chars'?: (number);
  /**
   * Instructions longer than this (characters) are rejected.
   */
  'max_chars'?: (number);
  /**
   * MinHash Jaccard estimate at or above which a problem is a near duplicate.
   */
  'near_duplicate_threshold'?: (number | string);
  /**
   * Magpie's sanitize cascade is on.
   */
  'sanitize'?: (boolean);
  /**
   * Instructions that do not look like math are rejected.
   */
  'require_math'?: (boolean);
}

/**
 * The instruction filters a run applies, resolved.
 */
export interface GenerationFilters {
  /**
   * Instructions shorter than this (characters) are rejected.
   */
  'min_chars': (number);
  /**
   * Instructions longer than this (characters) are rejected.
   */
  'max_chars': (number);
  /**
   * MinHash Jaccard estimate at or above which a problem is a near duplicate.
   */
  'near_duplicate_threshold': (number);
  /**
   * Magpie's sanitize cascade is on.
   */
  'sanitize': (boolean);
  /**
   * Instructions that do not look like math are rejected.
   */
  'require_math': (boolean);
}
