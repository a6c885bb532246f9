// Original file: proto/magpie/v1/magpie.proto


/**
 * The seeds behind a problem's solution and samples.
 */
export interface LineageInput {
  /**
   * The solver request's seed.
   */
  'solver_seed'?: (number);
  /**
   * The sampler requests' seeds.
   */
  'sampler_seeds'?: (number)[];
}

/**
 * The seeds behind a problem's solution and samples.
 */
export interface Lineage {
  /**
   * The solver request's seed.
   */
  'solver_seed': (number);
  /**
   * The sampler requests' seeds.
   */
  'sampler_seeds': (number)[];
}
