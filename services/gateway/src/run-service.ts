import { randomBytes, randomInt } from 'node:crypto';
import { runStatusMapping, runToProto, type MagpieServiceHandlers, type Run, type StartRunRequest } from '@magpie/api';
import type { Publisher } from '@magpie/bus';
import type { Catalog } from '@magpie/catalog';
import { MAX_RUN_LABELS, MsgIds, RunLabelKey, RunLabelValue, RunRequested, Subjects, type RunState } from '@magpie/contracts';
import type { Logger } from '@magpie/logging';
import { RunExistsError, type RunStore, type RunTracker } from '@magpie/runs';
import type { ActiveRunLimit } from './active-run-limit.js';
import type { CallGuard } from './call-guard.js';
import { PreEncoded, type EncodedRuns } from './encoded-runs.js';
import { listDomainsResponse, listModelsResponse } from './catalog-to-proto.js';
import { InvalidArgumentError } from './errors.js';
import { requireRunId } from './require-run-id.js';
import { resolveRunSpec } from './resolve-run-spec.js';
import type { RunCountsCache } from './run-counts-cache.js';
import type { RunFilter, RunIndex, RunPage } from './run-index.js';
import type { RunLookup } from './run-lookup.js';
import type { RunStreams } from './run-streams.js';

export interface RunServiceOptions {
  readonly store: RunStore;
  /** The gateway's index of run documents (kept from the runs bucket's change feed). */
  readonly index: RunIndex;
  readonly lookup: RunLookup;
  readonly counts: RunCountsCache;
  readonly tracker: RunTracker;
  readonly publisher: Publisher;
  readonly catalog: Catalog;
  readonly logger: Logger;
  readonly maxRunCount: number;
  /** Admits new runs while fewer than MAX_ACTIVE_RUNS are running. */
  readonly activeRuns: ActiveRunLimit;
  readonly guard: CallGuard;
  readonly streams: RunStreams;
  readonly encoded: EncodedRuns;
}

/** What ListRuns asks for, as decoded. */
export interface ListRunsQuery {
  readonly page_size: number;
  readonly page_token: string;
  readonly status: string;
  readonly domain: string;
  readonly label: string;
}

/** ListRuns returns at most this many runs per page, whatever `page_size` asks for. */
export const MAX_PAGE_SIZE = 1_000;
const DEFAULT_PAGE_SIZE = 100;

/** Sortable, unique and a single NATS subject token. */
function newRunId(): string {
  return `run-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

function requireLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  const entries = Object.entries(labels);
  if (entries.length > MAX_RUN_LABELS) throw new InvalidArgumentError('labels', `more than ${MAX_RUN_LABELS} entries`);
  for (const [key, value] of entries) {
    const k = RunLabelKey.safeParse(key);
    if (!k.success) throw new InvalidArgumentError('labels', `key ${JSON.stringify(key.slice(0, 64))} ${k.error.issues[0]?.message ?? 'is invalid'}`);
    const v = RunLabelValue.safeParse(value);
    if (!v.success) throw new InvalidArgumentError('labels', `value of ${key} ${value.length > 63 ? 'is longer than 63 characters' : 'must be printable ASCII'}`);
  }
  return Object.fromEntries(entries);
}

/**
 * The magpie.v1.MagpieService handlers: run control (start, get, list, cancel), the catalog, and
 * the streams (RunStreams). Every handler goes through the CallGuard first. Reads come from the
 * run index and the counts cache, so they cost no NATS request per stored run.
 */
export class RunService {
  readonly #o: RunServiceOptions;

  constructor(options: RunServiceOptions) {
    this.#o = options;
  }

  handlers(): Pick<MagpieServiceHandlers, 'StartRun' | 'GetRun' | 'ListRuns' | 'CancelRun' | 'WatchRun' | 'StreamRecords' | 'ExportDataset' | 'ListModels' | 'ListDomains'> {
    const { guard, streams } = this.#o;
    return {
      StartRun: (call, cb) => guard.unary(call, cb, 'StartRun', (req) => this.startRun(req)),
      GetRun: (call, cb) => guard.unary(call, cb, 'GetRun', (req) => this.getRunEncoded(requireRunId(req.run_id))),
      ListRuns: (call, cb) => guard.unary(call, cb, 'ListRuns', (req) => this.listRunsEncoded(req)),
      CancelRun: (call, cb) => guard.unary(call, cb, 'CancelRun', async (req) => ({ run: await this.cancelRun(requireRunId(req.run_id), req.reason) })),
      ListModels: (call, cb) => guard.unary(call, cb, 'ListModels', () => Promise.resolve(listModelsResponse(this.#o.catalog))),
      ListDomains: (call, cb) => guard.unary(call, cb, 'ListDomains', () => Promise.resolve(listDomainsResponse(this.#o.catalog))),
      WatchRun: (call) => guard.stream(call, 'WatchRun', (req, signal) => streams.watchRun(call, requireRunId(req.run_id), signal)),
      StreamRecords: (call) => guard.stream(call, 'StreamRecords', (req, signal) => streams.streamRecords(call, req, signal)),
      ExportDataset: (call) => guard.stream(call, 'ExportDataset', (req, signal) => streams.exportDataset(call, req, signal)),
    };
  }

  /**
   * Validates, stores and announces a run; a repeated request_id returns the first run. Throws
   * InvalidArgumentError for a bad field and LimitExceededError when MAX_ACTIVE_RUNS runs are
   * running (a retry that finds its earlier run is answered regardless).
   */
  async startRun(req: StartRunRequest): Promise<{ run: Run; created: boolean }> {
    const spec = resolveRunSpec(req, this.#o.catalog, { maxRunCount: this.#o.maxRunCount, randomSeed: () => randomInt(0, 2 ** 31 - 1) });
    const labels = requireLabels(req.labels);
    let runId = newRunId();
    if (req.request_id) {
      const reserved = await this.#o.store.reserveClientRequest(req.request_id, runId);
      if (reserved !== runId) {
        const existing = this.#o.index.get(reserved) ?? (await this.#o.store.get(reserved));
        if (existing) return { run: await this.#toProto(existing), created: false };
        // The first call reserved the id and died (or was refused) before storing its run: finish its work.
        runId = reserved;
      }
    }
    return this.#o.activeRuns.admit(() => this.#createRun(runId, spec, req.request_id, labels));
  }

  async #createRun(runId: string, spec: RunState['spec'], requestId: string, labels: Record<string, string>): Promise<{ run: Run; created: boolean }> {
    const now = new Date().toISOString();
    const state: RunState = {
      schemaVersion: 1,
      runId,
      spec,
      status: 'running',
      createdAt: now,
      updatedAt: now,
      ...(requestId ? { clientRequestId: requestId } : {}),
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
    };
    try {
      await this.#o.store.create(state);
    } catch (err) {
      if (!(err instanceof RunExistsError)) throw err;
    }
    this.#o.index.put(state);
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
    return this.#toProto(await this.#o.lookup.state(runId));
  }

  /** GetRun's response, serialized once per change of the run (see EncodedRuns). */
  async getRunEncoded(runId: string): Promise<PreEncoded> {
    const state = await this.#o.lookup.state(runId);
    return new PreEncoded(this.#o.encoded.run(state, await this.#o.counts.get(state)));
  }

  /** ListRuns' response from serialized runs (see EncodedRuns); the same checks as listRuns. */
  async listRunsEncoded(req: ListRunsQuery): Promise<PreEncoded> {
    const page = await this.#page(req);
    const runs = await Promise.all(page.runs.map(async (s) => this.#o.encoded.run(s, await this.#o.counts.get(s))));
    return new PreEncoded(this.#o.encoded.page(runs, page.nextPageToken));
  }

  /** A page of runs, newest first, by the request's filters. Throws InvalidArgumentError for a bad page size, filter or token. */
  async listRuns(req: ListRunsQuery): Promise<{ runs: Run[]; next_page_token: string }> {
    const page = await this.#page(req);
    return { runs: await Promise.all(page.runs.map((s) => this.#toProto(s))), next_page_token: page.nextPageToken };
  }

  async #page(req: ListRunsQuery): Promise<RunPage> {
    if (req.page_size > MAX_PAGE_SIZE) throw new InvalidArgumentError('page_size', `must be at most ${MAX_PAGE_SIZE}`);
    const status = req.status === 'RUN_STATUS_UNSPECIFIED' ? undefined : runStatusMapping.tryFromProto(req.status);
    if (req.status !== 'RUN_STATUS_UNSPECIFIED' && status === undefined) throw new InvalidArgumentError('status', 'is not a RunStatus');
    const filter: RunFilter = { ...(status ? { status } : {}), ...(req.domain ? { domain: req.domain } : {}), ...(req.label ? { label: req.label } : {}) };
    await this.#o.lookup.ready;
    return this.#o.index.list(filter, req.page_size || DEFAULT_PAGE_SIZE, req.page_token);
  }

  /** Idempotent; throws RunNotFoundError for an unknown run. */
  async cancelRun(runId: string, reason: string): Promise<Run> {
    const { state } = await this.#o.tracker.cancel(runId, reason || 'cancelled by user');
    this.#o.index.put(state);
    return this.#toProto(state);
  }

  async #toProto(state: RunState): Promise<Run> {
    return runToProto(state, await this.#o.counts.get(state));
  }
}
