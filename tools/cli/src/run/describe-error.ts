import { grpcStatusName, isGrpcError } from '@magpie/api';

/** One line for an error from a gateway call, e.g. `StartRun failed: INVALID_ARGUMENT: count: must be ≥ 1`. */
export function describeGatewayError(call: string, error: unknown): string {
  if (isGrpcError(error)) return `${call} failed: ${grpcStatusName(error.code)}: ${error.details || error.message}`;
  return `${call} failed: ${error instanceof Error ? error.message : String(error)}`;
}
