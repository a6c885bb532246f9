// Original file: proto/magpie/v1/magpie.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Magpie's gen_input_configs.
 */
export interface GenInputConfigsInput {
  /**
   * Sampling temperature of the instruction.
   */
  'temperature'?: (number | string);
  /**
   * Nucleus sampling mass of the instruction.
   */
  'top_p'?: (number | string);
  /**
   * The generator model.
   */
  'input_generator'?: (string);
  /**
   * The request's seed; unset for Magpie's `seed: null`.
   */
  'seed'?: (number | string | Long);
  '_seed'?: "seed";
}

/**
 * Magpie's gen_input_configs.
 */
export interface GenInputConfigs {
  /**
   * Sampling temperature of the instruction.
   */
  'temperature': (number);
  /**
   * Nucleus sampling mass of the instruction.
   */
  'top_p': (number);
  /**
   * The generator model.
   */
  'input_generator': (string);
  /**
   * The request's seed; unset for Magpie's `seed: null`.
   */
  'seed'?: (string);
  '_seed'?: "seed";
}
