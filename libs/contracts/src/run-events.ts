import { z } from 'zod';
import { IsoTime, RunId, Stage } from './common.js';
import { RunSpec } from './run-spec.js';
import type { RecordKind } from './records.js';
import { RunStatus } from './run-state.js';

/** Published by the gateway once a run is accepted and stored; the generator plans it. */
export const RunRequested = z.object({
  schemaVersion: z.literal(1),
  runId: RunId,
  spec: RunSpec,
  requestedAt: IsoTime,
});
export type RunRequested = z.infer<typeof RunRequested>;

/** Published by the gateway when a user cancels a run. */
export const RunCancelled = z.object({
  schemaVersion: z.literal(1),
  runId: RunId,
  reason: z.string().max(1024),
  cancelledAt: IsoTime,
});
export type RunCancelled = z.infer<typeof RunCancelled>;

/** Per-kind record counts of one run, read from the RECORDS stream. */
export const RecordCounts = z.object({
  problem: z.number().int().nonnegative(),
  solution: z.number().int().nonnegative(),
  samples: z.number().int().nonnegative(),
  rewards: z.number().int().nonnegative(),
}) satisfies z.ZodType<Record<RecordKind, number>>;
export type RecordCounts = z.infer<typeof RecordCounts>;

/** Published by a stage after it stores an output. */
export const RunProgress = z.object({
  schemaVersion: z.literal(1),
  runId: RunId,
  stage: Stage,
  counts: RecordCounts,
  expected: z.number().int().positive(),
  at: IsoTime,
});
export type RunProgress = z.infer<typeof RunProgress>;

/** Published once, by whichever component moves a run to a terminal status. */
export const RunFinished = z.object({
  schemaVersion: z.literal(1),
  runId: RunId,
  status: RunStatus.exclude(['running']),
  counts: RecordCounts,
  deadLettered: z.number().int().nonnegative(),
  reason: z.string().max(4096).optional(),
  finishedAt: IsoTime,
});
export type RunFinished = z.infer<typeof RunFinished>;

/** Published when a stage gives up on a message and dead-letters it. */
export const StageFailed = z.object({
  schemaVersion: z.literal(1),
  runId: z.string(),
  stage: z.string(),
  subject: z.string(),
  error: z.string().max(4096),
  deliveryCount: z.number().int().nonnegative(),
  at: IsoTime,
});
export type StageFailed = z.infer<typeof StageFailed>;
