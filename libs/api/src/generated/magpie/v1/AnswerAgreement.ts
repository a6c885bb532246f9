// Original file: proto/magpie/v1/magpie.proto

import type { AnswerGroupInput as _magpie_v1_AnswerGroupInput, AnswerGroup as _magpie_v1_AnswerGroup } from '../../magpie/v1/AnswerGroup.js';

/**
 * How the final answers of a problem's samples and SFT solution (the last voter) agree.
 */
export interface AnswerAgreementInput {
  /**
   * unanimous, strict, plurality, tie or no_answer.
   */
  'level'?: (string);
  /**
   * Samples + 1.
   */
  'voters'?: (number);
  /**
   * Voters with a final answer.
   */
  'votes_cast'?: (number);
  /**
   * Groups of equivalent answers.
   */
  'distinct_answers'?: (number);
  /**
   * The group with more votes than any other; unset on a tie or without votes.
   */
  'majority_answer'?: (string);
  /**
   * Its votes.
   */
  'majority_votes'?: (number);
  /**
   * majority_votes / votes_cast; 0 without a majority.
   */
  'majority_share'?: (number | string);
  /**
   * The majority has more than half of the votes cast.
   */
  'strict'?: (boolean);
  /**
   * The top groups tie.
   */
  'tie'?: (boolean);
  /**
   * Most votes first.
   */
  'groups'?: (_magpie_v1_AnswerGroupInput)[];
  '_majority_answer'?: "majority_answer";
}

/**
 * How the final answers of a problem's samples and SFT solution (the last voter) agree.
 */
export interface AnswerAgreement {
  /**
   * unanimous, strict, plurality, tie or no_answer.
   */
  'level': (string);
  /**
   * Samples + 1.
   */
  'voters': (number);
  /**
   * Voters with a final answer.
   */
  'votes_cast': (number);
  /**
   * Groups of equivalent answers.
   */
  'distinct_answers': (number);
  /**
   * The group with more votes than any other; unset on a tie or without votes.
   */
  'majority_answer'?: (string);
  /**
   * Its votes.
   */
  'majority_votes': (number);
  /**
   * majority_votes / votes_cast; 0 without a majority.
   */
  'majority_share': (number);
  /**
   * The majority has more than half of the votes cast.
   */
  'strict': (boolean);
  /**
   * The top groups tie.
   */
  'tie': (boolean);
  /**
   * Most votes first.
   */
  'groups': (_magpie_v1_AnswerGroup)[];
  '_majority_answer'?: "majority_answer";
}
