import { z } from 'zod';
import { FinishReason, RunId } from './common.js';

/** What the reward stage keeps of a problem's solution until its samples are scored. */
export const JoinedSolution = z.object({
  recordId: z.string(),
  answer: z.string().nullable(),
  finishReason: FinishReason,
  seed: z.number().int().nonnegative(),
});
export type JoinedSolution = z.infer<typeof JoinedSolution>;

/** What the reward stage keeps of a problem's scored samples until its solution arrives: the record is re-read by its stream sequence. */
export const JoinedSamples = z.object({
  recordId: z.string(),
  /** The samples record's RECORDS stream sequence. */
  streamSequence: z.number().int().positive(),
  /** The reward of each response, in response order: scored once, so every writer of the rewards record writes the same one. */
  scores: z.array(z.number()).min(1),
});
export type JoinedSamples = z.infer<typeof JoinedSamples>;

/**
 * One entry of the `reward-joins` KV bucket (key `<runId>.<slot>`): the halves of a problem's
 * evaluation that have arrived. Written by compare-and-set only, so of two halves arriving at once
 * on two replicas exactly one sees both and writes the rewards record.
 */
export const RewardJoin = z.object({
  schemaVersion: z.literal(1),
  runId: RunId,
  slot: z.number().int().nonnegative(),
  solution: JoinedSolution.nullable(),
  samples: JoinedSamples.nullable(),
});
export type RewardJoin = z.infer<typeof RewardJoin>;
