// Original file: proto/magpie/v1/magpie.proto


/**
 * One domain's part of a run over several domains, resolved.
 */
export interface ResolvedDomainShareInput {
  /**
   * The domain.
   */
  'domain'?: (string);
  /**
   * Problems of this domain: slots [first_slot, first_slot + count) of the run.
   */
  'count'?: (number);
  /**
   * The first problem slot (Magpie id) of this domain.
   */
  'first_slot'?: (number);
  /**
   * Subtopics steered towards; empty means all of the domain's, round-robin.
   */
  'subtopics'?: (string)[];
  /**
   * The generator's sampling temperature for this domain's instructions.
   */
  'instruction_temperature'?: (number | string);
}

/**
 * One domain's part of a run over several domains, resolved.
 */
export interface ResolvedDomainShare {
  /**
   * The domain.
   */
  'domain': (string);
  /**
   * Problems of this domain: slots [first_slot, first_slot + count) of the run.
   */
  'count': (number);
  /**
   * The first problem slot (Magpie id) of this domain.
   */
  'first_slot': (number);
  /**
   * Subtopics steered towards; empty means all of the domain's, round-robin.
   */
  'subtopics': (string)[];
  /**
   * The generator's sampling temperature for this domain's instructions.
   */
  'instruction_temperature': (number);
}
