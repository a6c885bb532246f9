import { randomUUID } from 'node:crypto';
import { approxTokens } from './approx-tokens.js';
import { BadRequestError, NotFoundError } from './errors.js';
import { DEFAULT_EMBEDDING_MODEL, EMBEDDING_MODELS } from './realistic/text-embedding.js';
import { EmbeddingsRequest, parseRequest } from './request-schemas.js';
import { unixSeconds, type HandlerResult, type SimContext } from './sim-context.js';

/** float32 little-endian bytes in base64, as vLLM encodes `encoding_format: "base64"`. */
function toBase64(vector: readonly number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

/**
 * POST /v1/embeddings in vLLM's shape for a sentence-embedding model (all-mpnet-base-v2 by
 * default, the model Magpie's gen_dis.py uses): unit-length, deterministic vectors in which
 * near-twin texts are close (see TextEmbedder). Throws BadRequestError / NotFoundError.
 */
export function handleEmbeddings(ctx: SimContext, body: unknown): HandlerResult {
  const req = parseRequest(EmbeddingsRequest, body);
  const model = req.model ?? DEFAULT_EMBEDDING_MODEL;
  const dims = EMBEDDING_MODELS[model];
  if (dims === undefined) throw new NotFoundError(`The model \`${model}\` does not exist.`);
  if (req.dimensions !== null && req.dimensions !== undefined && req.dimensions !== dims) {
    throw new BadRequestError(`Model "${model}" does not support matryoshka representation, changing output dimensions will lead to poor results.`);
  }
  const inputs = typeof req.input === 'string' ? [req.input] : req.input;
  const data = inputs.map((text, index) => {
    const vector = ctx.embedder.embed(text, dims);
    return { index, object: 'embedding', embedding: req.encoding_format === 'base64' ? toBase64(vector) : vector };
  });
  const promptTokens = inputs.reduce((s, t) => s + approxTokens(t), 0);
  return {
    body: { id: `embd-${randomUUID().replaceAll('-', '')}`, object: 'list', created: unixSeconds(), model, data, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens, completion_tokens: 0, prompt_tokens_details: null } },
    model,
    promptTokens,
    generationTokens: 0,
    finishReasons: [],
    sequenceTokens: [],
    prompts: inputs,
  };
}
