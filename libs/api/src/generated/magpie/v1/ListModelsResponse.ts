// Original file: proto/magpie/v1/magpie.proto

import type { ModelInput as _magpie_v1_ModelInput, Model as _magpie_v1_Model } from '../../magpie/v1/Model.js';
import type { RewardModelInput as _magpie_v1_RewardModelInput, RewardModel as _magpie_v1_RewardModel } from '../../magpie/v1/RewardModel.js';

/**
 * The response of ListModels.
 */
export interface ListModelsResponseInput {
  /**
   * Generator models; the first is the default.
   */
  'models'?: (_magpie_v1_ModelInput)[];
  /**
   * Reward models.
   */
  'reward_models'?: (_magpie_v1_RewardModelInput)[];
  /**
   * The reward model a run gets when it names none.
   */
  'default_reward_model'?: (string);
}

/**
 * The response of ListModels.
 */
export interface ListModelsResponse {
  /**
   * Generator models; the first is the default.
   */
  'models': (_magpie_v1_Model)[];
  /**
   * Reward models.
   */
  'reward_models': (_magpie_v1_RewardModel)[];
  /**
   * The reward model a run gets when it names none.
   */
  'default_reward_model': (string);
}
