// Original file: proto/magpie/v1/magpie.proto

import type { RewardScoreInput as _magpie_v1_RewardScoreInput, RewardScore as _magpie_v1_RewardScore } from '../../magpie/v1/RewardScore.js';
import type { ChatMessageInput as _magpie_v1_ChatMessageInput, ChatMessage as _magpie_v1_ChatMessage } from '../../magpie/v1/ChatMessage.js';
import type { PairInfoInput as _magpie_v1_PairInfoInput, PairInfo as _magpie_v1_PairInfo } from '../../magpie/v1/PairInfo.js';
import type { AnswerAgreementInput as _magpie_v1_AnswerAgreementInput, AnswerAgreement as _magpie_v1_AnswerAgreement } from '../../magpie/v1/AnswerAgreement.js';
import type { SftVerdictInput as _magpie_v1_SftVerdictInput, SftVerdict as _magpie_v1_SftVerdict } from '../../magpie/v1/SftVerdict.js';
import type { LineageInput as _magpie_v1_LineageInput, Lineage as _magpie_v1_Lineage } from '../../magpie/v1/Lineage.js';

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
   * Final answer per response; empty string where none was found or the response was truncated.
   */
  'answers'?: (string)[];
  /**
   * How the pair was chosen.
   */
  'pair'?: (_magpie_v1_PairInfoInput | null);
  /**
   * How the answers of the samples and the SFT solution agree.
   */
  'agreement'?: (_magpie_v1_AnswerAgreementInput | null);
  /**
   * Whether the SFT solution is verified.
   */
  'sft'?: (_magpie_v1_SftVerdictInput | null);
  /**
   * The seeds behind the solution and the samples.
   */
  'lineage'?: (_magpie_v1_LineageInput | null);
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
   * Final answer per response; empty string where none was found or the response was truncated.
   */
  'answers': (string)[];
  /**
   * How the pair was chosen.
   */
  'pair': (_magpie_v1_PairInfo | null);
  /**
   * How the answers of the samples and the SFT solution agree.
   */
  'agreement': (_magpie_v1_AnswerAgreement | null);
  /**
   * Whether the SFT solution is verified.
   */
  'sft': (_magpie_v1_SftVerdict | null);
  /**
   * The seeds behind the solution and the samples.
   */
  'lineage': (_magpie_v1_Lineage | null);
}
