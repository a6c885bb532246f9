/**
 * A 31-bit request seed derived from a run's base seed and the request's identity (FNV-1a), so a
 * retried request asks the backend for the same sample and a rerun reproduces the run.
 */
export function deriveSeed(baseSeed: number, ...parts: (string | number)[]): number {
  let hash = 0x811c9dc5 ^ baseSeed;
  for (const ch of parts.join('\u0000')) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & 0x7fffffff;
}
