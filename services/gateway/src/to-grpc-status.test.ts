import * as grpc from '@grpc/grpc-js';
import { RunNotFoundError, RunStateUnreadableError } from '@magpie/runs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, LimitExceededError, UnauthenticatedError } from './errors.js';
import { toGrpcStatus } from './to-grpc-status.js';

describe('toGrpcStatus', () => {
  it.each([
    [new InvalidArgumentError('count', 'must be at least 1'), grpc.status.INVALID_ARGUMENT],
    [new RunNotFoundError('run x not found'), grpc.status.NOT_FOUND],
    [new LimitExceededError('MAX_ACTIVE_RUNS: 3'), grpc.status.RESOURCE_EXHAUSTED],
    [new UnauthenticatedError('missing bearer token'), grpc.status.UNAUTHENTICATED],
    [new RunStateUnreadableError('run x was stored by an incompatible version'), grpc.status.FAILED_PRECONDITION],
  ])('maps %s', (err, code) => {
    expect(toGrpcStatus(err)).toMatchObject({ code, details: err.message });
  });

  it('hides the details of unexpected errors from the client', () => {
    expect(toGrpcStatus(new Error('secret connection string'))).toEqual({ code: grpc.status.INTERNAL, details: 'internal error; see the gateway log' });
  });
});
