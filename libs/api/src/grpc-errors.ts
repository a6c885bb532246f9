import * as grpc from '@grpc/grpc-js';

/** True for the errors grpc-js calls reject with: an Error carrying a numeric status `code`. */
export function isGrpcError(value: unknown): value is grpc.ServiceError {
  return value instanceof Error && typeof (value as Partial<grpc.ServiceError>).code === 'number';
}

/** The status name for a code, e.g. 3 → 'INVALID_ARGUMENT'; 'UNKNOWN' for codes outside the enum. */
export function grpcStatusName(code: number): string {
  const name = (grpc.status as unknown as Record<number, string | undefined>)[code];
  return typeof name === 'string' ? name : 'UNKNOWN';
}
