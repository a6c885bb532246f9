import { z } from 'zod';
import { renderRewardConversation, type RewardConversation } from '@magpie/catalog';
import { BackendError, MalformedResponseError, isRetryableStatus, parseRetryAfterMs } from './errors.js';

export interface RewardClientOptions {
  /** The reward server's root URL (no /v1), e.g. http://reward:8000. */
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly timeoutMs: number;
}

const ClassifyResponse = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), probs: z.array(z.number()).min(1) })),
});

const ArmoRmResponse = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), score: z.number() })),
});

/**
 * The reward model a batch goes to, as far as the client needs it; a catalog RewardModelEntry fits.
 * A `/classify` model brings the conversation template its `input` strings are rendered with.
 */
export type RewardTarget = { readonly api: 'armorm' } | { readonly api: 'classify'; readonly conversation: RewardConversation };

export interface ScoreBatchRequest {
  readonly model: string;
  readonly instruction: string;
  readonly responses: readonly string[];
  /** vLLM's request priority (lower runs first under `--scheduling-policy priority`); sent to /classify only, as the ArmoRM sidecar refuses unknown fields. */
  readonly priority?: number;
  readonly signal?: AbortSignal;
}

/**
 * Scores (instruction, response) pairs on a reward server: vLLM's `/classify` for a 1-label
 * sequence classifier, asking for the raw logit (`use_activation: false`) as Magpie stores
 * ArmoRM's raw score, or our ArmoRM sidecar. Throws BackendError / MalformedResponseError.
 */
export class RewardClient {
  readonly #o: RewardClientOptions;

  constructor(options: RewardClientOptions) {
    this.#o = options;
  }

  /**
   * Scores every response to one instruction in one request; scores come back in response order.
   * `/classify` takes a batch only as templated strings (its chat `messages` form holds one
   * conversation), so each pair is rendered with the model's catalog template. The bare 'armorm'
   * names the sidecar for callers without a catalog entry.
   */
  async scoreAll(target: RewardTarget | 'armorm', req: ScoreBatchRequest): Promise<number[]> {
    if (req.responses.length === 0) return [];
    if (target !== 'armorm' && target.api === 'classify') return this.#classify(target.conversation, req);
    const conversations = req.responses.map((response) => [
      { role: 'user', content: req.instruction },
      { role: 'assistant', content: response },
    ]);
    const body = await this.#post('/v1/armorm/score', { model: req.model, conversations }, req.signal);
    const parsed = ArmoRmResponse.safeParse(body);
    if (!parsed.success) throw new MalformedResponseError(`ArmoRM response has the wrong shape: ${parsed.error.message}`);
    return inResponseOrder(parsed.data.data.map((d) => ({ index: d.index, score: d.score })), req.responses.length, 'ArmoRM');
  }

  async #classify(conversation: RewardConversation, req: ScoreBatchRequest): Promise<number[]> {
    const rendered = req.responses.map((response) => renderRewardConversation(conversation, req.instruction, response));
    const body = await this.#post(
      '/classify',
      {
        model: req.model,
        input: rendered.map((r) => r.text),
        use_activation: false,
        // The same for every string of one template.
        add_special_tokens: rendered[0]?.addSpecialTokens ?? true,
        ...(req.priority === undefined ? {} : { priority: req.priority }),
      },
      req.signal,
    );
    const parsed = ClassifyResponse.safeParse(body);
    if (!parsed.success) throw new MalformedResponseError(`reward response has the wrong shape: ${parsed.error.message}`);
    return inResponseOrder(parsed.data.data.map((d) => ({ index: d.index, score: d.probs[0] ?? Number.NaN })), req.responses.length, 'reward server');
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

/** The scores by `index`, in response order; throws MalformedResponseError unless there is exactly one finite score per response. */
function inResponseOrder(items: readonly { index: number; score: number }[], count: number, server: string): number[] {
  const scores = new Array<number | undefined>(count).fill(undefined);
  for (const item of items) if (item.index < count) scores[item.index] = item.score;
  if (items.length !== count || scores.some((s) => s === undefined || !Number.isFinite(s))) {
    throw new MalformedResponseError(`${server} returned ${items.length} scores for ${count} responses, or a score that is missing, repeated or not finite`);
  }
  return scores as number[];
}
