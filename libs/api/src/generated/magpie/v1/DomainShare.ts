// Original file: proto/magpie/v1/magpie.proto


/**
 * One domain's part of a run over several domains.
 */
export interface DomainShareInput {
  /**
   * A ListDomains domain name.
   */
  'domain'?: (string);
  /**
   * Problems of this domain. Set either count on every share (the run's count is their sum) or
   * weight on every share (the run's count is split in proportion, at least one each).
   */
  'count'?: (number);
  /**
   * Relative weight of this domain; see count.
   */
  'weight'?: (number | string);
  /**
   * Subtopics of this domain to steer towards; empty means all of them, round-robin.
   */
  'subtopics'?: (string)[];
}

/**
 * One domain's part of a run over several domains.
 */
export interface DomainShare {
  /**
   * A ListDomains domain name.
   */
  'domain': (string);
  /**
   * Problems of this domain. Set either count on every share (the run's count is their sum) or
   * weight on every share (the run's count is split in proportion, at least one each).
   */
  'count': (number);
  /**
   * Relative weight of this domain; see count.
   */
  'weight': (number);
  /**
   * Subtopics of this domain to steer towards; empty means all of them, round-robin.
   */
  'subtopics': (string)[];
}
