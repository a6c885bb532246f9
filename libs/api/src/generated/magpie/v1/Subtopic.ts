// Original file: proto/magpie/v1/magpie.proto


/**
 * A subtopic of a domain.
 */
export interface SubtopicInput {
  /**
   * Its name (StartRunRequest.subtopics).
   */
  'name'?: (string);
  /**
   * The steering text the generator uses for it.
   */
  'system_prompt'?: (string);
}

/**
 * A subtopic of a domain.
 */
export interface Subtopic {
  /**
   * Its name (StartRunRequest.subtopics).
   */
  'name': (string);
  /**
   * The steering text the generator uses for it.
   */
  'system_prompt': (string);
}
