import { describe, expect, it } from 'vitest';
import { ProtoLoadError } from './errors.js';
import { loadMagpieProto } from './load-magpie-proto.js';

describe('loadMagpieProto', () => {
  it('returns the MagpieService definition with every method', () => {
    const { service, packageDefinition } = loadMagpieProto();
    expect(Object.keys(service).sort()).toEqual(
      ['CancelRun', 'ExportDataset', 'GetFleet', 'GetRun', 'ListDomains', 'ListModels', 'ListRuns', 'StartRun', 'StreamRecords', 'WatchRun'],
    );
    expect(service.StreamRecords.responseStream).toBe(true);
    expect(service.WatchRun.responseStream).toBe(true);
    expect(packageDefinition).toHaveProperty(['magpie.v1.StreamRecordsResponse']);
  });

  it('decodes maps, enums and timestamps with the loader options', () => {
    const method = loadMagpieProto().service.GetRun;
    const bytes = method.responseSerialize({ run: { run_id: 'r-1', status: 'RUN_STATUS_FAILED', labels: { team: 'math' }, created_at: { seconds: 5, nanos: 7 } } });
    expect(method.responseDeserialize(bytes).run).toMatchObject({ run_id: 'r-1', status: 'RUN_STATUS_FAILED', labels: { team: 'math' }, created_at: { seconds: '5', nanos: 7 } });
  });

  it('throws ProtoLoadError for a proto without MagpieService', () => {
    expect(() => loadMagpieProto({ nested: { other: { nested: { Empty: { fields: {} } } } } })).toThrow(ProtoLoadError);
  });
});
