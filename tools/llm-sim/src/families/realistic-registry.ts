import type { Rng } from '../rng.js';
import { allRealisticFamilies } from './all-families.js';
import type { Difficulty, KnownProblem, RealisticFamily } from './family-types.js';

/** How many recognised texts a registry remembers (solver, sampler and reward all ask about the same problem). */
const CACHE_SIZE = 4096;

/** A generated problem with its text. */
export interface GeneratedKnown {
  readonly text: string;
  readonly problem: KnownProblem;
}

/** Picks realistic families by domain, subtopic and difficulty, and recognises their problems in any text. */
export class RealisticRegistry {
  readonly families: readonly RealisticFamily[];
  readonly #cache = new Map<string, KnownProblem | null>();

  constructor(families: readonly RealisticFamily[] = allRealisticFamilies()) {
    this.families = families;
  }

  /** The families of a subtopic; of the whole domain when the subtopic has none; every family when the domain has none. */
  familiesFor(domain?: string, subtopic?: string): readonly RealisticFamily[] {
    const inDomain = this.families.filter((f) => f.domain === domain);
    const inSubtopic = inDomain.filter((f) => f.subtopic === subtopic);
    if (inSubtopic.length > 0) return inSubtopic;
    return inDomain.length > 0 ? inDomain : this.families;
  }

  /** A problem of difficulty `level` from the steered families, or of the nearest level they offer. */
  generate(rng: Rng, level: Difficulty, domain?: string, subtopic?: string): GeneratedKnown {
    const candidates = this.familiesFor(domain, subtopic);
    const distance = (f: RealisticFamily): number => Math.min(...f.levels.map((l) => Math.abs(l - level)));
    const nearest = Math.min(...candidates.map(distance));
    const family = rng.pick(candidates.filter((f) => distance(f) === nearest));
    const offered = family.levels.filter((l) => Math.abs(l - level) === nearest);
    return family.generate(rng, rng.pick(offered));
  }

  /** The first family's problem found in `text`, or undefined. Never throws. */
  recognise(text: string): KnownProblem | undefined {
    const cached = this.#cache.get(text);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.#recogniseUncached(text);
    if (this.#cache.size >= CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(text, found ?? null);
    return found;
  }

  #recogniseUncached(text: string): KnownProblem | undefined {
    for (const family of this.families) {
      if (!family.markers.some((m) => text.includes(m))) continue;
      const problem = family.recognise(text);
      if (problem) return problem;
    }
    return undefined;
  }
}
