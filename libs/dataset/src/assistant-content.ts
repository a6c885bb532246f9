import type { SolutionRecord } from '@magpie/contracts';

/**
 * The assistant turn of a solution for training exports: the response, preceded by the reasoning
 * in `<think>…</think>` when the model reasoned. Reasoning SFT data is the chain of thought, and
 * this is the layout R1-style chat templates and Magpie-Reasoning's CoT responses use.
 */
export function assistantContent(solution: SolutionRecord): string {
  if (solution.reasoning === null) return solution.response;
  return `<think>\n${solution.reasoning}\n</think>\n\n${solution.response}`;
}
