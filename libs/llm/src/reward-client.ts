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

  async score(req: ScoreRequest): Promise<number> {
    const url = `${this.#o.baseUrl.replace(/\/+$/, '')}/classify`;
    const timeout = AbortSignal.timeout(this.#o.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.#o.apiKey ? { authorization: `Bearer ${this.#o.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: req.model,
          messages: [
            { role: 'user', content: req.instruction },
            { role: 'assistant', content: req.response },
          ],
          use_activation: false,
        }),
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
    let body: unknown;
    try {
      body = await res.json();
    } catch (cause) {
      throw new MalformedResponseError('reward response is not JSON', { cause });
    }
    const parsed = ClassifyResponse.safeParse(body);
    if (!parsed.success) throw new MalformedResponseError(`reward response has the wrong shape: ${parsed.error.message}`);
    const score = parsed.data.data[0]?.probs[0];
    if (score === undefined || !Number.isFinite(score)) throw new MalformedResponseError('reward score is not a finite number');
    return score;
  }
}
