import type { Solution } from './problems/problem-family.js';
import type { Rng } from './rng.js';
import { writeSolution } from './solution-writer.js';

/**
 * The raw text a chat model emits for one sample: for a reasoning model `<think>\n…\n</think>\n\n`
 * followed by the solution, otherwise just the solution. Stop handling comes later.
 */
export function solutionWithThinking(input: { solution: Solution | undefined; rng: Rng; accuracy: number; thinking: boolean }): string {
  const written = writeSolution(input);
  return input.thinking ? `<think>\n${written.reasoning}\n</think>\n\n${written.content}` : written.content;
}
