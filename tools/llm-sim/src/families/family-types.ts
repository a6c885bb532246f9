import type { Rng } from '../rng.js';

/** A problem's latent difficulty: 1 one-step school exercise … 5 olympiad-style chain of four facts. */
export type Difficulty = 1 | 2 | 3 | 4 | 5;
export const DIFFICULTIES: readonly Difficulty[] = [1, 2, 3, 4, 5];

/** What kind of object an answer is; decides how a sample may write it differently. */
export type AnswerKind = 'integer' | 'fraction' | 'radical' | 'pi' | 'interval' | 'set' | 'tuple' | 'expression' | 'matrix';

/** A final answer in the simulator's canonical LaTeX (what goes into `\boxed{}`). */
export interface FamilyAnswer {
  readonly latex: string;
  readonly kind: AnswerKind;
  /** The elements of a set answer, canonical, so a sample may list them in another order. */
  readonly items?: readonly string[];
}

/** One worked derivation: its steps in order and the answer they reach. */
export interface Derivation {
  readonly steps: readonly string[];
  readonly answer: FamilyAnswer;
  /** How many steps a slip could hit (numbers computed or read along the way). */
  readonly sites: number;
  /** The site that was slipped, when one was. */
  readonly slippedSite: number | undefined;
}

/** The kinds of mistake a slipped step makes. */
export type SlipKind = 'arithmetic' | 'sign' | 'off-by-one' | 'factor' | 'digit';
export const SLIP_KINDS: readonly SlipKind[] = ['arithmetic', 'sign', 'off-by-one', 'factor', 'digit'];

/** One deliberate mistake: which site goes wrong, how, and by how much. */
export interface SlipPlan {
  readonly site: number;
  readonly kind: SlipKind;
  /** A seed for the size of the mistake. */
  readonly magnitude: number;
}

/** How to write one derivation: phrasing and solution path seeds (0 = the canonical one) and an optional slip. */
export interface DerivationPlan {
  readonly phrasing: number;
  readonly path: number;
  readonly slip?: SlipPlan;
}

/** The canonical plan: first phrasings, first path, no slip. */
export const TRUTH_PLAN: DerivationPlan = Object.freeze({ phrasing: 0, path: 0 });

/** A problem the simulator knows: where it comes from, how hard it is and how to work it. */
export interface KnownProblem {
  readonly family: string;
  readonly domain: string;
  readonly subtopic: string;
  readonly difficulty: Difficulty;
  /** "find the sum of the squares of the roots of a quadratic" (for tag answers). */
  readonly intent: string;
  /** "Vieta's formulas" (for tag answers). */
  readonly knowledge: string;
  /** The canonical derivation (TRUTH_PLAN). */
  readonly truth: Derivation;
  /** Works the problem under a plan. Throws when the plan's slip cannot apply (the value cannot go wrong that way). */
  derive(plan: DerivationPlan): Derivation;
}

/** A family of problems the realistic simulator can write, recognise and work. */
export interface RealisticFamily {
  readonly name: string;
  readonly domain: string;
  readonly subtopic: string;
  readonly levels: readonly Difficulty[];
  /** A fresh problem of difficulty `level` (one of `levels`). Never throws. */
  generate(rng: Rng, level: Difficulty): { readonly text: string; readonly problem: KnownProblem };
  /** The problem in `text` (searched anywhere in it), or undefined. Never throws. */
  recognise(text: string): KnownProblem | undefined;
  /** The longest literal piece of each template: a cheap test before the regular expressions. */
  readonly markers: readonly string[];
}
