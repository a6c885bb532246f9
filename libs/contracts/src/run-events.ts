import { z } from 'zod';
import { IsoTime, RunId } from './common.js';
import { RunCounts } from './run-counts.js';
import { RunSpec } from './run-spec.js';
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

/**
 * Published once, by whichever component moves a run to a terminal status. Version 2 carries the
 * run's counts in the one count model (version 1 had record counts and dead letters apart).
 */
export const RunFinished = z.object({
  schemaVersion: z.literal(2),
  runId: RunId,
  status: RunStatus.exclude(['running']),
  counts: RunCounts,
  reason: z.string().max(4096).optional(),
  finishedAt: IsoTime,
});
export type RunFinished = z.infer<typeof RunFinished>;
