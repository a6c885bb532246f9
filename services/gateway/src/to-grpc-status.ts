import * as grpc from '@grpc/grpc-js';
import { badRequestMetadata } from '@magpie/api';
import { isNatsError } from '@magpie/bus';
import { RunNotFoundError, RunStateUnreadableError } from '@magpie/runs';
import { FailedPreconditionError, InvalidArgumentError, LimitExceededError, NotReadyError, UnauthenticatedError } from './errors.js';
import { FleetUnavailableError, KubernetesApiError } from './fleet/fleet-errors.js';

export type GrpcStatus = Partial<grpc.StatusObject> & { code: grpc.status; details: string };

/**
 * The one place errors become gRPC statuses. Missing or wrong token → UNAUTHENTICATED,
 * validation → INVALID_ARGUMENT with a google.rpc.BadRequest naming the field in
 * `grpc-status-details-bin`, unknown run → NOT_FOUND, a limit → RESOURCE_EXHAUSTED, a run stored
 * by an incompatible version or in a state that does not allow the call → FAILED_PRECONDITION,
 * any NATS or JetStream error (the bus restarting, unreachable, timing out) and a dataset still
 * being built → UNAVAILABLE, so clients retry; anything else is INTERNAL with a generic message
 * (details go to the log, not the client). The fleet view without a cluster or refused by the API
 * server → FAILED_PRECONDITION; an API server that is down or slow → UNAVAILABLE.
 */
export function toGrpcStatus(err: unknown): GrpcStatus {
  if (err instanceof UnauthenticatedError) return { code: grpc.status.UNAUTHENTICATED, details: err.message };
  if (err instanceof InvalidArgumentError) {
    return { code: grpc.status.INVALID_ARGUMENT, details: err.message, metadata: badRequestMetadata(err.message, [{ field: err.field, description: err.description }]) };
  }
  if (err instanceof RunNotFoundError) return { code: grpc.status.NOT_FOUND, details: err.message };
  if (err instanceof LimitExceededError) return { code: grpc.status.RESOURCE_EXHAUSTED, details: err.message };
  if (err instanceof RunStateUnreadableError || err instanceof FailedPreconditionError) return { code: grpc.status.FAILED_PRECONDITION, details: err.message };
  if (err instanceof NotReadyError) return { code: grpc.status.UNAVAILABLE, details: err.message };
  if (isNatsError(err)) return { code: grpc.status.UNAVAILABLE, details: 'the gateway cannot reach its message bus (NATS) right now; retry with backoff' };
  if (err instanceof FleetUnavailableError) return { code: grpc.status.FAILED_PRECONDITION, details: err.message };
  if (err instanceof KubernetesApiError) return { code: err.transient ? grpc.status.UNAVAILABLE : grpc.status.FAILED_PRECONDITION, details: err.message };
  return { code: grpc.status.INTERNAL, details: 'internal error; see the gateway log' };
}
