import { deriveSeed } from '@magpie/llm';

/** vLLM caches KV in blocks of 16 tokens; at 4 characters a token that is 64 characters. */
export const BLOCK_CHARS = 64;

/**
 * A model of vLLM's automatic prefix caching: prompts are split into blocks, each block is keyed by
 * a hash of everything up to its end, and a new prompt reuses the longest run of leading blocks
 * already cached. Least recently used blocks are evicted beyond `capacityTokens`.
 */
export class PrefixCache {
  readonly #capacityBlocks: number;
  readonly #blocks = new Map<number, true>();

  constructor(capacityTokens: number) {
    this.#capacityBlocks = Math.max(0, Math.floor(capacityTokens / (BLOCK_CHARS / 4)));
  }

  /** Looks `prompt` up, caches its blocks, and returns how many of its leading tokens were cached. */
  lookup(prompt: string): number {
    let hash = 0;
    let hitBlocks = 0;
    let missed = false;
    const full = Math.floor(prompt.length / BLOCK_CHARS);
    for (let b = 0; b < full; b++) {
      hash = deriveSeed(hash, prompt.slice(b * BLOCK_CHARS, (b + 1) * BLOCK_CHARS));
      if (!missed && this.#blocks.has(hash)) {
        hitBlocks++;
        // Refresh its place in the LRU order.
        this.#blocks.delete(hash);
      } else missed = true;
      this.#blocks.set(hash, true);
    }
    while (this.#blocks.size > this.#capacityBlocks) this.#blocks.delete(this.#blocks.keys().next().value as number);
    return (hitBlocks * BLOCK_CHARS) / 4;
  }
}
