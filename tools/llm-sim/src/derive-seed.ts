/**
 * A 32-bit seed from any list of parts (FNV-1a over their text, separated so that
 * ["ab", "c"] and ["a", "bc"] differ). Pure: equal parts always give the same seed.
 */
export function deriveSeed(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = `${typeof part}:${part}\u0000`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash >>> 0;
}
