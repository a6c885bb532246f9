import { createHash } from 'node:crypto';
import type { DedupItem } from '@magpie/contracts';
import { maskValues } from '../filters/mask-values.js';
import { minHashSignature, normalizeForDedup } from '../filters/min-hash.js';
import { SIGNATURE_SIZE } from '../filters/near-duplicate-index.js';
import { decodeEmbedding, decodeSignature, encodeEmbedding, encodeSignature, type QuantizedVector } from './embedding-codec.js';

/** A problem as the duplicate index compares it: its keys and signatures, decoded. */
export interface IndexedProblem {
  readonly recordId: string;
  readonly text: string;
  readonly exactKey: string;
  readonly minhash: Uint32Array;
  readonly minhashMasked: Uint32Array;
  /** Embeddings by model id; filled in later for models it was not stored with. */
  readonly embeddings: Map<string, QuantizedVector>;
}

/** The exact-duplicate key: a hash of the normalised text. */
export function exactKeyOf(text: string): string {
  return createHash('sha256').update(normalizeForDedup(text)).digest('hex').slice(0, 32);
}

/** Computes what the index needs of an accepted instruction (and, optionally, its embedding). */
export function indexProblem(recordId: string, text: string, embedding?: { model: string; vector: QuantizedVector }): IndexedProblem {
  return {
    recordId,
    text,
    exactKey: exactKeyOf(text),
    minhash: minHashSignature(text, SIGNATURE_SIZE),
    minhashMasked: minHashSignature(maskValues(text), SIGNATURE_SIZE),
    embeddings: new Map(embedding ? [[embedding.model, embedding.vector]] : []),
  };
}

/** The same problem under another record id (a candidate is indexed before its slot is known). */
export function withRecordId(problem: IndexedProblem, recordId: string): IndexedProblem {
  return { ...problem, recordId };
}

export function toDedupItem(problem: IndexedProblem): DedupItem {
  const [first] = problem.embeddings;
  return {
    recordId: problem.recordId,
    text: problem.text,
    exactKey: problem.exactKey,
    minhash: encodeSignature(problem.minhash),
    minhashMasked: encodeSignature(problem.minhashMasked),
    ...(first ? { embedding: encodeEmbedding(first[0], first[1]) } : {}),
  };
}

export function fromDedupItem(item: DedupItem): IndexedProblem {
  return {
    recordId: item.recordId,
    text: item.text,
    exactKey: item.exactKey,
    minhash: decodeSignature(item.minhash),
    minhashMasked: decodeSignature(item.minhashMasked),
    embeddings: new Map(item.embedding ? [[item.embedding.model, decodeEmbedding(item.embedding)]] : []),
  };
}
