import type { DuplicateMethod } from '@magpie/contracts';
import { NearDuplicateIndex } from '../filters/near-duplicate-index.js';
import type { QuantizedVector } from './embedding-codec.js';
import { EmbeddingIndex } from './embedding-index.js';
import type { IndexedProblem } from './indexed-problem.js';

/** How a run compares its problems (from its spec's filters and dedup options). */
export interface DedupSettings {
  /** MinHash Jaccard at or above which a problem is a near duplicate; 1: exact duplicates only. */
  readonly jaccardThreshold: number;
  /** Compare MinHash signatures of the texts with numbers and names masked. */
  readonly maskValues: boolean;
  /** Also compare embeddings of this model; null: off. */
  readonly embeddingModel: string | null;
  readonly embeddingThreshold: number;
}

export type DuplicateVerdict =
  | { readonly duplicate: true; readonly method: DuplicateMethod; readonly twinRecordId: string; readonly similarity: number }
  /** `indexed`: the index already holds this very problem under its own record id (a redelivered task). */
  | { readonly duplicate: false; readonly indexed: boolean };

/**
 * The in-memory duplicate index of one scope: exact keys, and MinHash-LSH (plain and masked) and
 * embedding indexes built on first use from the problems it holds, so a scope whose runs never ask
 * for masking or embeddings never pays for them.
 */
export class ScopeIndex {
  readonly #problems: IndexedProblem[] = [];
  readonly #byRecord = new Map<string, IndexedProblem>();
  readonly #exact = new Map<string, string>();
  #minhash: NearDuplicateIndex | undefined;
  #masked: NearDuplicateIndex | undefined;
  readonly #embeddings = new Map<string, EmbeddingIndex>();

  get size(): number {
    return this.#problems.length;
  }

  has(recordId: string): boolean {
    return this.#byRecord.has(recordId);
  }

  add(problem: IndexedProblem): void {
    if (this.#byRecord.has(problem.recordId)) return;
    this.#problems.push(problem);
    this.#byRecord.set(problem.recordId, problem);
    if (!this.#exact.has(problem.exactKey)) this.#exact.set(problem.exactKey, problem.recordId);
    this.#minhash?.add(problem.minhash, problem.recordId);
    this.#masked?.add(problem.minhashMasked, problem.recordId);
    for (const [model, index] of this.#embeddings) {
      const vector = problem.embeddings.get(model);
      if (vector) index.add(vector, problem.recordId);
    }
  }

  /** Problems without an embedding of `model`: they must be embedded before a check that uses it. */
  missingEmbeddings(model: string): IndexedProblem[] {
    return this.#problems.filter((p) => !p.embeddings.has(model));
  }

  /** Stores a problem's embedding of `model` (computed after it was indexed). */
  setEmbedding(recordId: string, model: string, vector: QuantizedVector): void {
    const problem = this.#byRecord.get(recordId);
    if (!problem || problem.embeddings.has(model)) return;
    problem.embeddings.set(model, vector);
    this.#embeddings.get(model)?.add(vector, recordId);
  }

  /**
   * Whether `candidate` repeats a problem of the index other than itself: exact text first, then
   * MinHash (over masked text with maskValues), then embeddings; the first check that finds a twin
   * names it.
   */
  check(candidate: IndexedProblem, settings: DedupSettings): DuplicateVerdict {
    const own = this.#byRecord.get(candidate.recordId);
    if (own && own.exactKey === candidate.exactKey) return { duplicate: false, indexed: true };
    const exactTwin = this.#exact.get(candidate.exactKey);
    if (exactTwin !== undefined && exactTwin !== candidate.recordId) return { duplicate: true, method: 'exact', twinRecordId: exactTwin, similarity: 1 };
    if (settings.jaccardThreshold < 1) {
      const near = settings.maskValues
        ? this.#maskedIndex().nearest(candidate.minhashMasked, settings.jaccardThreshold, candidate.recordId)
        : this.#minhashIndex().nearest(candidate.minhash, settings.jaccardThreshold, candidate.recordId);
      if (near) return { duplicate: true, method: settings.maskValues ? 'minhash_masked' : 'minhash', twinRecordId: near.recordId, similarity: near.similarity };
    }
    const model = settings.embeddingModel;
    const vector = model === null ? undefined : candidate.embeddings.get(model);
    if (model !== null && vector) {
      const near = this.#embeddingIndex(model, vector.q.length).nearest(vector, settings.embeddingThreshold, candidate.recordId);
      if (near) return { duplicate: true, method: 'embedding', twinRecordId: near.recordId, similarity: near.similarity };
    }
    return { duplicate: false, indexed: false };
  }

  #minhashIndex(): NearDuplicateIndex {
    if (!this.#minhash) {
      this.#minhash = new NearDuplicateIndex();
      for (const p of this.#problems) this.#minhash.add(p.minhash, p.recordId);
    }
    return this.#minhash;
  }

  #maskedIndex(): NearDuplicateIndex {
    if (!this.#masked) {
      this.#masked = new NearDuplicateIndex();
      for (const p of this.#problems) this.#masked.add(p.minhashMasked, p.recordId);
    }
    return this.#masked;
  }

  #embeddingIndex(model: string, dims: number): EmbeddingIndex {
    let index = this.#embeddings.get(model);
    if (!index) {
      index = new EmbeddingIndex(dims);
      for (const p of this.#problems) {
        const vector = p.embeddings.get(model);
        if (vector) index.add(vector, p.recordId);
      }
      this.#embeddings.set(model, index);
    }
    return index;
  }
}
