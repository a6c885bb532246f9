import { z } from 'zod';
import { RunId } from './common.js';

/**
 * One unit of generator work: fill problem slots [slotStart, slotStart + slotCount) of a run.
 * Slots make the output exact: each slot yields one problem with a deterministic record id,
 * so a retried task can never add a problem beyond `count`.
 */
export const GenerationTask = z.object({
  schemaVersion: z.literal(1),
  runId: RunId,
  taskIndex: z.number().int().nonnegative(),
  slotStart: z.number().int().nonnegative(),
  slotCount: z.number().int().positive().max(4096),
});
export type GenerationTask = z.infer<typeof GenerationTask>;
