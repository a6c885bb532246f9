/** Thrown when the magpie.v1 proto cannot be loaded or lacks the MagpieService definition. */
export class ProtoLoadError extends Error {
  override readonly name = 'ProtoLoadError';
}

/** Thrown when a proto message cannot be mapped to (or from) a contracts value. */
export class ProtoMappingError extends Error {
  override readonly name = 'ProtoMappingError';
}

/** Thrown by `waitForReady` when the channel does not connect before its deadline. */
export class ConnectTimeoutError extends Error {
  override readonly name = 'ConnectTimeoutError';
}

/** Thrown by `createMagpieClient` when its options cannot work (e.g. a token that is not a valid header value, a client key without its certificate). */
export class ClientOptionsError extends Error {
  override readonly name = 'ClientOptionsError';
}
