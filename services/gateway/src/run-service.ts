import { randomBytes, randomInt } from 'node:crypto';
import { once } from 'node:events';
import { recordToProto, runToProto, type MagpieServiceHandlers, type Run, type StartRunRequest } from '@magpie/api';
import type { Publisher } from '@magpie/bus';
import type { Catalog } from '@magpie/catalog';
import { MsgIds, RunRequested, Subjects, isTerminal, type RunState } from '@magpie/contracts';
import type { Logger } from '@magpie/logging';
import { RunExistsError, RunNotFoundError, type RecordLog, type RunStore, type RunTracker } from '@magpie/runs';
import * as grpc from '@grpc/grpc-js';
import { InvalidArgumentError } from './errors.js';
import { resolveRunSpec } from './resolve-run-spec.js';
import { toGrpcStatus } from './to-grpc-status.js';

export interface RunServiceOptions {
  readonly store: RunStore;
  readonly log: RecordLog;
  readonly tracker: RunTracker;
  readonly publisher: Publisher;
  readonly catalog: Catalog;
  readonly logger: Logger;
  readonly maxRunCount: number;
}

const RUN_ID = /^[A-Za-z0-9_-]{3,64}$/;

function requireRunId(runId: string): string {
  if (!runId) throw new InvalidArgumentError('run_id', 'required');
  if (!RUN_ID.test(runId)) throw new InvalidArgumentError('run_id', 'must be 3-64 letters, digits, "-" or "_"');
  return runId;
}

/** Sortable, unique and a single NATS subject token. */
function newRunId(): string {
  return `run-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** The magpie.v1.MagpieService handlers: validation, run control, and record streaming. */
export class RunService {
  readonly #o: RunServiceOptions;

  constructor(options: RunServiceOptions) {
    this.#o = options;
  }

  handlers(): MagpieServiceHandlers {
    return {
      StartRun: (call, cb) => this.#unary(call, cb, 'StartRun', () => this.startRun(call.request)),
      GetRun: (call, cb) => this.#unary(call, cb, 'GetRun', () => this.getRun(requireRunId(call.request.run_id))),
      ListRuns: (call, cb) => this.#unary(call, cb, 'ListRuns', async () => ({ runs: await this.listRuns(call.request.limit) })),
      CancelRun: (call, cb) =>
        this.#unary(call, cb, 'CancelRun', () => this.cancelRun(requireRunId(call.request.run_id), call.request.reason)),
      StreamRecords: (call) => void this.#streamRecords(call),
    };
  }

  /** Validates, stores and announces a run; a repeated client_request_id returns the first run. */
  async startRun(req: StartRunRequest): Promise<{ run: Run; created: boolean }> {
    const spec = resolveRunSpec(req, this.#o.catalog, { maxRunCount: this.#o.maxRunCount, randomSeed: () => randomInt(0, 2 ** 31 - 1) });
    let runId = newRunId();
    if (req.client_request_id) {
      const reserved = await this.#o.store.reserveClientRequest(req.client_request_id, runId);
      if (reserved !== runId) {
        const existing = await this.#o.store.get(reserved);
        if (existing) return { run: await this.#toProto(existing), created: false };
        // The first call reserved the id and died before storing its run: finish its work.
        runId = reserved;
      }
    }
    const now = new Date().toISOString();
    const state: RunState = {
      schemaVersion: 1,
      runId,
      spec,
      status: 'running',
      createdAt: now,
      updatedAt: now,
      ...(req.client_request_id ? { clientRequestId: req.client_request_id } : {}),
    };
    try {
      await this.#o.store.create(state);
    } catch (err) {
      if (!(err instanceof RunExistsError)) throw err;
    }
    await this.#o.publisher.publish(
      Subjects.runEvent(runId, 'requested'),
      RunRequested,
      { schemaVersion: 1, runId, spec, requestedAt: now },
      MsgIds.runEvent(runId, 'requested'),
    );
    this.#o.logger.info({ runId, domain: spec.domain, count: spec.count, model: spec.generator.model }, 'run started');
    return { run: await this.#toProto(state), created: true };
  }

  /** Throws RunNotFoundError for an unknown run. */
  async getRun(runId: string): Promise<Run> {
    const state = await this.#o.store.get(runId);
    if (!state) throw new RunNotFoundError(`run ${runId} not found`);
    return this.#toProto(state);
  }

  async listRuns(limit: number): Promise<Run[]> {
    const states = await this.#o.store.list(limit > 0 ? Math.min(limit, 1_000) : 100);
    return Promise.all(states.map((s) => this.#toProto(s)));
  }

  /** Idempotent; throws RunNotFoundError for an unknown run. */
  async cancelRun(runId: string, reason: string): Promise<Run> {
    const { state } = await this.#o.tracker.cancel(runId, reason.slice(0, 1024) || 'cancelled by user');
    return this.#toProto(state);
  }

  async #toProto(state: RunState): Promise<Run> {
    const [counts, deadLettered, rejections] = await Promise.all([
      this.#o.log.counts(state.runId),
      this.#o.log.deadLetterCount(state.runId),
      this.#o.log.rejectionCounts(state.runId),
    ]);
    return runToProto(state, counts, deadLettered, rejections);
  }

  #unary<TReq, TRes>(
    call: grpc.ServerUnaryCall<TReq, unknown>,
    callback: grpc.sendUnaryData<TRes>,
    method: string,
    work: () => Promise<TRes>,
  ): void {
    work().then(
      (res) => callback(null, res),
      (err: unknown) => {
        const status = toGrpcStatus(err);
        if (status.code === grpc.status.INTERNAL) this.#o.logger.error({ err, method, peer: call.getPeer() }, 'request failed');
        callback(status, null);
      },
    );
  }

  async #streamRecords(call: Parameters<MagpieServiceHandlers['StreamRecords']>[0]): Promise<void> {
    const abort = new AbortController();
    call.on('cancelled', () => abort.abort());
    try {
      const runId = requireRunId(call.request.run_id);
      const fromCursor = Number(call.request.from_cursor || '0');
      if (!Number.isSafeInteger(fromCursor) || fromCursor < 0) throw new InvalidArgumentError('from_cursor', 'must be a non-negative integer');
      if (!(await this.#o.store.get(runId))) throw new RunNotFoundError(`run ${runId} not found`);
      const records = this.#o.log.read(runId, {
        fromCursor,
        signal: abort.signal,
        isFinished: async () => {
          const state = await this.#o.store.get(runId);
          return state === undefined || isTerminal(state.status);
        },
      });
      for await (const { cursor, record } of records) {
        // Backpressure: a slow client makes us wait here, and nothing more is pulled meanwhile.
        if (!call.write(recordToProto(record, cursor))) {
          await Promise.race([once(call, 'drain'), once(abort.signal, 'abort')]);
        }
        if (abort.signal.aborted) return;
      }
      call.end();
    } catch (err) {
      if (abort.signal.aborted) return;
      const status = toGrpcStatus(err);
      if (status.code === grpc.status.INTERNAL) this.#o.logger.error({ err, method: 'StreamRecords' }, 'stream failed');
      call.emit('error', status);
    }
  }
}
