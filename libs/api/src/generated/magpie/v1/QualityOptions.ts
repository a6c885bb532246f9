// Original file: proto/magpie/v1/magpie.proto


/**
 * The data-quality options of a run. In a request, unset fields take the defaults; in a resolved
 * RunSpec every field is set.
 */
export interface QualityOptionsInput {
  /**
   * Share of a problem's samples that must agree with the SFT solution's answer, in a strict
   * majority, for the solution to be verified; in (0, 1], default 0.6 (3 of 5).
   */
  'verify_share'?: (number | string);
  /**
   * Correctness rule only: keep a pair when every sample agrees (both sides correct), marked as a
   * style pair; default false.
   */
  'style_pairs'?: (boolean);
  /**
   * Draw adaptive_initial_samples first; when their answers do not all agree, draw up to
   * adaptive_max_samples in one more request. Default false (always samples_per_problem).
   */
  'adaptive_sampling'?: (boolean);
  /**
   * Samples adaptive sampling draws first; default 3.
   */
  'adaptive_initial_samples'?: (number);
  /**
   * Samples adaptive sampling draws at most; default 8.
   */
  'adaptive_max_samples'?: (number);
  /**
   * Put unverified solutions and pairs into the training exports (messages, ShareGPT, DPO) of
   * ExportDataset too; default false (they hold verified records only; the Magpie files keep all).
   */
  'keep_unverified'?: (boolean);
  '_verify_share'?: "verify_share";
  '_style_pairs'?: "style_pairs";
  '_adaptive_sampling'?: "adaptive_sampling";
  '_adaptive_initial_samples'?: "adaptive_initial_samples";
  '_adaptive_max_samples'?: "adaptive_max_samples";
  '_keep_unverified'?: "keep_unverified";
}

/**
 * The data-quality options of a run. In a request, unset fields take the defaults; in a resolved
 * RunSpec every field is set.
 */
export interface QualityOptions {
  /**
   * Share of a problem's samples that must agree with the SFT solution's answer, in a strict
   * majority, for the solution to be verified; in (0, 1], default 0.6 (3 of 5).
   */
  'verify_share'?: (number);
  /**
   * Correctness rule only: keep a pair when every sample agrees (both sides correct), marked as a
   * style pair; default false.
   */
  'style_pairs'?: (boolean);
  /**
   * Draw adaptive_initial_samples first; when their answers do not all agree, draw up to
   * adaptive_max_samples in one more request. Default false (always samples_per_problem).
   */
  'adaptive_sampling'?: (boolean);
  /**
   * Samples adaptive sampling draws first; default 3.
   */
  'adaptive_initial_samples'?: (number);
  /**
   * Samples adaptive sampling draws at most; default 8.
   */
  'adaptive_max_samples'?: (number);
  /**
   * Put unverified solutions and pairs into the training exports (messages, ShareGPT, DPO) of
   * ExportDataset too; default false (they hold verified records only; the Magpie files keep all).
   */
  'keep_unverified'?: (boolean);
  '_verify_share'?: "verify_share";
  '_style_pairs'?: "style_pairs";
  '_adaptive_sampling'?: "adaptive_sampling";
  '_adaptive_initial_samples'?: "adaptive_initial_samples";
  '_adaptive_max_samples'?: "adaptive_max_samples";
  '_keep_unverified'?: "keep_unverified";
}
