// Original file: proto/magpie/v1/magpie.proto


/**
 * The request of ListModels.
 */
export interface ListModelsRequestInput {
}

/**
 * The request of ListModels.
 */
export interface ListModelsRequest {
}
