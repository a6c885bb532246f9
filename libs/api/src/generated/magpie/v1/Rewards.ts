// Original file: proto/magpie/v1/magpie.proto

import type { RewardScoreInput as _magpie_v1_RewardScoreInput, RewardScore as _magpie_v1_RewardScore } from '../../magpie/v1/RewardScore.js';
import type { ChatMessageInput as _magpie_v1_ChatMessageInput, ChatMessage as _magpie_v1_ChatMessage } from '../../magpie/v1/ChatMessage.js';
import type { PairInfoInput as _magpie_v1_PairInfoInput, PairInfo as _magpie_v1_PairInfo } from '../../magpie/v1/PairInfo.js';

/**
 * Reward scores and the preference pair (Magpie's `_ins_5res_armorm.json` additions).
 */
export interface RewardsInput {
  /**
   * The problem's record id.
   */
  'problem_record_id'?: (string);
  /**
   * The samples record id.
   */
  'samples_record_id'?: (string);
  /**
   * One score per response.
   */
  'rewards_armorm'?: (_magpie_v1_RewardScoreInput)[];
  /**
   * The chosen conversation; empty when the pair was skipped (see pair.skip_reason).
   */
  'chosen'?: (_magpie_v1_ChatMessageInput)[];
  /**
   * The rejected conversation; empty when the pair was skipped.
   */
  'rejected'?: (_magpie_v1_ChatMessageInput)[];
  /**
   * The reward model.
   */
  'reward_model'?: (string);
  /**
   * Final answer per response; empty string where none was found.
   */
  'answers'?: (string)[];
  /**
   * How the pair was chosen.
   */
  'pair'?: (_magpie_v1_PairInfoInput | null);
}

/**
 * Reward scores and the preference pair (Magpie's `_ins_5res_armorm.json` additions).
 */
export interface Rewards {
  /**
   * The problem's record id.
   */
  'problem_record_id': (string);
  /**
   * The samples record id.
   */
  'samples_record_id': (string);
  /**
   * One score per response.
   */
  'rewards_armorm': (_magpie_v1_RewardScore)[];
  /**
   * The chosen conversation; empty when the pair was skipped (see pair.skip_reason).
   */
  'chosen': (_magpie_v1_ChatMessage)[];
  /**
   * The rejected conversation; empty when the pair was skipped.
   */
  'rejected': (_magpie_v1_ChatMessage)[];
  /**
   * The reward model.
   */
  'reward_model': (string);
  /**
   * Final answer per response; empty string where none was found.
   */
  'answers': (string)[];
  /**
   * How the pair was chosen.
   */
  'pair': (_magpie_v1_PairInfo | null);
}
