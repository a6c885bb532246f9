// Original file: proto/magpie/v1/magpie.proto

import type { RecordUsageInput as _magpie_v1_RecordUsageInput, RecordUsage as _magpie_v1_RecordUsage } from '../../magpie/v1/RecordUsage.js';

/**
 * Magpie's unitag fields for one problem; a mission whose answer could not be parsed leaves its
 * fields unset and says why in tag_errors.
 */
export interface ProblemTagsInput {
  /**
   * The problem's record id.
   */
  'problem_record_id'?: (string);
  /**
   * What the user wants (difficulty mission).
   */
  'intent'?: (string);
  /**
   * The knowledge needed to solve it (difficulty mission).
   */
  'knowledge'?: (string);
  /**
   * very easy, easy, medium, hard, very hard.
   */
  'difficulty'?: (string);
  /**
   * The tagging model of the difficulty mission (lineage).
   */
  'difficulty_generator'?: (string);
  /**
   * very poor, poor, average, good, excellent.
   */
  'input_quality'?: (string);
  /**
   * Why that quality.
   */
  'quality_explanation'?: (string);
  /**
   * The tagging model of the quality mission (lineage).
   */
  'quality_generator'?: (string);
  /**
   * One of the twelve task tags of Magpie's classification prompt.
   */
  'task_category'?: (string);
  /**
   * Further task tags.
   */
  'other_task_category'?: (string)[];
  /**
   * The tagging model of the classification mission (lineage).
   */
  'task_category_generator'?: (string);
  /**
   * Mission (difficulty, quality, classification) -> why its answer was unusable.
   */
  'tag_errors'?: ({[key: string]: string});
  /**
   * Whether the run's minimum quality and difficulty keep the problem in the training exports.
   */
  'tag_filter_passed'?: (boolean);
  /**
   * Why not: quality_below_minimum, difficulty_below_minimum.
   */
  'tag_filter_reasons'?: (string)[];
  /**
   * Tokens of the tagging calls.
   */
  'usage'?: (_magpie_v1_RecordUsageInput | null);
  '_intent'?: "intent";
  '_knowledge'?: "knowledge";
  '_difficulty'?: "difficulty";
  '_input_quality'?: "input_quality";
  '_quality_explanation'?: "quality_explanation";
  '_task_category'?: "task_category";
}

/**
 * Magpie's unitag fields for one problem; a mission whose answer could not be parsed leaves its
 * fields unset and says why in tag_errors.
 */
export interface ProblemTags {
  /**
   * The problem's record id.
   */
  'problem_record_id': (string);
  /**
   * What the user wants (difficulty mission).
   */
  'intent'?: (string);
  /**
   * The knowledge needed to solve it (difficulty mission).
   */
  'knowledge'?: (string);
  /**
   * very easy, easy, medium, hard, very hard.
   */
  'difficulty'?: (string);
  /**
   * The tagging model of the difficulty mission (lineage).
   */
  'difficulty_generator': (string);
  /**
   * very poor, poor, average, good, excellent.
   */
  'input_quality'?: (string);
  /**
   * Why that quality.
   */
  'quality_explanation'?: (string);
  /**
   * The tagging model of the quality mission (lineage).
   */
  'quality_generator': (string);
  /**
   * One of the twelve task tags of Magpie's classification prompt.
   */
  'task_category'?: (string);
  /**
   * Further task tags.
   */
  'other_task_category': (string)[];
  /**
   * The tagging model of the classification mission (lineage).
   */
  'task_category_generator': (string);
  /**
   * Mission (difficulty, quality, classification) -> why its answer was unusable.
   */
  'tag_errors': ({[key: string]: string});
  /**
   * Whether the run's minimum quality and difficulty keep the problem in the training exports.
   */
  'tag_filter_passed': (boolean);
  /**
   * Why not: quality_below_minimum, difficulty_below_minimum.
   */
  'tag_filter_reasons': (string)[];
  /**
   * Tokens of the tagging calls.
   */
  'usage': (_magpie_v1_RecordUsage | null);
  '_intent'?: "intent";
  '_knowledge'?: "knowledge";
  '_difficulty'?: "difficulty";
  '_input_quality'?: "input_quality";
  '_quality_explanation'?: "quality_explanation";
  '_task_category'?: "task_category";
}
