import { describe, expect, it } from 'vitest';
import { ProtoLoadError } from './errors.js';
import { loadMagpieProto } from './load-magpie-proto.js';

describe('loadMagpieProto', () => {
  it('returns the MagpieService definition with every method', () => {
    const { service, packageDefinition } = loadMagpieProto();
    expect(Object.keys(service)).toEqual(expect.arrayContaining(['StartRun', 'GetRun', 'ListRuns', 'CancelRun', 'StreamRecords']));
    expect(service.StreamRecords?.responseStream).toBe(true);
    expect(packageDefinition).toHaveProperty(['magpie.v1.RecordEvent']);
  });

  it('loads afresh on every call', () => {
    expect(loadMagpieProto().packageDefinition).not.toBe(loadMagpieProto().packageDefinition);
  });

  it('throws ProtoLoadError for a missing file', () => {
    expect(() => loadMagpieProto('/nonexistent/magpie.proto')).toThrow(ProtoLoadError);
  });
});
