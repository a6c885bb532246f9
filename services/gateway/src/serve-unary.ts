import * as grpc from '@grpc/grpc-js';
import type { Logger } from '@magpie/logging';
import type { BearerAuthenticator } from './bearer-authenticator.js';
import { requireWellFormed } from './require-well-formed.js';
import { toGrpcStatus } from './to-grpc-status.js';

/** What every unary handler of the gateway needs besides its own work. */
export interface UnaryServing {
  readonly authenticator: BearerAuthenticator;
  readonly logger: Logger;
}

/**
 * A grpc-js unary handler around `work`: authenticates the call, refuses a malformed request, and
 * answers with what `work` resolves or with toGrpcStatus of what it throws (INTERNAL is logged
 * with its cause, an unauthenticated call is logged without the token).
 */
export function serveUnary<TReq, TRes>(serving: UnaryServing, method: string, work: (request: TReq) => Promise<TRes>): grpc.handleUnaryCall<TReq, TRes> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => {
        serving.authenticator.authenticate(call.metadata);
        return work(requireWellFormed(call.request));
      })
      .then(
        (response) => callback(null, response),
        (err: unknown) => {
          const status = toGrpcStatus(err);
          if (status.code === grpc.status.INTERNAL) serving.logger.error({ err, method, peer: call.getPeer() }, 'request failed');
          else if (status.code === grpc.status.UNAUTHENTICATED) serving.logger.warn({ method, peer: call.getPeer() }, 'unauthenticated call refused');
          callback(status, null);
        },
      );
  };
}
