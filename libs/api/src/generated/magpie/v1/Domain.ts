// Original file: proto/magpie/v1/magpie.proto

import type { SubtopicInput as _magpie_v1_SubtopicInput, Subtopic as _magpie_v1_Subtopic } from '../../magpie/v1/Subtopic.js';

/**
 * A math domain.
 */
export interface DomainInput {
  /**
   * Its name (StartRunRequest.domain).
   */
  'name'?: (string);
  /**
   * The generator's default instruction temperature for it.
   */
  'instruction_temperature'?: (number | string);
  /**
   * Its subtopics.
   */
  'subtopics'?: (_magpie_v1_SubtopicInput)[];
}

/**
 * A math domain.
 */
export interface Domain {
  /**
   * Its name (StartRunRequest.domain).
   */
  'name': (string);
  /**
   * The generator's default instruction temperature for it.
   */
  'instruction_temperature': (number);
  /**
   * Its subtopics.
   */
  'subtopics': (_magpie_v1_Subtopic)[];
}
