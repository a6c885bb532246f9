import { z } from 'zod';

/**
 * Whose problems a run is deduplicated against: every run of its dataset, or only itself. A KV
 * key prefix in DEDUP_BUCKET (`dataset.<name>` / `run.<runId>`).
 */
export function dedupScope(spec: { readonly dataset?: string | undefined }, runId: string): string {
  return spec.dataset === undefined ? `run.${runId}` : `dataset.${spec.dataset}`;
}

export const DedupKeys = {
  /** The scope's `seq`-th log entry; entries are numbered from 0 without gaps. */
  entry: (scope: string, seq: number) => `${scope}.${seq}`,
  /** Every entry of a scope (a KV key filter). */
  entriesOf: (scope: string) => `${scope}.*`,
  /** The entry number of a key of `scope`, or undefined for another key. */
  seqOf: (scope: string, key: string): number | undefined => {
    if (!key.startsWith(`${scope}.`)) return undefined;
    const tail = key.slice(scope.length + 1);
    return /^\d+$/.test(tail) ? Number(tail) : undefined;
  },
} as const;

/** A problem's embedding as stored: int8 components times `scale` (a unit vector within ±0.5 % per component). */
export const StoredEmbedding = z.object({
  model: z.string().min(1).max(256),
  scale: z.number().positive(),
  /** base64 of the Int8Array. */
  q: z.string().min(1),
});
export type StoredEmbedding = z.infer<typeof StoredEmbedding>;

/** One accepted problem in a scope's duplicate index: what any replica needs to compare with it. */
export const DedupItem = z.object({
  recordId: z.string().min(1).max(160),
  /** The accepted instruction (for embedding it later with another model, and as evidence). */
  text: z.string().min(1),
  /** Hash of the normalised text: the exact-duplicate key. */
  exactKey: z.string().min(1).max(64),
  /** base64 of the MinHash signature (Uint32Array) over the text's word shingles. */
  minhash: z.string().min(1),
  /** The same over the text with numbers and names masked. */
  minhashMasked: z.string().min(1),
  embedding: StoredEmbedding.optional(),
});
export type DedupItem = z.infer<typeof DedupItem>;

/** A log entry: problems accepted together, in order. */
export const DedupLogEntry = z.object({
  schemaVersion: z.literal(1),
  items: z.array(DedupItem).min(1),
});
export type DedupLogEntry = z.infer<typeof DedupLogEntry>;
