import OpenAI from 'openai';
import type { FinishReason, TokenUsage } from '@magpie/contracts';
import { BackendError, MalformedResponseError, isRetryableStatus, parseRetryAfterMs } from './errors.js';

export interface InferenceClientOptions {
  /** An OpenAI-compatible base URL ending in /v1, e.g. http://vllm:8000/v1. */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Per-call timeout; a hung backend call fails with a retryable BackendError after it. */
  readonly timeoutMs: number;
  /**
   * vLLM's request priority, sent with every request (lower is served first). Only for servers
   * started with `--scheduling-policy priority`: under the default policy vLLM refuses any
   * priority but 0, so it is left out when undefined.
   */
  readonly priority?: number;
}

export interface CompletionRequest {
  readonly model: string;
  readonly prompt: string;
  readonly n: number;
  readonly temperature: number;
  readonly topP: number;
  readonly maxTokens: number;
  readonly seed?: number;
  readonly stop: readonly string[];
  readonly stopTokenIds: readonly number[];
  readonly addSpecialTokens: boolean;
  readonly signal?: AbortSignal;
}

export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly { role: 'system' | 'user' | 'assistant'; content: string }[];
  readonly n: number;
  readonly temperature: number;
  readonly topP: number;
  readonly maxTokens: number;
  readonly seed?: number;
  readonly signal?: AbortSignal;
  /** Stop strings; with includeStopStrInOutput the one that matched ends the content. */
  readonly stop?: readonly string[];
  readonly includeStopStrInOutput?: boolean;
  /**
   * The last message is an assistant prefill to continue (vLLM's `continue_final_message`, with no
   * new generation prompt), as Magpie's unitag prefills "{".
   */
  readonly continueFinalMessage?: boolean;
}

export interface CompletionResult {
  readonly choices: { text: string; finishReason: FinishReason }[];
  readonly usage: TokenUsage;
}

export interface ChatResult {
  readonly choices: { content: string; reasoning: string | null; finishReason: FinishReason }[];
  readonly usage: TokenUsage;
}

function finishReasonOf(value: unknown): FinishReason {
  return value === 'stop' || value === 'length' || value === 'abort' ? value : 'unknown';
}

function usageOf(usage: { prompt_tokens?: number; completion_tokens?: number } | undefined): TokenUsage {
  return { promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0 };
}

/**
 * Talks to vLLM (or the simulator: same code) through the `openai` package. The SDK's own retries
 * are off: the bus redelivers, so a failed call never runs twice inside one delivery.
 * Every method throws BackendError (retryable or not) and nothing else.
 */
export class InferenceClient {
  readonly #client: OpenAI;
  readonly #extras: Readonly<Record<string, unknown>>;
  readonly baseUrl: string;

  constructor(options: InferenceClientOptions) {
    this.baseUrl = options.baseUrl;
    this.#extras = options.priority === undefined ? {} : { priority: options.priority };
    this.#client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey, maxRetries: 0, timeout: options.timeoutMs });
  }

  /** `/v1/completions` with a raw prompt and vLLM's sampling extras. */
  async complete(req: CompletionRequest): Promise<CompletionResult> {
    // vLLM's extras travel as top-level body fields; the SDK passes unknown keys through.
    const body: OpenAI.CompletionCreateParamsNonStreaming & Record<string, unknown> = {
      model: req.model,
      prompt: req.prompt,
      n: req.n,
      temperature: req.temperature,
      top_p: req.topP,
      max_tokens: req.maxTokens,
      stop: [...req.stop],
      stop_token_ids: [...req.stopTokenIds],
      add_special_tokens: req.addSpecialTokens,
      skip_special_tokens: true,
      ...(req.seed !== undefined ? { seed: req.seed } : {}),
      ...this.#extras,
    };
    const res = await this.#call(() => this.#client.completions.create(body, { signal: req.signal }));
    if (!Array.isArray(res.choices) || res.choices.length === 0) throw new MalformedResponseError('completion response has no choices');
    return {
      choices: res.choices.map((c) => {
        if (typeof c.text !== 'string') throw new MalformedResponseError('completion choice has no text');
        return { text: c.text, finishReason: finishReasonOf(c.finish_reason) };
      }),
      usage: usageOf(res.usage),
    };
  }

  /** `/v1/chat/completions`; the server applies the model's chat template. */
  async chat(req: ChatRequest): Promise<ChatResult> {
    // vLLM's extras travel as top-level body fields; the SDK passes unknown keys through.
    const body: OpenAI.ChatCompletionCreateParamsNonStreaming & Record<string, unknown> = {
      model: req.model,
      messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
      n: req.n,
      temperature: req.temperature,
      top_p: req.topP,
      max_tokens: req.maxTokens,
      ...(req.seed !== undefined ? { seed: req.seed } : {}),
      ...(req.stop ? { stop: [...req.stop] } : {}),
      ...(req.includeStopStrInOutput ? { include_stop_str_in_output: true } : {}),
      ...(req.continueFinalMessage ? { continue_final_message: true, add_generation_prompt: false } : {}),
      ...this.#extras,
    };
    const res = await this.#call(() => this.#client.chat.completions.create(body, { signal: req.signal }));
    if (!Array.isArray(res.choices) || res.choices.length === 0) throw new MalformedResponseError('chat response has no choices');
    return {
      choices: res.choices.map((c) => {
        const message = c.message as { content?: unknown; reasoning?: unknown; reasoning_content?: unknown } | undefined;
        if (!message || typeof message.content !== 'string') throw new MalformedResponseError('chat choice has no content');
        const reasoning = typeof message.reasoning === 'string' ? message.reasoning : typeof message.reasoning_content === 'string' ? message.reasoning_content : null;
        return { content: message.content, reasoning, finishReason: finishReasonOf(c.finish_reason) };
      }),
      usage: usageOf(res.usage),
    };
  }

  async #call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toBackendError(err, this.baseUrl);
    }
  }
}

/** Maps the SDK's errors (and anything else) to BackendError. */
export function toBackendError(err: unknown, baseUrl: string): BackendError {
  if (err instanceof BackendError) return err;
  if (err instanceof OpenAI.APIConnectionTimeoutError) return new BackendError(`backend ${baseUrl} timed out`, { cause: err, retryable: true });
  if (err instanceof OpenAI.APIUserAbortError) return new BackendError('backend call aborted', { cause: err, retryable: true });
  if (err instanceof OpenAI.APIConnectionError) return new BackendError(`backend ${baseUrl} unreachable`, { cause: err, retryable: true });
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    const status = err.status;
    return new BackendError(`backend ${baseUrl} answered ${status}: ${err.message}`, {
      cause: err,
      status,
      retryable: isRetryableStatus(status),
      retryAfterMs: parseRetryAfterMs((err.headers as Headers | undefined)?.get('retry-after')),
    });
  }
  // A body that is not JSON, or JSON of the wrong shape, surfaces as a SyntaxError/TypeError here.
  return new MalformedResponseError(`unusable response from ${baseUrl}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}
