import * as grpc from '@grpc/grpc-js';
import { RunNotFoundError, RunStateUnreadableError } from '@magpie/runs';
import { InvalidArgumentError, LimitExceededError, UnauthenticatedError } from './errors.js';
import { FleetUnavailableError, KubernetesApiError } from './fleet/fleet-errors.js';

/**
 * The one place errors become gRPC statuses. Missing or wrong token → UNAUTHENTICATED,
 * validation → INVALID_ARGUMENT, unknown run → NOT_FOUND, a limit → RESOURCE_EXHAUSTED, a run
 * stored by an incompatible version → FAILED_PRECONDITION, the fleet view without a cluster or
 * refused by the API server → FAILED_PRECONDITION, an API server that is down or slow →
 * UNAVAILABLE; anything
 * else is INTERNAL with a generic message (details go to the log, not the client).
 */
export function toGrpcStatus(err: unknown): Partial<grpc.StatusObject> & { code: grpc.status; details: string } {
  if (err instanceof UnauthenticatedError) return { code: grpc.status.UNAUTHENTICATED, details: err.message };
  if (err instanceof InvalidArgumentError) return { code: grpc.status.INVALID_ARGUMENT, details: err.message };
  if (err instanceof RunNotFoundError) return { code: grpc.status.NOT_FOUND, details: err.message };
  if (err instanceof LimitExceededError) return { code: grpc.status.RESOURCE_EXHAUSTED, details: err.message };
  if (err instanceof RunStateUnreadableError) return { code: grpc.status.FAILED_PRECONDITION, details: err.message };
  if (err instanceof FleetUnavailableError) return { code: grpc.status.FAILED_PRECONDITION, details: err.message };
  if (err instanceof KubernetesApiError) return { code: err.transient ? grpc.status.UNAVAILABLE : grpc.status.FAILED_PRECONDITION, details: err.message };
  return { code: grpc.status.INTERNAL, details: 'internal error; see the gateway log' };
}
