import { bandHashes, estimateJaccard } from './min-hash.js';

/** Signature positions: 16 bands × 4 rows, so a pair at Jaccard 0.85 becomes a candidate with probability ≈ 1. */
export const SIGNATURE_SIZE = 64;
const ROWS_PER_BAND = 4;

/** The most similar indexed signature at or above a threshold. */
export interface NearMatch {
  readonly recordId: string;
  readonly similarity: number;
}

interface Entry {
  readonly recordId: string;
  readonly signature: Uint32Array;
}

/**
 * MinHash-LSH over signatures: candidates share a band, and are confirmed by the estimated
 * Jaccard. Adding a record id twice is a no-op.
 */
export class NearDuplicateIndex {
  readonly #bands = new Map<number, Entry[]>();
  readonly #records = new Set<string>();

  get size(): number {
    return this.#records.size;
  }

  /** The most similar indexed record (other than `self`) whose similarity is at least `threshold`. */
  nearest(signature: Uint32Array, threshold: number, self?: string): NearMatch | undefined {
    let best: NearMatch | undefined;
    bandHashes(signature, ROWS_PER_BAND).forEach((hash, band) => {
      for (const candidate of this.#bands.get(bandKey(band, hash)) ?? []) {
        if (candidate.recordId === self) continue;
        const similarity = estimateJaccard(signature, candidate.signature);
        if (similarity >= threshold && (!best || similarity > best.similarity)) best = { recordId: candidate.recordId, similarity };
      }
    });
    return best;
  }

  add(signature: Uint32Array, recordId: string): void {
    if (this.#records.has(recordId)) return;
    this.#records.add(recordId);
    const entry: Entry = { recordId, signature };
    bandHashes(signature, ROWS_PER_BAND).forEach((hash, band) => {
      const key = bandKey(band, hash);
      const bucket = this.#bands.get(key);
      if (bucket) bucket.push(entry);
      else this.#bands.set(key, [entry]);
    });
  }
}

function bandKey(band: number, hash: number): number {
  return band * 0x1_0000_0000 + hash;
}
