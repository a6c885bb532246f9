import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Catalog } from '@magpie/catalog';
import { createLogger, toError, type Logger } from '@magpie/logging';
import { applyFaultsPatch, faultsBody } from './admin-faults.js';
import { handleArmoRmScore } from './armorm-handler.js';
import { BatchScheduler, type SchedulingPolicy } from './batch-scheduler.js';
import { handleChat } from './chat-handler.js';
import { handleClassify } from './classify-handler.js';
import { handleCompletions } from './completions-handler.js';
import { SimHttpError } from './errors.js';
import { FaultInjector, faultLabel, NO_FAULTS, type Fault, type FaultSettings } from './fault-injector.js';
import { listModels } from './models-handler.js';
import { handlePooling } from './pooling-handler.js';
import { readJsonBody } from './read-json-body.js';
import { requestPriority } from './request-priority.js';
import type { HandlerResult, SimContext } from './sim-context.js';
import { createSimContext } from './create-sim-context.js';
import { handleEmbeddings } from './embeddings-handler.js';
import { PrefixCache } from './prefix-cache.js';
import type { AnswerJudge } from './realistic/answer-judge.js';
import type { RealismSettings, SimProfile } from './realistic/realism-settings.js';
import { SimMetrics } from './sim-metrics.js';
import { A100_32B_TIMING, type TimingParams } from './timing-params.js';
import { handleTruth } from './truth-handler.js';
import { EMBEDDING_MODELS } from './realistic/text-embedding.js';

export interface LlmSimulatorOptions {
  readonly catalog: Catalog;
  /** A silent logger when omitted. */
  readonly logger?: Logger;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (any free port; start() tells which). */
  readonly port?: number;
  /** Default 1234. */
  readonly seed?: number;
  /** `realistic` (default) models real models; `ideal` is the plumbing double (fixed accuracy, oracle rewards, exact steering). */
  readonly profile?: SimProfile;
  /** Realistic-profile settings; DEFAULT_REALISM for any left out. Throws RealismSettingsError from the constructor when invalid. */
  readonly realism?: Partial<RealismSettings>;
  /** The ideal profile's probability that a sampled chat solution is correct; default 0.8. */
  readonly accuracy?: number;
  /** Model vLLM's prefix caching (n samples of one prompt prefill once, repeated prefixes are cached); default: on in the realistic profile. */
  readonly prefixCache?: boolean;
  /** Prefix-cache capacity in tokens; default 200,000. */
  readonly prefixCacheTokens?: number;
  /** Fixed extra wall-clock latency per generation/scoring request, on top of the timing model; default 0. */
  readonly delayMs?: number;
  /** Put reasoning in message.reasoning/reasoning_content instead of inline <think>; default false. */
  readonly reasoningParser?: boolean;
  /** Probability that a Magpie problem choice comes back empty; default 0. */
  readonly emptyRate?: number;
  /** Simulated ms per wall ms; default 0 = instant (no timing model). */
  readonly timeScale?: number;
  /**
   * Timing-model parameters given explicitly; they apply to every model. The rest come from the
   * profile: A100_32B_TIMING for all models (ideal), or each model's A100 timing (realistic).
   */
  readonly timing?: Partial<TimingParams>;
  /** Fault rates; none by default. Throws FaultSettingsError from the constructor when invalid. */
  readonly faults?: Partial<FaultSettings>;
  /**
   * vLLM's `--scheduling-policy`; default `fcfs`, which (as vLLM) refuses a request priority other
   * than 0. `priority` admits waiting sequences by their request's priority, lower first.
   */
  readonly schedulingPolicy?: SchedulingPolicy;
}

type PostHandler = (ctx: SimContext, body: unknown) => HandlerResult;

/** Endpoints that run through the timing model and can be faulted. */
const MODEL_ROUTES: Readonly<Record<string, PostHandler>> = {
  '/v1/completions': handleCompletions,
  '/v1/chat/completions': handleChat,
  '/classify': handleClassify,
  '/pooling': handlePooling,
  '/v1/armorm/score': handleArmoRmScore,
  '/v1/embeddings': handleEmbeddings,
};
/** Never faulted or timed: health, observability and control. */
const GET_ROUTES = new Set(['/v1/models', '/health', '/metrics', '/sim/stats', '/admin/faults']);
/** Simulator-only POST endpoints, never faulted or timed. */
const CONTROL_POST_ROUTES = new Set(['/admin/faults', '/sim/truth']);

/** A slow request's extra delay is based on at least this much latency, so slowness shows even with instant timing. */
const SLOW_FLOOR_MS = 100;

const ERROR_TYPES = { 500: 'InternalServerError', 503: 'ServiceUnavailableError', 429: 'TooManyRequestsError' } as const;

/**
 * An OpenAI/vLLM-compatible HTTP server that stands in for vLLM: /v1/models, /v1/completions,
 * /v1/chat/completions, /classify, /pooling, /v1/armorm/score, /health and /metrics, plus
 * /sim/stats and /admin/faults. Requests go through a continuous-batching timing model (see
 * BatchScheduler) and seeded fault injection. Outputs are deterministic functions of the seed, the
 * request and its position (see choiceSeed). Each instance has its own state.
 */
export class LlmSimulator {
  readonly #options: LlmSimulatorOptions;
  readonly #ctx: SimContext;
  readonly #scheduler: BatchScheduler;
  readonly #faults: FaultInjector;
  readonly #judge: AnswerJudge;
  readonly #prefixCache: PrefixCache | undefined;
  /** Requests being answered; stop() waits for them, then drops every connection left (hung ones included). */
  readonly #inFlight = new Set<Promise<void>>();
  #server: Server | undefined;

  /** Throws FaultSettingsError for invalid fault rates and RealismSettingsError for invalid realism settings. */
  constructor(options: LlmSimulatorOptions) {
    this.#options = options;
    const seed = options.seed ?? 1234;
    const profile = options.profile ?? 'realistic';
    const metrics = new SimMetrics({
        models: [...options.catalog.models.ids, ...options.catalog.models.rewardIds, ...Object.keys(EMBEDDING_MODELS)],
        engine: () => {
          const stats = this.#scheduler.stats();
          return { kvCacheUsagePerc: stats.runningSeqs / stats.maxNumSeqs, slots: stats.maxNumSeqs, busySlotSeconds: stats.busySlotSeconds, busySlotWallSeconds: stats.busySlotWallSeconds };
        },
      });
    const { ctx, judge } = createSimContext({
      catalog: options.catalog,
      logger: options.logger ?? createLogger({ name: 'llm-sim', level: 'silent' }),
      metrics,
      seed,
      profile,
      accuracy: options.accuracy ?? 0.8,
      realism: options.realism ?? {},
      reasoningParser: options.reasoningParser ?? false,
      emptyRate: options.emptyRate ?? 0,
      timing: options.timing ?? {},
    });
    this.#ctx = ctx;
    this.#judge = judge;
    this.#prefixCache = (options.prefixCache ?? profile === 'realistic') ? new PrefixCache(options.prefixCacheTokens ?? 200_000) : undefined;
    this.#scheduler = new BatchScheduler({ params: { ...A100_32B_TIMING, ...options.timing }, timeScale: options.timeScale ?? 0, policy: options.schedulingPolicy ?? 'fcfs' });
    this.#faults = new FaultInjector({ seed, settings: { ...NO_FAULTS, ...options.faults } });
  }

  /** Listens and resolves with the bound port. Rejects when the port cannot be bound. Idempotent. */
  async start(): Promise<number> {
    if (this.#server) return (this.#server.address() as AddressInfo).port;
    const server = createServer((req, res) => {
      const handling = this.#handle(req, res);
      this.#inFlight.add(handling);
      void handling.finally(() => this.#inFlight.delete(handling));
    });
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#options.port ?? 0, this.#options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    }).catch((err: unknown) => {
      this.#server = undefined;
      throw err;
    });
    return (server.address() as AddressInfo).port;
  }

  /** Stops accepting connections, resolves once in-flight requests have been answered; hung requests are dropped. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive sockets (the openai client keeps them) would otherwise hold close() open.
    server.closeIdleConnections();
    await Promise.allSettled([...this.#inFlight]);
    // What is left never gets an answer: hung requests, and connections a client abandoned mid-request.
    server.closeAllConnections();
    await closed;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const model = MODEL_ROUTES[path];
    const known = model !== undefined || GET_ROUTES.has(path) || CONTROL_POST_ROUTES.has(path);
    this.#ctx.metrics.request(known ? path : 'other');
    try {
      if (!known) return sendJson(res, 404, { detail: 'Not Found' });
      const allowed = model || path === '/sim/truth' ? ['POST'] : path === '/admin/faults' ? ['GET', 'POST'] : ['GET'];
      if (!allowed.includes(req.method ?? '')) return sendJson(res, 405, { detail: 'Method Not Allowed' });
      if (model) return await this.#serve(model, req, res);
      return await this.#serveControl(path, req, res);
    } catch (err) {
      if (err instanceof SimHttpError) return sendJson(res, err.status, err.toBody());
      this.#ctx.logger.error({ err: toError(err), path }, 'request failed');
      return sendJson(res, 500, new SimHttpError(500, 'InternalServerError', 'internal simulator error').toBody());
    }
  }

  async #serveControl(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    switch (path) {
      case '/health':
        return void res.writeHead(200).end();
      case '/metrics': {
        const text = await this.#ctx.metrics.render();
        return void res.writeHead(200, { 'content-type': this.#ctx.metrics.contentType }).end(text);
      }
      case '/sim/stats': {
        const stats = this.#scheduler.stats();
        const capacity = stats.maxNumSeqs * stats.simulatedSeconds;
        return sendJson(res, 200, { ...stats, utilisation: capacity > 0 ? stats.busySlotSeconds / capacity : null });
      }
      case '/sim/truth':
        return sendJson(res, 200, handleTruth(this.#ctx, this.#judge, await readJsonBody(req)));
      case '/admin/faults':
        if (req.method === 'POST') return sendJson(res, 200, applyFaultsPatch(this.#faults, await readJsonBody(req)));
        return sendJson(res, 200, faultsBody(this.#faults.settings));
      default:
        return sendJson(res, 200, listModels(this.#ctx.catalog, Object.keys(EMBEDDING_MODELS)));
    }
  }

  async #serve(handler: PostHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = performance.now();
    // Drawn before the first await, in the order the requests arrived, so the k-th request's fault
    // does not depend on how fast its body comes in or how loaded the machine is.
    const fault = this.#faults.next();
    const body = await readJsonBody(req);
    const label = faultLabel(fault);
    if (label) this.#ctx.metrics.fault(label);
    if (this.#injectImmediate(fault, req, res)) return;
    const priority = requestPriority(body, this.#options.schedulingPolicy ?? 'fcfs');
    const result = handler(this.#ctx, body);
    const { metrics } = this.#ctx;
    metrics.requestQueued(result.model, Math.max(1, result.sequenceTokens.length));
    const cachedTokens = this.#cachedPrefixTokens(result);
    const timing = await this.#scheduler.run({
      promptTokens: result.promptTokens - cachedTokens,
      sequenceTokens: result.sequenceTokens,
      timing: this.#ctx.timingFor(result.model),
      sharedPrefill: this.#prefixCache !== undefined,
      priority,
      onAdmit: () => metrics.sequenceAdmitted(result.model),
      onRetire: () => metrics.sequenceRetired(result.model),
    });
    const delayMs = this.#options.delayMs ?? 0;
    if (delayMs > 0) await sleep(delayMs);
    if (fault.kind === 'slow') {
      const latencyMs = Math.max(performance.now() - arrived, SLOW_FLOOR_MS);
      await sleep((this.#faults.settings.slowFactor - 1) * latencyMs);
    }
    metrics.requestSucceeded({ ...result, ...timing, e2eSeconds: (performance.now() - arrived) / 1000 });
    if (fault.kind === 'malformed') {
      const text = JSON.stringify(result.body);
      // Half a JSON object is never valid JSON: its closing brace is missing.
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(text.slice(0, Math.floor(text.length / 2)));
    }
    sendJson(res, 200, result.body);
  }

  /** Prompt tokens the prefix cache already holds for this request (0 without prefix caching). */
  #cachedPrefixTokens(result: HandlerResult): number {
    if (!this.#prefixCache || !result.prompts) return 0;
    const hits = result.prompts.reduce((sum, prompt) => sum + (this.#prefixCache?.lookup(prompt) ?? 0), 0);
    const cached = Math.min(hits, result.promptTokens);
    this.#ctx.metrics.prefixCache(result.model, result.promptTokens, cached);
    return cached;
  }

  /** Carries out a fault that replaces the answer; true when the request is dealt with. */
  #injectImmediate(fault: Fault, req: IncomingMessage, res: ServerResponse): boolean {
    switch (fault.kind) {
      case 'reset':
        req.socket.destroy();
        return true;
      case 'hang':
        // Never answer; the connection stays open until the client gives up or stop() drops it.
        return true;
      case 'error': {
        const error = new SimHttpError(fault.status, ERROR_TYPES[fault.status], `simulated fault: ${fault.status}`);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.status !== 500) headers['retry-after'] = '1';
        res.writeHead(fault.status, headers).end(JSON.stringify(error.toBody()));
        return true;
      }
      case 'none':
      case 'slow':
      case 'malformed':
        return false;
    }
  }
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
