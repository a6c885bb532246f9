// Original file: proto/magpie/v1/magpie.proto


/**
 * Instruction filter overrides; unset fields keep the platform defaults.
 */
export interface GenerationFilterOverridesInput {
  /**
   * Instructions shorter than this (characters) are rejected.
   */
  'min_chars'?: (number);
  /**
   * Instructions longer than this (characters) are rejected.
   */
  'max_chars'?: (number);
  /**
   * MinHash Jaccard estimate at or above which a problem is a near duplicate; 1 = exact only.
   */
  'near_duplicate_threshold'?: (number | string);
  /**
   * Magpie's sanitize cascade (cut leaked answers).
   */
  'sanitize'?: (boolean);
  /**
   * Reject instructions that do not look like a math problem.
   */
  'require_math'?: (boolean);
  '_min_chars'?: "min_chars";
  '_max_chars'?: "max_chars";
  '_near_duplicate_threshold'?: "near_duplicate_threshold";
  '_sanitize'?: "sanitize";
  '_require_math'?: "require_math";
}

/**
 * Instruction filter overrides; unset fields keep the platform defaults.
 */
export interface GenerationFilterOverrides {
  /**
   * Instructions shorter than this (characters) are rejected.
   */
  'min_chars'?: (number);
  /**
   * Instructions longer than this (characters) are rejected.
   */
  'max_chars'?: (number);
  /**
   * MinHash Jaccard estimate at or above which a problem is a near duplicate; 1 = exact only.
   */
  'near_duplicate_threshold'?: (number);
  /**
   * Magpie's sanitize cascade (cut leaked answers).
   */
  'sanitize'?: (boolean);
  /**
   * Reject instructions that do not look like a math problem.
   */
  'require_math'?: (boolean);
  '_min_chars'?: "min_chars";
  '_max_chars'?: "max_chars";
  '_near_duplicate_threshold'?: "near_duplicate_threshold";
  '_sanitize'?: "sanitize";
  '_require_math'?: "require_math";
}
