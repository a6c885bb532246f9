// Original file: proto/magpie/v1/magpie.proto

import type { DomainInput as _magpie_v1_DomainInput, Domain as _magpie_v1_Domain } from '../../magpie/v1/Domain.js';

/**
 * The response of ListDomains.
 */
export interface ListDomainsResponseInput {
  /**
   * Every domain.
   */
  'domains'?: (_magpie_v1_DomainInput)[];
}

/**
 * The response of ListDomains.
 */
export interface ListDomainsResponse {
  /**
   * Every domain.
   */
  'domains': (_magpie_v1_Domain)[];
}
