import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Catalog } from '@magpie/catalog';
import { createLogger, toError, type Logger } from '@magpie/logging';
import { handleChat } from './chat-handler.js';
import { handleClassify } from './classify-handler.js';
import { handleCompletions } from './completions-handler.js';
import { SimHttpError } from './errors.js';
import { listModels } from './models-handler.js';
import { ProblemRegistry } from './problems/problem-registry.js';
import { readJsonBody } from './read-json-body.js';
import type { HandlerResult, SimContext } from './sim-context.js';
import { SimMetrics } from './sim-metrics.js';

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
  /** Probability that a sampled chat solution is correct; default 0.8. */
  readonly accuracy?: number;
  /** Extra latency per generation/classify request; default 0. */
  readonly delayMs?: number;
  /** Put reasoning in message.reasoning/reasoning_content instead of inline <think>; default false. */
  readonly reasoningParser?: boolean;
}

type PostHandler = (ctx: SimContext, body: unknown) => HandlerResult;

const POST_ROUTES: Readonly<Record<string, PostHandler>> = {
  '/v1/completions': handleCompletions,
  '/v1/chat/completions': handleChat,
  '/classify': handleClassify,
};
const GET_ROUTES = new Set(['/v1/models', '/health', '/metrics']);

/**
 * An OpenAI/vLLM-compatible HTTP server that stands in for vLLM: /v1/models, /v1/completions,
 * /v1/chat/completions, /classify, /health and /metrics. Outputs are deterministic functions of the
 * seed, the request and its position (see choiceSeed). Each instance has its own state.
 */
export class LlmSimulator {
  readonly #options: LlmSimulatorOptions;
  readonly #ctx: SimContext;
  readonly #delayMs: number;
  #server: Server | undefined;

  constructor(options: LlmSimulatorOptions) {
    this.#options = options;
    this.#delayMs = options.delayMs ?? 0;
    let requestNumber = 0;
    this.#ctx = {
      catalog: options.catalog,
      registry: new ProblemRegistry(),
      metrics: new SimMetrics(),
      logger: options.logger ?? createLogger({ name: 'llm-sim', level: 'silent' }),
      seed: options.seed ?? 1234,
      accuracy: options.accuracy ?? 0.8,
      reasoningParser: options.reasoningParser ?? false,
      nextRequestNumber: () => ++requestNumber,
    };
  }

  /** Listens and resolves with the bound port. Rejects when the port cannot be bound. Idempotent. */
  async start(): Promise<number> {
    if (this.#server) return (this.#server.address() as AddressInfo).port;
    const server = createServer((req, res) => void this.#handle(req, res));
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#options.port ?? 0, this.#options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return (server.address() as AddressInfo).port;
  }

  /** Stops accepting connections and resolves once in-flight requests have been answered. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive sockets (the openai client keeps them) would otherwise hold close() open.
    server.closeIdleConnections();
    await closed;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const post = POST_ROUTES[path];
    const known = post !== undefined || GET_ROUTES.has(path);
    this.#ctx.metrics.request(known ? path : 'other');
    try {
      if (!known) return sendJson(res, 404, { detail: 'Not Found' });
      if ((post && req.method !== 'POST') || (!post && req.method !== 'GET')) return sendJson(res, 405, { detail: 'Method Not Allowed' });
      if (post) return await this.#serve(post, req, res);
      if (path === '/health') return void res.writeHead(200).end();
      if (path === '/metrics') {
        const models = [...this.#ctx.catalog.models.ids, ...this.#ctx.catalog.models.rewardIds];
        return void res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(this.#ctx.metrics.render(models));
      }
      return sendJson(res, 200, listModels(this.#ctx.catalog));
    } catch (err) {
      if (err instanceof SimHttpError) return sendJson(res, err.status, err.toBody());
      this.#ctx.logger.error({ err: toError(err), path }, 'request failed');
      return sendJson(res, 500, new SimHttpError(500, 'InternalServerError', 'internal simulator error').toBody());
    }
  }

  async #serve(handler: PostHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const body = await readJsonBody(req);
    const named = typeof body === 'object' && body !== null && 'model' in body && typeof body.model === 'string' ? body.model : '';
    // Only catalog names become label values, so arbitrary request text cannot grow the metrics.
    const { models } = this.#ctx.catalog;
    const claimed = models.has(named) || models.hasReward(named) ? named : 'unknown';
    this.#ctx.metrics.requestStarted(claimed);
    try {
      if (this.#delayMs > 0) await sleep(this.#delayMs);
      const result = handler(this.#ctx, body);
      this.#ctx.metrics.requestSucceeded({ ...result, latencySeconds: (performance.now() - started) / 1000 });
      sendJson(res, 200, result.body);
    } finally {
      this.#ctx.metrics.requestEnded(claimed);
    }
  }
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
