// Original file: proto/magpie/v1/magpie.proto


/**
 * The benchmark item a problem overlaps.
 */
export interface ContaminationInput {
  /**
   * The benchmark file's name in the generator's decontamination directory.
   */
  'file'?: (string);
  /**
   * 1-based line of the item in that file.
   */
  'line'?: (number);
  /**
   * The item's own id field; empty when it has none.
   */
  'item_id'?: (string);
  /**
   * The first shared n-gram, as normalised words.
   */
  'ngram'?: (string);
  /**
   * Words per n-gram of the check.
   */
  'n'?: (number);
}

/**
 * The benchmark item a problem overlaps.
 */
export interface Contamination {
  /**
   * The benchmark file's name in the generator's decontamination directory.
   */
  'file': (string);
  /**
   * 1-based line of the item in that file.
   */
  'line': (number);
  /**
   * The item's own id field; empty when it has none.
   */
  'item_id': (string);
  /**
   * The first shared n-gram, as normalised words.
   */
  'ngram': (string);
  /**
   * Words per n-gram of the check.
   */
  'n': (number);
}
