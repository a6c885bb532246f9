import type { StoredEmbedding } from '@magpie/contracts';

/** An embedding as the index keeps it: int8 components and the scale that restores them. */
export interface QuantizedVector {
  readonly q: Int8Array;
  readonly scale: number;
}

/**
 * Quantizes a vector to int8 with one scale (its largest component maps to ±127): 1 byte per
 * dimension instead of 4, so a 768-dimension embedding is 1 KB in the index and in KV. The cosine
 * of two quantized unit vectors differs from the exact one by well under 0.001 (see the tests).
 */
export function quantize(vector: readonly number[]): QuantizedVector {
  let max = 0;
  for (const x of vector) max = Math.max(max, Math.abs(x));
  const scale = max > 0 ? max / 127 : 1;
  const q = new Int8Array(vector.length);
  for (let i = 0; i < vector.length; i++) q[i] = Math.round((vector[i] ?? 0) / scale);
  return { q, scale };
}

/** The cosine of two quantized vectors (the scales cancel). */
export function quantizedCosine(a: Int8Array, b: Int8Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export function encodeEmbedding(model: string, vector: QuantizedVector): StoredEmbedding {
  return { model, scale: vector.scale, q: Buffer.from(vector.q.buffer, vector.q.byteOffset, vector.q.byteLength).toString('base64') };
}

export function decodeEmbedding(stored: StoredEmbedding): QuantizedVector {
  const bytes = Buffer.from(stored.q, 'base64');
  return { q: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), scale: stored.scale };
}

/** base64 of a MinHash signature (little-endian uint32s), and back. */
export function encodeSignature(signature: Uint32Array): string {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64');
}

export function decodeSignature(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  // Copy: a Buffer's offset into its pool need not be 4-byte aligned.
  return new Uint32Array(new Uint8Array(bytes).buffer);
}
