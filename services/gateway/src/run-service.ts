import { randomBytes, randomInt } from 'node:crypto';
import { once } from 'node:events';
import { recordToProto, runToProto, type MagpieServiceHandlers, type Run, type StartRunRequest } from '@magpie/api';
import type { Publisher } from '@magpie/bus';
import type { Catalog } from '@magpie/catalog';
import { MsgIds, RunRequested, Subjects, isTerminal, type RunState } from '@magpie/contracts';
import type { Logger } from '@magpie/logging';
import { RunExistsError, RunNotFoundError, type RecordLog, type RunStore, type RunTracker } from '@magpie/runs';
import * as grpc from '@grpc/grpc-js';
import type { ActiveRunLimit } from './active-run-limit.js';
import type { BearerAuthenticator } from './bearer-authenticator.js';
import { InvalidArgumentError } from './errors.js';
import { requireWellFormed } from './require-well-formed.js';
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
  /** Checks every call's bearer token (a no-op when no token is configured). */
  readonly authenticator: BearerAuthenticator;
  /** Admits new runs while fewer than MAX_ACTIVE_RUNS are running. */
  readonly activeRuns: ActiveRunLimit;
}

const RUN_ID = /^[A-Za-z0-9_-]{3,64}$/;
/** ListRuns returns at most this many runs, whatever `limit` asks for. */
export const MAX_LIST_LIMIT = 1_000;

function requireRunId(runId: string): string {
  if (!runId) throw new InvalidArgumentError('run_id', 'required');
  if (!RUN_ID.test(runId)) throw new InvalidArgumentError('run_id', 'must be 3-64 letters, digits, "-" or "_"');
  return runId;
}

/** Sortable, unique and a single NATS subject token. */
function newRunId(): string {
  return `run-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/**
 * The magpie.v1.MagpieService handlers: authentication, validation, run control, and record
 * streaming. Every handler authenticates first, then rejects malformed requests (undecodable
 * bytes, invalid UTF-8, over-long strings) before it looks at any field.
 */
export class RunService {
  readonly #o: RunServiceOptions;

  constructor(options: RunServiceOptions) {
    this.#o = options;
  }

  handlers(): MagpieServiceHandlers {
    return {
      StartRun: (call, cb) => this.#unary(call, cb, 'StartRun', (req) => this.startRun(req)),
      GetRun: (call, cb) => this.#unary(call, cb, 'GetRun', (req) => this.getRun(requireRunId(req.run_id))),
      ListRuns: (call, cb) => this.#unary(call, cb, 'ListRuns', async (req) => ({ runs: await this.listRuns(req.limit) })),
      CancelRun: (call, cb) => this.#unary(call, cb, 'CancelRun', (req) => this.cancelRun(requireRunId(req.run_id), req.reason)),
      StreamRecords: (call) => void this.#streamRecords(call),
    };
  }

  /**
   * Validates, stores and announces a run; a repeated client_request_id returns the first run.
   * Throws InvalidArgumentError for a bad field and LimitExceededError when MAX_ACTIVE_RUNS runs
   * are running (a retry that finds its earlier run is answered regardless).
   */
  async startRun(req: StartRunRequest): Promise<{ run: Run; created: boolean }> {
    const spec = resolveRunSpec(req, this.#o.catalog, { maxRunCount: this.#o.maxRunCount, randomSeed: () => randomInt(0, 2 ** 31 - 1) });
    let runId = newRunId();
    if (req.client_request_id) {
      const reserved = await this.#o.store.reserveClientRequest(req.client_request_id, runId);
      if (reserved !== runId) {
        const existing = await this.#o.store.get(reserved);
        if (existing) return { run: await this.#toProto(existing), created: false };
        // The first call reserved the id and died (or was refused) before storing its run: finish its work.
        runId = reserved;
      }
    }
    return this.#o.activeRuns.admit(() => this.#createRun(runId, spec, req.client_request_id));
  }

  async #createRun(runId: string, spec: RunState['spec'], clientRequestId: string): Promise<{ run: Run; created: boolean }> {
    const now = new Date().toISOString();
    const state: RunState = {
      schemaVersion: 1,
      runId,
      spec,
      status: 'running',
      createdAt: now,
      updatedAt: now,
      ...(clientRequestId ? { clientRequestId } : {}),
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
    const states = await this.#o.store.list(limit > 0 ? Math.min(limit, MAX_LIST_LIMIT) : 100);
    return Promise.all(states.map((s) => this.#toProto(s)));
  }

  /** Idempotent; throws RunNotFoundError for an unknown run. */
  async cancelRun(runId: string, reason: string): Promise<Run> {
    const { state } = await this.#o.tracker.cancel(runId, reason || 'cancelled by user');
    return this.#toProto(state);
  }

  async #toProto(state: RunState): Promise<Run> {
    return runToProto(state, await this.#o.log.counts(state.runId));
  }

  /** Authenticates, then checks the request is well-formed; throws what toGrpcStatus maps. */
  #admit<TReq>(call: { metadata: grpc.Metadata; request: TReq }): TReq {
    this.#o.authenticator.authenticate(call.metadata);
    return requireWellFormed(call.request);
  }

  #unary<TReq, TRes>(
    call: grpc.ServerUnaryCall<TReq, unknown>,
    callback: grpc.sendUnaryData<TRes>,
    method: string,
    work: (request: TReq) => Promise<TRes>,
  ): void {
    Promise.resolve()
      .then(() => work(this.#admit(call)))
      .then(
        (res) => callback(null, res),
        (err: unknown) => {
          const status = toGrpcStatus(err);
          if (status.code === grpc.status.INTERNAL) this.#o.logger.error({ err, method, peer: call.getPeer() }, 'request failed');
          else if (status.code === grpc.status.UNAUTHENTICATED) this.#o.logger.warn({ method, peer: call.getPeer() }, 'unauthenticated call refused');
          callback(status, null);
        },
      );
  }

  async #streamRecords(call: Parameters<MagpieServiceHandlers['StreamRecords']>[0]): Promise<void> {
    const abort = new AbortController();
    call.on('cancelled', () => abort.abort());
    try {
      const request = this.#admit(call);
      const runId = requireRunId(request.run_id);
      const fromCursor = Number(request.from_cursor || '0');
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
      else if (status.code === grpc.status.UNAUTHENTICATED) this.#o.logger.warn({ method: 'StreamRecords', peer: call.getPeer() }, 'unauthenticated call refused');
      call.emit('error', status);
    }
  }
}
