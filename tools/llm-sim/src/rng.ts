/** Thrown when a random choice is asked of an empty list or an empty range. */
export class RngRangeError extends Error {
  override readonly name = 'RngRangeError';
}

/**
 * A small seeded PRNG (mulberry32). The same seed always yields the same sequence on every
 * platform, which is what makes the simulator's outputs reproducible; it is not cryptographic.
 */
export class Rng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. Throws RngRangeError when max < min. */
  int(min: number, max: number): number {
    if (max < min) throw new RngRangeError(`empty range [${min}, ${max}]`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A non-zero integer in [min, max]. */
  nonZero(min: number, max: number): number {
    for (;;) {
      const v = this.int(min, max);
      if (v !== 0) return v;
    }
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element. Throws RngRangeError for an empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RngRangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}
