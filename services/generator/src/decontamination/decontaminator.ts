import type { ContaminationEvidence } from '@magpie/contracts';
import type { BenchmarkItem } from './benchmark-files.js';
import { NgramIndex } from './ngram-index.js';

/** The benchmark items the generator checks problems against, with one n-gram index per n in use. */
export class Decontaminator {
  readonly #items: readonly BenchmarkItem[];
  /** Where the items came from, for messages. */
  readonly source: string;
  readonly #indexes = new Map<number, NgramIndex>();

  constructor(items: readonly BenchmarkItem[], source: string) {
    this.#items = items;
    this.source = source;
  }

  /** Benchmark items loaded. */
  get size(): number {
    return this.#items.length;
  }

  /** Item counts per benchmark file. */
  files(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const item of this.#items) out[item.file] = (out[item.file] ?? 0) + 1;
    return out;
  }

  /** The benchmark item `text` shares an n-gram with, or undefined. */
  check(text: string, n: number): ContaminationEvidence | undefined {
    let index = this.#indexes.get(n);
    if (!index) this.#indexes.set(n, (index = new NgramIndex(this.#items, n)));
    return index.find(text);
  }
}
