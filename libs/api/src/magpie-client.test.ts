import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectTimeoutError } from './errors.js';
import { isGrpcError } from './grpc-errors.js';
import { loadMagpieProto } from './load-magpie-proto.js';
import { createMagpieClient, type MagpieClient } from './magpie-client.js';
import type { MagpieServiceHandlers } from './generated/index.js';
import { recordFromProto, recordToProto, type RecordEvent } from './record-mappers.js';
import { runToProto } from './run-mappers.js';
import { emptyRunCounts } from '@magpie/contracts';
import { fixtures } from '@magpie/testing';

const { everyRecordKind, runState } = fixtures;

const RECORDS = everyRecordKind();
const NO_COUNTS = emptyRunCounts();

/** A tiny in-memory MagpieService: one known run whose records replay from a cursor. */
function handlers(): MagpieServiceHandlers {
  return {
    StartRun: (call, callback) => {
      if (call.request.count === 0) {
        callback({ code: grpc.status.INVALID_ARGUMENT, details: 'count: must be at least 1' });
        return;
      }
      callback(null, { run: runToProto(runState({ clientRequestId: call.request.request_id }), NO_COUNTS), created: true });
    },
    GetRun: (call, callback) => {
      if (call.request.run_id !== 'run-test_1') {
        callback({ code: grpc.status.NOT_FOUND, details: `unknown run ${call.request.run_id}` });
        return;
      }
      callback(null, { run: runToProto(runState({ status: 'succeeded' }), NO_COUNTS) });
    },
    ListRuns: (call, callback) => {
      const runs = [runToProto(runState(), NO_COUNTS), runToProto(runState({ runId: 'other-run' }), NO_COUNTS)];
      callback(null, { runs: runs.slice(0, call.request.page_size || runs.length) });
    },
    CancelRun: (call, callback) => {
      callback(null, { run: runToProto(runState({ status: 'cancelled', reason: call.request.reason }), NO_COUNTS) });
    },
    StreamRecords: (call) => {
      const from = Number(call.request.from_cursor);
      if (call.request.run_id === 'broken') {
        const [first] = RECORDS;
        if (first) call.write(recordToProto(first, 1));
        call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'bus connection lost' });
        return;
      }
      RECORDS.forEach((record, index) => {
        if (index + 1 > from) call.write(recordToProto(record, index + 1));
      });
      call.end();
    },
    WatchRun: (call) => {
      call.write({ run: runToProto(runState({ status: 'succeeded' }), NO_COUNTS), final: true });
      call.end();
    },
    ExportDataset: (call) => {
      call.write({ file_name: 'dataset_info.json', file_size_bytes: 2, offset: 0, data: Buffer.from('{}'), last_chunk: true });
      call.end();
    },
    ListModels: (_call, callback) => callback(null, { models: [{ id: 'm' }], default_reward_model: 'r' }),
    ListDomains: (_call, callback) => callback(null, { domains: [{ name: 'algebra', subtopics: [{ name: 'quadratics' }] }] }),
    GetFleet: (_call, callback) => callback(null, { namespace: 'ml-data', components: [{ component: 'gateway', desired_replicas: 1 }] }),
  };
}

describe('MagpieClient against a real grpc.Server', () => {
  let server: grpc.Server;
  let client: MagpieClient;

  beforeAll(async () => {
    server = new grpc.Server();
    server.addService(loadMagpieProto().service, handlers());
    const port = await new Promise<number>((resolve, reject) => {
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
    });
    client = createMagpieClient(`127.0.0.1:${port}`);
    await client.waitForReady(5_000);
  });

  afterAll(() => {
    client.close();
    server.forceShutdown();
  });

  it('starts, gets, lists and cancels runs', async () => {
    const started = await client.startRun({ domain: 'algebra', count: 5, request_id: 'req-9' });
    expect(started.created).toBe(true);
    expect(started.run).toMatchObject({ run_id: 'run-test_1', status: 'RUN_STATUS_RUNNING', request_id: 'req-9' });

    expect((await client.getRun({ run_id: 'run-test_1' })).status).toBe('RUN_STATUS_SUCCEEDED');
    expect((await client.listRuns({ page_size: 1 })).runs).toHaveLength(1);
    expect((await client.listRuns()).runs.map((r) => r.run_id)).toEqual(['run-test_1', 'other-run']);

    const cancelled = await client.cancelRun({ run_id: 'run-test_1', reason: 'user asked' }, { deadlineMs: 2_000 });
    expect(cancelled).toMatchObject({ status: 'RUN_STATUS_CANCELLED', reason: 'user asked' });
  });

  it('watches a run, exports its files and reads the catalog', async () => {
    const progress = [];
    for await (const message of client.watchRun({ run_id: 'run-test_1' })) progress.push(message);
    expect(progress).toMatchObject([{ final: true, run: { status: 'RUN_STATUS_SUCCEEDED' } }]);
    const chunks = [];
    for await (const chunk of client.exportDataset({ run_id: 'run-test_1', format: 'DATASET_FORMAT_JSONL' })) chunks.push(chunk);
    expect(chunks).toMatchObject([{ file_name: 'dataset_info.json', file_size_bytes: '2', offset: '0', last_chunk: true }]);
    expect(chunks[0]?.data.toString()).toBe('{}');
    expect((await client.listModels()).models.map((m) => m.id)).toEqual(['m']);
    expect((await client.listDomains()).domains[0]?.subtopics.map((s) => s.name)).toEqual(['quadratics']);
    const fleet = await client.getFleet();
    expect(fleet.namespace).toBe('ml-data');
    expect(fleet.components[0]).toMatchObject({ component: 'gateway', desired_replicas: 1, pending_pods: [], autoscaling: null });
  });

  it('rejects with the grpc error and its status code', async () => {
    const error: unknown = await client.startRun({ domain: 'algebra', count: 0 }).catch((e: unknown) => e);
    expect(isGrpcError(error)).toBe(true);
    expect(error).toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: 'count: must be at least 1' });

    await expect(client.getRun({ run_id: 'nope' })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
  });

  it('streams every record in order and ends with the stream', async () => {
    const events: RecordEvent[] = [];
    for await (const event of client.streamRecords({ run_id: 'run-test_1', from_cursor: '0' })) events.push(event);
    expect(events.map((e) => recordFromProto(e))).toEqual(RECORDS.map((record, i) => ({ cursor: i + 1, record })));
  });

  it('resumes after a cursor', async () => {
    const cursors: string[] = [];
    for await (const event of client.streamRecords({ run_id: 'run-test_1', from_cursor: '4' })) cursors.push(event.cursor);
    expect(cursors).toEqual(RECORDS.slice(4).map((_, i) => String(i + 5)));
  });

  it('throws a stream error after the records sent before it', async () => {
    const received: string[] = [];
    const error: unknown = await (async () => {
      for await (const event of client.streamRecords({ run_id: 'broken', from_cursor: '0' })) received.push(event.record_id);
    })().catch((e: unknown) => e);
    expect(received).toHaveLength(1);
    expect(error).toMatchObject({ code: grpc.status.UNAVAILABLE, details: 'bus connection lost' });
  });

  it('cancels the stream when the signal aborts', async () => {
    const controller = new AbortController();
    const error: unknown = await (async () => {
      for await (const _event of client.streamRecords({ run_id: 'run-test_1' }, { signal: controller.signal })) controller.abort();
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: grpc.status.CANCELLED });
  });

  it('applies the deadline to unary calls', async () => {
    const slow = new grpc.Server();
    slow.addService(loadMagpieProto().service, { ...handlers(), GetRun: () => undefined });
    const port = await new Promise<number>((resolve, reject) => {
      slow.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p)));
    });
    const slowClient = createMagpieClient(`127.0.0.1:${port}`);
    try {
      await expect(slowClient.getRun({ run_id: 'x' }, { deadlineMs: 200 })).rejects.toMatchObject({ code: grpc.status.DEADLINE_EXCEEDED });
    } finally {
      slowClient.close();
      slow.forceShutdown();
    }
  });

  it('waitForReady throws ConnectTimeoutError when nothing listens', async () => {
    const nowhere = createMagpieClient('127.0.0.1:1');
    try {
      await expect(nowhere.waitForReady(300)).rejects.toBeInstanceOf(ConnectTimeoutError);
    } finally {
      nowhere.close();
    }
  });
});
