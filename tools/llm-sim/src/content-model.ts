import type { ModelEntry } from '@magpie/catalog';
import type { Rng } from './rng.js';

/** One conversation (or raw input) a reward model reads. */
export interface Scored {
  readonly problem: string;
  readonly response: string;
  /** Everything the reward model "reads"; seeds the noise. */
  readonly text: string;
}

/**
 * What the simulated models write and how the simulated reward model scores: the one seam between
 * the `ideal` profile (plumbing double) and the `realistic` one. Handlers deal with HTTP, stops and
 * tokens; a content model only decides text and scores.
 */
export interface ContentModel {
  /** The instruction a model writes after a Magpie pre-query template with this system text (none for the bare template). */
  magpieInstruction(input: { readonly model: ModelEntry; readonly system: string | undefined; readonly rng: Rng }): string;
  /** The raw output (thinking included) a chat model writes for `question`, before stop handling. */
  answer(input: { readonly model: ModelEntry; readonly question: string; readonly temperature: number; readonly maxTokens: number; readonly rng: Rng }): string;
  /** Whether `text` holds a problem this content model can work (for raw completion prompts). */
  knows(text: string): boolean;
  /** The raw (pre-sigmoid) reward of one scored conversation. */
  rawReward(scored: Scored): number;
}
