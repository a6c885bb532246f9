import { INSTRUCTION_PLACEHOLDER, RESPONSE_PLACEHOLDER, type RewardConversation } from './reward-conversation.js';

/** One conversation ready for `/classify`'s `input`. */
export interface RenderedConversation {
  /** The templated text, sent as one `input` string. */
  readonly text: string;
  /** False when the text already starts with BOS, so vLLM must not prepend a second one. */
  readonly addSpecialTokens: boolean;
}

interface Parts {
  readonly head: string;
  readonly middle: string;
  readonly tail: string;
}

// Split, not String.replace: replacement strings expand `$&`, `$'` and friends, and math is full of `$`.
function parts(c: RewardConversation): Parts {
  const [head, rest] = c.template.split(INSTRUCTION_PLACEHOLDER) as [string, string];
  const [middle, tail] = rest.split(RESPONSE_PLACEHOLDER) as [string, string];
  return { head, middle, tail };
}

/** Renders one (instruction, response) pair the way the reward model's chat template would. */
export function renderRewardConversation(c: RewardConversation, instruction: string, response: string): RenderedConversation {
  const { head, middle, tail } = parts(c);
  const content = (s: string): string => (c.trimContent ? s.trim() : s);
  return { text: `${head}${content(instruction)}${middle}${content(response)}${tail}`, addSpecialTokens: c.bosToken === null };
}

/**
 * Splits a string built by renderRewardConversation back into its pair, or returns undefined when
 * it is not this template. The simulator uses this to score a batched `input` as the conversation
 * it encodes. The first occurrence of the text between the two parts ends the instruction.
 */
export function matchRewardConversation(c: RewardConversation, text: string): { instruction: string; response: string } | undefined {
  const { head, middle, tail } = parts(c);
  if (text.length < head.length + middle.length + tail.length || !text.startsWith(head) || !text.endsWith(tail)) return undefined;
  const body = text.slice(head.length, text.length - tail.length);
  const at = body.indexOf(middle);
  if (at < 0) return undefined;
  return { instruction: body.slice(0, at), response: body.slice(at + middle.length) };
}
