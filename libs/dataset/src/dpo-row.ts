import type { ChatMessage, ProblemRecord, RewardsRecord } from '@magpie/contracts';

/** A `_dpo.jsonl` row in TRL's standard (non-conversational) preference format. */
export interface DpoRow {
  readonly prompt: string;
  readonly chosen: string;
  readonly rejected: string;
}

function assistantText(messages: readonly ChatMessage[]): string | undefined {
  return messages.find((m) => m.role === 'assistant')?.content;
}

/** The preference pair of a problem, or undefined when the reward stage skipped it. */
export function dpoRow(problem: ProblemRecord, rewards: RewardsRecord): DpoRow | undefined {
  if (rewards.pair.skipReason !== null || rewards.chosen === null || rewards.rejected === null) return undefined;
  const chosen = assistantText(rewards.chosen);
  const rejected = assistantText(rewards.rejected);
  if (chosen === undefined || rejected === undefined) return undefined;
  return { prompt: problem.instruction, chosen, rejected };
}
