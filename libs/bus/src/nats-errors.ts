/**
 * Names of the errors the NATS client throws when the server is unreachable, restarting, slow or
 * refuses a JetStream request (its consumers and streams included): a retry later can succeed.
 */
const NATS_ERROR_NAMES = new Set([
  'ConnectionError',
  'ClosedConnectionError',
  'DrainingConnectionError',
  'ProtocolError',
  'RequestError',
  'TimeoutError',
  'NoRespondersError',
  'PermissionViolationError',
  'AuthorizationError',
  'UserAuthenticationExpiredError',
  'JetStreamError',
  'JetStreamStatusError',
  'JetStreamApiError',
  'JetStreamNotEnabled',
  'ConsumerNotFoundError',
  'StreamNotFoundError',
  'PublishError',
]);

/**
 * True when `err`, or an error in its `cause` chain, comes from NATS or JetStream (including this
 * library's PublishError after its retries): the bus is unavailable for now, which callers report
 * as UNAVAILABLE rather than as an internal error.
 */
export function isNatsError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (NATS_ERROR_NAMES.has(e.name) || NATS_ERROR_NAMES.has(e.constructor.name)) return true;
  }
  return false;
}

