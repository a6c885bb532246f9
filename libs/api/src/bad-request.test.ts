import * as grpc from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { STATUS_DETAILS_KEY, badRequestMetadata, badRequestViolations, encodeBadRequestStatus } from './bad-request.js';

describe('google.rpc.BadRequest details', () => {
  it('round-trips the field violations through grpc-status-details-bin', () => {
    const violations = [{ field: 'domain_mix[1].domain', description: 'unknown domain "topology"' }];
    const metadata = badRequestMetadata('domain_mix[1].domain: unknown domain "topology"', violations);
    expect(metadata.get(STATUS_DETAILS_KEY)[0]).toBeInstanceOf(Buffer);
    expect(badRequestViolations(metadata)).toEqual(violations);
  });

  it('encodes a google.rpc.Status with the INVALID_ARGUMENT code and the message', () => {
    const bytes = encodeBadRequestStatus('count: must be at least 1', [{ field: 'count', description: 'must be at least 1' }]);
    // field 1 (code) = 3, then field 2 (message).
    expect([...bytes.subarray(0, 2)]).toEqual([0x08, grpc.status.INVALID_ARGUMENT]);
    expect(bytes.toString('latin1')).toContain('count: must be at least 1');
    expect(bytes.toString('latin1')).toContain('type.googleapis.com/google.rpc.BadRequest');
  });

  it('reads no violations from absent or undecodable details', () => {
    expect(badRequestViolations(undefined)).toEqual([]);
    const md = new grpc.Metadata();
    md.set(STATUS_DETAILS_KEY, Buffer.from([0x1a, 0xff, 0xff]));
    expect(badRequestViolations(md)).toEqual([]);
  });
});
