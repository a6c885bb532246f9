import * as grpc from '@grpc/grpc-js';
import {
  loadMagpieProto,
  recordToProto,
  runToProto,
  type CancelRunRequest,
  type MagpieServiceHandlers,
  type StartRunRequest,
  type StreamRecordsRequest,
} from '@magpie/api';
import { emptyQualitySummary, type AnyRecord, type RunCounts, type RunStatus } from '@magpie/contracts';
import { fixtures } from '@magpie/testing';

// Test-only: a real grpc.Server with the real proto, for the CLI's tests (unit and child-process).

export interface FakeGatewayBehaviour {
  /** The records of every run, or of the run a StartRun request asked for. */
  readonly records: readonly AnyRecord[] | ((request: StartRunRequest) => readonly AnyRecord[]);
  readonly finalStatus: RunStatus;
  readonly reason?: string;
  /** The first stream fails with UNAVAILABLE after this many records. */
  readonly breakAfter?: number;
  /** Keep the stream open after the records, as for a run still in progress. */
  readonly hang?: boolean;
  readonly startError?: { code: grpc.status; details: string };
  /** Reported by GetRun as `counts.rejections`. */
  readonly rejections?: RunCounts['rejections'];
  /** The first this many StartRun calls fail with UNAVAILABLE (as a gateway whose bus is restarting). */
  readonly startUnavailable?: number;
  /** Once the stream has ended, this many GetRun calls fail with UNAVAILABLE (Infinity: all of them). */
  readonly finalGetRunUnavailable?: number;
  /** Listen on this port (default: any free one). */
  readonly port?: number;
}

export interface FakeGateway {
  readonly address: string;
  readonly startRequests: StartRunRequest[];
  readonly streamRequests: StreamRecordsRequest[];
  readonly cancelRequests: CancelRunRequest[];
  close(): void;
}

/** A complete run of `count` problems in `domain` (the fixtures are algebra). */
export function domainRun(domain: string, count: number): AnyRecord[] {
  return fixtures.completeRun(count).map((record) => (record.kind === 'problem' ? { ...record, domain } : record));
}

/**
 * Serves runs from fixed records: StartRun answers with the fixtures' run, StreamRecords sends
 * the records of the latest StartRun and ends with `finalStatus`, GetRun and WatchRun report it
 * with the counts of the records sent so far (as the real gateway counts what its record log holds).
 */
export async function startFakeGateway(behaviour: FakeGatewayBehaviour): Promise<FakeGateway> {
  const startRequests: StartRunRequest[] = [];
  const streamRequests: StreamRecordsRequest[] = [];
  const cancelRequests: CancelRunRequest[] = [];
  let status: RunStatus = 'running';
  let streams = 0;
  let startFailures = 0;
  let ended = false;
  let finalFailures = 0;
  const unavailable = { code: grpc.status.UNAVAILABLE, details: 'the gateway lost its bus connection' };
  const stored = new Map<string, AnyRecord>();
  const counts = (): RunCounts => {
    const records = { problem: 0, solution: 0, samples: 0, rewards: 0, tags: 0 };
    const quality = emptyQualitySummary();
    for (const record of stored.values()) {
      records[record.kind] += 1;
      // The platform counts each evaluated problem's agreement, verdict and pair; so does this fake.
      if (record.kind !== 'rewards') continue;
      quality.agreement[record.agreement.level] += 1;
      if (record.sft.verified) quality.sft.verified += 1;
      else {
        quality.sft.unverified += 1;
        const outcome = record.sft.outcome === 'verified' ? undefined : record.sft.outcome;
        if (outcome) quality.sft.unverifiedByOutcome[outcome] = (quality.sft.unverifiedByOutcome[outcome] ?? 0) + 1;
      }
      if (record.pair.skipReason === null) quality.pairs.kept += 1;
      else quality.pairs.skipped += 1;
    }
    const evaluated = quality.sft.verified + quality.sft.unverified;
    quality.sft.verifiedShare = evaluated > 0 ? quality.sft.verified / evaluated : null;
    return { records, deadLettered: 0, rejections: { ...behaviour.rejections }, flags: {}, quality };
  };
  const recordsNow = (): readonly AnyRecord[] => {
    const latest = startRequests.at(-1);
    if (typeof behaviour.records !== 'function') return behaviour.records;
    return latest ? behaviour.records(latest) : [];
  };
  const run = (s: RunStatus, reason?: string) =>
    runToProto(fixtures.runState({ status: s, ...(s === 'running' || !reason ? {} : { reason }) }), counts());
  const handlers: Omit<MagpieServiceHandlers, 'WatchRun' | 'ExportDataset' | 'ListModels' | 'ListDomains' | 'GetFleet'> & Partial<MagpieServiceHandlers> = {
    StartRun: (call, callback) => {
      startRequests.push(call.request);
      if (startFailures < (behaviour.startUnavailable ?? 0)) {
        startFailures += 1;
        callback(unavailable);
        return;
      }
      status = 'running';
      ended = false;
      streams = 0;
      stored.clear();
      if (behaviour.startError) callback(behaviour.startError);
      else callback(null, { run: run('running'), created: true });
    },
    GetRun: (call, callback) => {
      if (call.request.run_id !== fixtures.RUN_ID) {
        callback({ code: grpc.status.NOT_FOUND, details: `run ${call.request.run_id} not found` });
        return;
      }
      if (ended && finalFailures < (behaviour.finalGetRunUnavailable ?? 0)) {
        finalFailures += 1;
        callback(unavailable);
        return;
      }
      callback(null, { run: run(status, behaviour.reason) });
    },
    ListRuns: (_call, callback) => callback(null, { runs: startRequests.length > 0 ? [run(status, behaviour.reason)] : [] }),
    CancelRun: (call, callback) => {
      cancelRequests.push(call.request);
      status = 'cancelled';
      callback(null, { run: run('cancelled', call.request.reason) });
    },
    StreamRecords: (call) => {
      streamRequests.push(call.request);
      streams += 1;
      const from = Number(call.request.from_cursor);
      const first = streams === 1;
      let sent = 0;
      for (const [index, record] of recordsNow().entries()) {
        const cursor = index + 1;
        if (cursor <= from) continue;
        if (first && behaviour.breakAfter !== undefined && sent === behaviour.breakAfter) {
          call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'gateway lost its bus connection' });
          return;
        }
        call.write(recordToProto(record, cursor));
        stored.set(record.recordId, record);
        sent += 1;
      }
      if (behaviour.hang) return;
      status = behaviour.finalStatus;
      ended = true;
      call.end();
    },
  };
  // As the real gateway: the run at once, again whenever it changes, and a final message once it has ended.
  handlers.WatchRun = (call) => {
    if (call.request.run_id !== fixtures.RUN_ID) {
      call.emit('error', { code: grpc.status.NOT_FOUND, details: `run ${call.request.run_id} not found` });
      return;
    }
    let last = '';
    const tick = (): void => {
      const final = ended || status === 'cancelled';
      const message = { run: run(status, behaviour.reason), final };
      const key = JSON.stringify(message);
      if (key !== last) call.write(message);
      last = key;
      if (!final) return;
      clearInterval(timer);
      call.end();
    };
    const timer = setInterval(tick, 20);
    call.on('cancelled', () => clearInterval(timer));
    tick();
  };
  const unimplemented = { code: grpc.status.UNIMPLEMENTED, details: 'not in the fake gateway' };
  handlers.ExportDataset = (call) => call.emit('error', unimplemented);
  handlers.ListModels = (_call, callback) => callback(unimplemented);
  handlers.ListDomains = (_call, callback) => callback(unimplemented);
  const server = new grpc.Server();
  server.addService(loadMagpieProto().service, handlers);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${behaviour.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  });
  return { address: `127.0.0.1:${port}`, startRequests, streamRequests, cancelRequests, close: () => server.forceShutdown() };
}
