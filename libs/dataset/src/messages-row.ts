import type { ProblemRecord, SolutionRecord } from '@magpie/contracts';
import { assistantContent } from './assistant-content.js';

/** A `_messages.jsonl` row: the chat format SFT trainers (TRL, axolotl…) read directly. */
export interface MessagesRow {
  readonly messages: readonly [{ role: 'user'; content: string }, { role: 'assistant'; content: string }];
}

/**
 * Whether a solution belongs in the SFT export. A generation cut off at max_tokens (or aborted)
 * would teach the model to stop mid-thought, so only complete solutions with a response qualify;
 * the others stay in `_ins_res` and `_sharegpt` with their finish_reason.
 */
export function isSftReady(solution: SolutionRecord): boolean {
  return solution.finishReason === 'stop' && solution.response.trim() !== '';
}

/** The user/assistant pair of one solved problem. */
export function messagesRow(problem: ProblemRecord, solution: SolutionRecord): MessagesRow {
  return {
    messages: [
      { role: 'user', content: problem.instruction },
      { role: 'assistant', content: assistantContent(solution) },
    ],
  };
}
