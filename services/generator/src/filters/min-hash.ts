/**
 * MinHash signatures over word shingles. Hashes are fixed functions of the text (no random
 * state), so every generator replica and every restart computes the same signature — which the
 * off-the-shelf sketch libraries we tried do not guarantee (they draw hash seeds at random).
 */

const MASK = 0xffffffff;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A 32-bit avalanche mix (murmur3's finaliser), used to derive k hash functions from one. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Lower-case words of the text with punctuation (but not digits or operators) dropped. */
export function normalizeForDedup(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+\-*/^=<>()[\]{}.]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word n-gram shingles; a text shorter than n words is one shingle. */
export function shingles(text: string, n = 3): string[] {
  const words = normalizeForDedup(text).split(' ').filter(Boolean);
  if (words.length <= n) return [words.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}

/** The MinHash signature of a text: for each of `size` hash functions, the minimum over its shingles. */
export function minHashSignature(text: string, size: number): Uint32Array {
  const signature = new Uint32Array(size).fill(MASK);
  for (const shingle of new Set(shingles(text))) {
    const base = fnv1a(shingle);
    for (let i = 0; i < size; i++) {
      const h = mix(base ^ Math.imul(i + 1, 0x9e3779b9));
      if (h < (signature[i] as number)) signature[i] = h;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity: the share of positions where two signatures agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

/** One hash per LSH band of `rows` signature positions. */
export function bandHashes(signature: Uint32Array, rows: number): number[] {
  const out: number[] = [];
  for (let start = 0; start + rows <= signature.length; start += rows) {
    let h = 0x811c9dc5 ^ start;
    for (let i = start; i < start + rows; i++) h = mix(h ^ (signature[i] as number));
    out.push(h);
  }
  return out;
}
