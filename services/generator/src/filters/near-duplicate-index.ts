import { bandHashes, estimateJaccard, minHashSignature, normalizeForDedup } from './min-hash.js';

const SIGNATURE_SIZE = 64;
const ROWS_PER_BAND = 4;

export type DuplicateVerdict =
  | { readonly duplicate: false }
  | { readonly duplicate: true; readonly kind: 'exact' | 'near'; readonly twinRecordId: string; readonly similarity: number };

interface Entry {
  readonly recordId: string;
  readonly signature: Uint32Array;
}

/**
 * Near-duplicate detection within one run: MinHash-LSH (16 bands × 4 rows over 64 hashes, so a
 * pair at Jaccard 0.85 becomes a candidate with probability ≈ 1) confirmed by the estimated
 * Jaccard against the threshold. Exact duplicates are caught first by normalised text.
 * Adding the same record id again is a no-op, so a redelivered task does not flag itself.
 */
export class NearDuplicateIndex {
  readonly #threshold: number;
  readonly #exact = new Map<string, string>();
  readonly #bands = new Map<number, Entry[]>();
  readonly #byRecord = new Map<string, Entry>();

  /** `threshold` in (0, 1]; 1 means only exact duplicates are rejected. */
  constructor(threshold: number) {
    this.#threshold = threshold;
  }

  get size(): number {
    return this.#byRecord.size;
  }

  /** Whether `text` repeats a problem already in the index (other than `recordId` itself). */
  check(text: string, recordId: string): DuplicateVerdict {
    const twin = this.#exact.get(normalizeForDedup(text));
    if (twin !== undefined && twin !== recordId) return { duplicate: true, kind: 'exact', twinRecordId: twin, similarity: 1 };
    if (this.#threshold >= 1) return { duplicate: false };
    const signature = minHashSignature(text, SIGNATURE_SIZE);
    let best: { recordId: string; similarity: number } | undefined;
    bandHashes(signature, ROWS_PER_BAND).forEach((hash, band) => {
      for (const candidate of this.#bands.get(band * 0x10000 + (hash % 0x10000)) ?? []) {
        if (candidate.recordId === recordId) continue;
        const similarity = estimateJaccard(signature, candidate.signature);
        if (similarity >= this.#threshold && (!best || similarity > best.similarity)) best = { recordId: candidate.recordId, similarity };
      }
    });
    return best ? { duplicate: true, kind: 'near', twinRecordId: best.recordId, similarity: best.similarity } : { duplicate: false };
  }

  /** Records an accepted problem. */
  add(text: string, recordId: string): void {
    if (this.#byRecord.has(recordId)) return;
    const entry: Entry = { recordId, signature: minHashSignature(text, SIGNATURE_SIZE) };
    this.#byRecord.set(recordId, entry);
    this.#exact.set(normalizeForDedup(text), recordId);
    bandHashes(entry.signature, ROWS_PER_BAND).forEach((hash, band) => {
      const key = band * 0x10000 + (hash % 0x10000);
      const bucket = this.#bands.get(key);
      if (bucket) bucket.push(entry);
      else this.#bands.set(key, [entry]);
    });
  }
}
