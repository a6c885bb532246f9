import { deriveSeed } from '@magpie/llm';

export interface ChoiceSeedInput {
  readonly simSeed: number;
  /** The request's `seed`, or a per-simulator request number when it sent none. */
  readonly requestKey: string | number;
  /** The prompt, or the conversation as text. */
  readonly text: string;
  readonly choiceIndex: number;
  readonly temperature: number;
}

/**
 * The seed for one choice. Greedy decoding (temperature 0) ignores the choice index, so all n
 * choices of such a request are identical, as they would be from a real model.
 */
export function choiceSeed(input: ChoiceSeedInput): number {
  const choice = input.temperature === 0 ? 'greedy' : input.choiceIndex;
  return deriveSeed(input.simSeed, input.requestKey, input.text, choice, input.temperature);
}
