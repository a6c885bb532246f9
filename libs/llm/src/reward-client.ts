import { z } from 'zod';
import { BackendError, MalformedResponseError, isRetryableStatus, parseRetryAfterMs } from './errors.js';

export interface RewardClientOptions {
  /** The reward server's root URL (no /v1), e.g. http://reward:8000. */
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly timeoutMs: number;
}

export interface ScoreRequest {
  readonly model: string;
  readonly instruction: string;
  readonly response: string;
  readonly signal?: AbortSignal;
}

const ClassifyResponse = z.object({
  data: z.array(z.object({ probs: z.array(z.number()).min(1) })).min(1),
});

const ArmoRmResponse = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), score: z.number() })),
});

/** Which HTTP contract the reward server speaks. */
export type RewardApi = 'classify' | 'armorm';

export interface ScoreBatchRequest {
  readonly model: string;
  readonly instruction: string;
  readonly responses: readonly string[];
  readonly signal?: AbortSignal;
}

/**
 * Scores one (instruction, response) pair on a 1-label reward model through vLLM's `/classify`
 * (our ArmoRM sidecar serves the same shape). Asks for the raw logit (`use_activation: false`),
 * as Magpie stores ArmoRM's raw score. Throws BackendError.
 */
export class RewardClient {
  readonly #o: RewardClientOptions;

  constructor(options: RewardClientOptions) {
    this.#o = options;
  }

  /**
   * Scores every response to one instruction. With the ArmoRM sidecar's `/v1/armorm/score` that is
   * one request for the whole batch; vLLM's `/classify` takes one conversation per request, so
   * those run in parallel. Scores come back in response order.
   */
  async scoreAll(api: RewardApi, req: ScoreBatchRequest): Promise<number[]> {
    if (api === 'classify') {
      return Promise.all(req.responses.map((response) => this.score({ model: req.model, instruction: req.instruction, response, ...(req.signal ? { signal: req.signal } : {}) })));
    }
    const conversations = req.responses.map((response) => [
      { role: 'user', content: req.instruction },
      { role: 'assistant', content: response },
    ]);
    const body = await this.#post('/v1/armorm/score', { model: req.model, conversations }, req.signal);
    const parsed = ArmoRmResponse.safeParse(body);
    if (!parsed.success) throw new MalformedResponseError(`ArmoRM response has the wrong shape: ${parsed.error.message}`);
    const scores = new Array<number>(req.responses.length);
    for (const item of parsed.data.data) scores[item.index] = item.score;
    if (scores.some((s) => s === undefined || !Number.isFinite(s)) || parsed.data.data.length !== req.responses.length) {
      throw new MalformedResponseError(`ArmoRM returned ${parsed.data.data.length} scores for ${req.responses.length} responses`);
    }
    return scores;
  }

  async score(req: ScoreRequest): Promise<number> {
    const body = await this.#post(
      '/classify',
      {
        model: req.model,
        messages: [
          { role: 'user', content: req.instruction },
          { role: 'assistant', content: req.response },
        ],
        use_activation: false,
      },
      req.signal,
    );
    const parsed = ClassifyResponse.safeParse(body);
    if (!parsed.success) throw new MalformedResponseError(`reward response has the wrong shape: ${parsed.error.message}`);
    const score = parsed.data.data[0]?.probs[0];
    if (score === undefined || !Number.isFinite(score)) throw new MalformedResponseError('reward score is not a finite number');
    return score;
  }

  async #post(path: string, payload: unknown, callerSignal: AbortSignal | undefined): Promise<unknown> {
    const url = `${this.#o.baseUrl.replace(/\/+$/, '')}${path}`;
    const timeout = AbortSignal.timeout(this.#o.timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.#o.apiKey ? { authorization: `Bearer ${this.#o.apiKey}` } : {}),
        },
        body: JSON.stringify(payload),
        signal,
      });
    } catch (cause) {
      const what = timeout.aborted ? 'timed out' : 'unreachable';
      throw new BackendError(`reward server ${url} ${what}`, { cause, retryable: true });
    }
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      throw new BackendError(`reward server answered ${res.status}: ${text.slice(0, 300)}`, {
        status: res.status,
        retryable: isRetryableStatus(res.status),
        retryAfterMs: parseRetryAfterMs(res.headers.get('retry-after')),
      });
    }
    try {
      return await res.json();
    } catch (cause) {
      throw new MalformedResponseError('reward response is not JSON', { cause });
    }
  }
}
