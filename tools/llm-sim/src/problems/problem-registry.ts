import type { Rng } from '../rng.js';
import { algebraFamilies } from './algebra.js';
import { calculusFamilies } from './calculus.js';
import { discreteFamilies } from './discrete.js';
import { geometryFamilies } from './geometry.js';
import { numberTheoryFamilies } from './number-theory.js';
import type { Problem, ProblemFamily, Solution } from './problem-family.js';
import { statisticsFamilies } from './statistics.js';

/** A generated problem and the family, domain and subtopic it came from. */
export interface GeneratedProblem extends Problem {
  readonly family: string;
  readonly domain: string;
  readonly subtopic: string;
}

/** A solution plus the family that recognised the text. */
export interface RecognisedSolution extends Solution {
  readonly family: string;
}

/** Every family of every domain; the order is the order `solve` tries them in. */
export function allFamilies(): ProblemFamily[] {
  return [...algebraFamilies(), ...calculusFamilies(), ...geometryFamilies(), ...statisticsFamilies(), ...numberTheoryFamilies(), ...discreteFamilies()];
}

/** Picks families by domain/subtopic and recognises any family's problem text. */
export class ProblemRegistry {
  readonly families: readonly ProblemFamily[];

  constructor(families: readonly ProblemFamily[] = allFamilies()) {
    this.families = families;
  }

  /**
   * The families for a subtopic; for the whole domain when the subtopic is missing or has none;
   * every family when the domain has none either. Never empty unless the registry is.
   */
  familiesFor(domain?: string, subtopic?: string): readonly ProblemFamily[] {
    const inDomain = this.families.filter((f) => f.domain === domain);
    const inSubtopic = inDomain.filter((f) => f.subtopic === subtopic);
    if (inSubtopic.length > 0) return inSubtopic;
    return inDomain.length > 0 ? inDomain : this.families;
  }

  /** A fresh problem from a family of the domain/subtopic (see familiesFor), chosen with `rng`. */
  generate(rng: Rng, domain?: string, subtopic?: string): GeneratedProblem {
    const family = rng.pick(this.familiesFor(domain, subtopic));
    return { ...family.generate(rng), family: family.name, domain: family.domain, subtopic: family.subtopic };
  }

  /** The first family that can parse and solve `text`, or undefined. Never throws. */
  solve(text: string): RecognisedSolution | undefined {
    for (const family of this.families) {
      const solution = family.solve(text);
      if (solution) return { ...solution, family: family.name };
    }
    return undefined;
  }
}
