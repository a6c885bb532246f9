import * as grpc from '@grpc/grpc-js';
import { RunNotFoundError, RunStateUnreadableError } from '@magpie/runs';
import { describe, expect, it } from 'vitest';
import { badRequestViolations } from '@magpie/api';
import { FailedPreconditionError, InvalidArgumentError, LimitExceededError, NotReadyError, UnauthenticatedError } from './errors.js';
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

  it('answers UNAVAILABLE for NATS and JetStream errors, however deeply wrapped, and for a dataset still being built', () => {
    class ConsumerNotFoundError extends Error {
      override readonly name = 'ConsumerNotFoundError';
    }
    const timeout = Object.assign(new Error('timeout'), { name: 'TimeoutError' });
    expect(toGrpcStatus(new ConsumerNotFoundError('consumer not found'))).toMatchObject({ code: grpc.status.UNAVAILABLE });
    expect(toGrpcStatus(new Error('counts failed', { cause: new Error('request', { cause: timeout }) }))).toMatchObject({ code: grpc.status.UNAVAILABLE });
    expect(toGrpcStatus(new NotReadyError('still building'))).toEqual({ code: grpc.status.UNAVAILABLE, details: 'still building' });
    expect(toGrpcStatus(new FailedPreconditionError('running'))).toEqual({ code: grpc.status.FAILED_PRECONDITION, details: 'running' });
  });

  it('puts a BadRequest naming the field into the INVALID_ARGUMENT metadata', () => {
    const status = toGrpcStatus(new InvalidArgumentError('filters.min_chars', 'must be at least 1'));
    expect(badRequestViolations(status.metadata)).toEqual([{ field: 'filters.min_chars', description: 'must be at least 1' }]);
  });

  it('hides the details of unexpected errors from the client', () => {
    expect(toGrpcStatus(new Error('secret connection string'))).toEqual({ code: grpc.status.INTERNAL, details: 'internal error; see the gateway log' });
  });
});
