import type { ContaminationEvidence } from '@magpie/contracts';
import type { BenchmarkItem } from './benchmark-files.js';

/** Lower-case letter/digit runs: LaTeX, punctuation and spacing do not hide an overlap. */
export function ngramTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Items shorter than this many tokens are too generic to overlap meaningfully and are skipped. */
export const MIN_ITEM_TOKENS = 8;

/** A 52-bit hash of a token window (two FNV-1a variants), a safe integer Map key. */
function windowHash(tokens: readonly string[], start: number, length: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let t = start; t < start + length; t++) {
    const token = tokens[t] as string;
    for (let i = 0; i < token.length; i++) {
      const c = token.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 0x20, 0x01000193);
    h2 = Math.imul(h2 ^ 0x20, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff);
}

interface Posting {
  readonly item: number;
  readonly start: number;
}

/**
 * The n-grams of a set of benchmark items, for one n: a problem is contaminated when it contains
 * any n consecutive tokens of an item, or the whole of an item shorter than n tokens (but at least
 * MIN_ITEM_TOKENS). Hash hits are confirmed token by token.
 */
export class NgramIndex {
  readonly n: number;
  readonly #items: readonly BenchmarkItem[];
  readonly #tokens: string[][];
  /** Window length → window hash → where it occurs first. */
  readonly #windows = new Map<number, Map<number, Posting>>();

  constructor(items: readonly BenchmarkItem[], n: number) {
    this.n = n;
    this.#items = items;
    this.#tokens = items.map((item) => ngramTokens(item.text));
    this.#tokens.forEach((tokens, item) => {
      if (tokens.length < Math.min(n, MIN_ITEM_TOKENS)) return;
      const length = Math.min(n, tokens.length);
      let byHash = this.#windows.get(length);
      if (!byHash) this.#windows.set(length, (byHash = new Map<number, Posting>()));
      for (let start = 0; start + length <= tokens.length; start++) {
        const hash = windowHash(tokens, start, length);
        if (!byHash.has(hash)) byHash.set(hash, { item, start });
      }
    });
  }

  /** The first benchmark item `text` overlaps, with the shared n-gram; undefined when clean. */
  find(text: string): ContaminationEvidence | undefined {
    const tokens = ngramTokens(text);
    for (const [length, byHash] of this.#windows) {
      for (let start = 0; start + length <= tokens.length; start++) {
        const posting = byHash.get(windowHash(tokens, start, length));
        if (!posting || !this.#same(tokens, start, posting, length)) continue;
        const item = this.#items[posting.item] as BenchmarkItem;
        return { file: item.file, line: item.line, itemId: item.itemId, ngram: tokens.slice(start, start + length).join(' ').slice(0, 1_000), n: this.n };
      }
    }
    return undefined;
  }

  #same(tokens: readonly string[], start: number, posting: Posting, length: number): boolean {
    const other = this.#tokens[posting.item] as string[];
    for (let i = 0; i < length; i++) if (tokens[start + i] !== other[posting.start + i]) return false;
    return true;
  }
}
