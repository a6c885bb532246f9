import * as grpc from '@grpc/grpc-js';
import { RunNotFoundError } from '@magpie/runs';
import { InvalidArgumentError } from './errors.js';

/**
 * The one place errors become gRPC statuses. Validation → INVALID_ARGUMENT, unknown run →
 * NOT_FOUND; anything else is INTERNAL with a generic message (details go to the log, not the
 * client).
 */
export function toGrpcStatus(err: unknown): Partial<grpc.StatusObject> & { code: grpc.status; details: string } {
  if (err instanceof InvalidArgumentError) return { code: grpc.status.INVALID_ARGUMENT, details: err.message };
  if (err instanceof RunNotFoundError) return { code: grpc.status.NOT_FOUND, details: err.message };
  return { code: grpc.status.INTERNAL, details: 'internal error; see the gateway log' };
}
