// Original file: proto/magpie/v1/magpie.proto


/**
 * The request of GetFleet: the gateway reports the namespace and release it runs in.
 */
export interface GetFleetRequestInput {
}

/**
 * The request of GetFleet: the gateway reports the namespace and release it runs in.
 */
export interface GetFleetRequest {
}
