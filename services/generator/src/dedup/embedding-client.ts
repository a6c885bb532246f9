import { MalformedResponseError, toBackendError } from '@magpie/llm';
import OpenAI from 'openai';

export interface EmbeddingClientOptions {
  /** OpenAI-compatible base URLs ending in /v1 (vLLM serving an embedding model, or the simulator); used in turn. */
  readonly baseUrls: readonly string[];
  readonly apiKey: string;
  readonly timeoutMs: number;
  /** Texts per request at most; longer lists are split. */
  readonly batchSize?: number;
}

/** Computes embeddings of texts; one implementation talks to `/v1/embeddings`. */
export interface Embedder {
  embed(model: string, texts: readonly string[], signal?: AbortSignal): Promise<number[][]>;
}

/**
 * `/v1/embeddings` through the `openai` package, as vLLM serves embedding models. The SDK's own
 * retries are off (the bus redelivers); errors are BackendErrors that say whether a retry can help.
 */
export class EmbeddingClient implements Embedder {
  readonly #clients: { client: OpenAI; baseUrl: string }[];
  readonly #batchSize: number;
  #next = 0;

  constructor(options: EmbeddingClientOptions) {
    if (options.baseUrls.length === 0) throw new RangeError('EmbeddingClient needs at least one base URL');
    this.#clients = options.baseUrls.map((baseUrl) => ({ baseUrl, client: new OpenAI({ baseURL: baseUrl, apiKey: options.apiKey, maxRetries: 0, timeout: options.timeoutMs }) }));
    this.#batchSize = options.batchSize ?? 64;
  }

  async embed(model: string, texts: readonly string[], signal?: AbortSignal): Promise<number[][]> {
    const out: number[][] = [];
    for (let start = 0; start < texts.length; start += this.#batchSize) {
      out.push(...(await this.#embedBatch(model, texts.slice(start, start + this.#batchSize), signal)));
    }
    return out;
  }

  async #embedBatch(model: string, texts: readonly string[], signal: AbortSignal | undefined): Promise<number[][]> {
    const target = this.#clients[this.#next++ % this.#clients.length] as { client: OpenAI; baseUrl: string };
    let res: OpenAI.CreateEmbeddingResponse;
    try {
      res = await target.client.embeddings.create({ model, input: [...texts], encoding_format: 'float' }, { signal });
    } catch (err) {
      throw toBackendError(err, target.baseUrl);
    }
    const vectors = new Array<number[]>(texts.length);
    for (const item of res.data ?? []) {
      if (!Array.isArray(item.embedding) || typeof item.index !== 'number') throw new MalformedResponseError(`embedding response from ${target.baseUrl} has an item without a vector`);
      vectors[item.index] = item.embedding;
    }
    for (let i = 0; i < texts.length; i++) {
      if (!vectors[i]) throw new MalformedResponseError(`embedding response from ${target.baseUrl} lacks input ${i}`);
    }
    return vectors;
  }
}
