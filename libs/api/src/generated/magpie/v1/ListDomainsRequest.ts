// Original file: proto/magpie/v1/magpie.proto


/**
 * The request of ListDomains.
 */
export interface ListDomainsRequestInput {
}

/**
 * The request of ListDomains.
 */
export interface ListDomainsRequest {
}
