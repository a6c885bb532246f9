import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import {
  datasetFormatMapping,
  loadMagpieProto,
  recordToProto,
  runToProto,
  type CancelRunRequest,
  type MagpieServiceHandlers,
  type StartRunRequest,
  type StreamRecordsRequest,
} from '@magpie/api';
import { emptyQualitySummary, isTerminal, type AnyRecord, type RunCounts, type RunState, type RunStatus } from '@magpie/contracts';
import { EXPORT_FORMAT_FILES, writeRunDataset, type DatasetFileNames } from '@magpie/dataset';
import { fixtures } from '@magpie/testing';

// Test-only: a real grpc.Server with the real proto, for the CLI's tests (unit and child-process).

export interface FakeGatewayBehaviour {
  /** The records of every run, or of the run a StartRun request asked for. */
  readonly records: readonly AnyRecord[] | ((request: StartRunRequest) => readonly AnyRecord[]);
  readonly finalStatus: RunStatus;
  readonly reason?: string;
  /** Open WatchRun streams fail once with UNAVAILABLE when this many records are stored (StreamRecords: its first stream, after this many). */
  readonly breakAfter?: number;
  /** The run never ends by itself after its records, as a run still in progress (CancelRun ends it). */
  readonly hang?: boolean;
  /**
   * False: the run stores its records only as a client streams them (StreamRecords), so it stays
   * running until one does. Default true: it stores them by itself, a few every 10 ms, then ends.
   */
  readonly feedOnStart?: boolean;
  /** The first this many ExportDataset calls fail with UNAVAILABLE (as a gateway still building the files). */
  readonly exportUnavailable?: number;
  /** ExportDataset announces a wrong SHA-256 for every file. */
  readonly exportCorrupt?: boolean;
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
  /** How many WatchRun and ExportDataset calls arrived. */
  readonly calls: { watchRun: number; exportDataset: number };
  close(): void;
}

/** A complete run of `count` problems in `domain` (the fixtures are algebra). */
export function domainRun(domain: string, count: number): AnyRecord[] {
  return fixtures.completeRun(count).map((record) => (record.kind === 'problem' ? { ...record, domain } : record));
}

/** Written into the exported dataset_info.json as the platform that built it. */
export const FAKE_PLATFORM = { name: 'magpie-reasoning', version: '9.9.9' } as const;
const EXPORT_CHUNK_BYTES = 64 * 1024;

/**
 * Serves runs from fixed records: StartRun answers with the fixtures' run, which then stores the
 * records of that StartRun a few at a time and ends with `finalStatus`; GetRun and WatchRun report
 * it with the counts of the records stored so far (as the real gateway counts what its record log
 * holds); ExportDataset streams the files libs/dataset's DatasetWriter builds from them once the
 * run has ended, as the real gateway does; StreamRecords sends them.
 */
export async function startFakeGateway(behaviour: FakeGatewayBehaviour): Promise<FakeGateway> {
  const startRequests: StartRunRequest[] = [];
  const streamRequests: StreamRecordsRequest[] = [];
  const cancelRequests: CancelRunRequest[] = [];
  const calls = { watchRun: 0, exportDataset: 0 };
  let status: RunStatus = 'running';
  let streams = 0;
  let startFailures = 0;
  let exportFailures = 0;
  let ended = false;
  let finalFailures = 0;
  let feeder: NodeJS.Timeout | undefined;
  let built: Promise<ExportedFiles> | undefined;
  const watchers = new Set<grpc.ServerWritableStream<unknown, unknown>>();
  let watchersBroken = false;
  const unavailable = { code: grpc.status.UNAVAILABLE, details: 'the gateway lost its bus connection' };
  const stored = new Map<string, AnyRecord>();
  // Everything stored, in order, repeats included: what the run's record log would replay.
  const log: AnyRecord[] = [];
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
  const state = (s: RunStatus, reason?: string): RunState => {
    const base = fixtures.runState({ status: s, ...(s === 'running' || !reason ? {} : { reason }) });
    const request = startRequests.at(-1);
    const domain = request?.domain || base.spec.domain;
    const keepUnverified = request?.quality?.keep_unverified ?? false;
    const spec = { ...base.spec, quality: { ...base.spec.quality, keepUnverified }, ...(domain === base.spec.domain ? {} : { domain, subtopics: [] }) };
    return { ...base, spec };
  };
  const run = (s: RunStatus, reason?: string) => runToProto(state(s, reason), counts());
  const store = (record: AnyRecord): void => {
    stored.set(record.recordId, record);
    log.push(record);
    if (!watchersBroken && behaviour.breakAfter !== undefined && stored.size >= behaviour.breakAfter && watchers.size > 0) {
      watchersBroken = true;
      for (const call of watchers) call.emit('error', unavailable);
      watchers.clear();
    }
  };
  const end = (): void => {
    if (behaviour.hang) return;
    status = behaviour.finalStatus;
    ended = true;
  };
  const feed = (): void => {
    const records = recordsNow();
    const batch = Math.max(1, Math.ceil(records.length / 4));
    let next = 0;
    feeder = setInterval(() => {
      if (status === 'cancelled') return clearInterval(feeder);
      for (const record of records.slice(next, next + batch)) store(record);
      next += batch;
      if (next < records.length) return;
      clearInterval(feeder);
      end();
    }, 10);
  };
  /** The run's files as the real gateway builds them: once, from what is stored, for the run's final state. */
  const exportedFiles = (): Promise<ExportedFiles> => {
    built ??= (async () => {
      const final = state(status, behaviour.reason);
      const dir = await mkdtemp(join(tmpdir(), 'fake-gateway-export-'));
      try {
        const { fileNames } = await writeRunDataset({ dir, state: final, records: log, platform: FAKE_PLATFORM, counts: counts() });
        const files = new Map<string, Buffer>();
        for (const role of new Set(Object.values(EXPORT_FORMAT_FILES).flat())) {
          const name = fileNames[role];
          files.set(name, await readFile(join(dir, name)));
        }
        return { files, names: fileNames };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    })();
    return built;
  };
  const handlers: MagpieServiceHandlers = {
    StartRun: (call, callback) => {
      startRequests.push(call.request);
      if (startFailures < (behaviour.startUnavailable ?? 0)) {
        startFailures += 1;
        callback(unavailable);
        return;
      }
      clearInterval(feeder);
      status = 'running';
      ended = false;
      streams = 0;
      built = undefined;
      watchersBroken = false;
      stored.clear();
      log.length = 0;
      if (behaviour.startError) {
        callback(behaviour.startError);
        return;
      }
      callback(null, { run: run('running'), created: true });
      if (behaviour.feedOnStart !== false) feed();
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
          call.emit('error', unavailable);
          return;
        }
        call.write(recordToProto(record, cursor));
        store(record);
        sent += 1;
      }
      end();
      if (!behaviour.hang) call.end();
    },
    // As the real gateway: the run at once, again whenever it changes, and a final message once it has ended.
    WatchRun: (call) => {
      calls.watchRun += 1;
      if (call.request.run_id !== fixtures.RUN_ID) {
        call.emit('error', { code: grpc.status.NOT_FOUND, details: `run ${call.request.run_id} not found` });
        return;
      }
      watchers.add(call);
      let last = '';
      const tick = (): void => {
        if (!watchers.has(call)) return clearInterval(timer);
        const final = ended || status === 'cancelled';
        const message = { run: run(status, behaviour.reason), final };
        const key = JSON.stringify(message);
        if (key !== last) call.write(message);
        last = key;
        if (!final) return;
        clearInterval(timer);
        watchers.delete(call);
        call.end();
      };
      const timer = setInterval(tick, 20);
      call.on('cancelled', () => {
        clearInterval(timer);
        watchers.delete(call);
      });
      tick();
    },
    ExportDataset: (call) => {
      calls.exportDataset += 1;
      void (async () => {
        if (exportFailures < (behaviour.exportUnavailable ?? 0)) {
          exportFailures += 1;
          call.emit('error', { code: grpc.status.UNAVAILABLE, details: `the dataset of run ${fixtures.RUN_ID} is still being built; retry in a moment` });
          return;
        }
        if (!isTerminal(status)) {
          call.emit('error', { code: grpc.status.FAILED_PRECONDITION, details: `run ${fixtures.RUN_ID} is ${status}; its dataset can be exported once it has ended` });
          return;
        }
        const format = call.request.format === 'DATASET_FORMAT_UNSPECIFIED' ? 'magpie_json' : datasetFormatMapping.fromProto(call.request.format);
        const { files, names } = await exportedFiles();
        for (const role of EXPORT_FORMAT_FILES[format]) {
          const name = names[role];
          const data = files.get(name) ?? Buffer.alloc(0);
          const sha256 = behaviour.exportCorrupt ? '0'.repeat(64) : createHash('sha256').update(data).digest('hex');
          for (let offset = 0; offset === 0 || offset < data.length; offset += EXPORT_CHUNK_BYTES) {
            const piece = data.subarray(offset, offset + EXPORT_CHUNK_BYTES);
            call.write({ file_name: name, file_size_bytes: String(data.length), offset: String(offset), data: piece, last_chunk: offset + piece.length >= data.length, sha256 });
          }
        }
        call.end();
      })().catch((error: unknown) => call.emit('error', { code: grpc.status.INTERNAL, details: String(error) }));
    },
    ListModels: (_call, callback) => callback(unimplemented),
    ListDomains: (_call, callback) => callback(unimplemented),
    GetFleet: (_call, callback) => callback(unimplemented),
  };
  const server = new grpc.Server();
  server.addService(loadMagpieProto().service, handlers);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${behaviour.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  });
  return {
    address: `127.0.0.1:${port}`,
    startRequests,
    streamRequests,
    cancelRequests,
    calls,
    close: () => {
      clearInterval(feeder);
      server.forceShutdown();
    },
  };
}

interface ExportedFiles {
  readonly files: ReadonlyMap<string, Buffer>;
  readonly names: DatasetFileNames;
}

const unimplemented = { code: grpc.status.UNIMPLEMENTED, details: 'not in the fake gateway' };
