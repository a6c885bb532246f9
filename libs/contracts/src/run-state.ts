import { z } from 'zod';
import { IsoTime, RunId } from './common.js';
import { RunSpec } from './run-spec.js';

/**
 * Lifecycle of a run. `running` from acceptance until every stage has produced `count` outputs
 * (`succeeded`), a record was dead-lettered (`failed`), or a user cancelled it (`cancelled`).
 */
export const RunStatus = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export type RunStatus = z.infer<typeof RunStatus>;

export const TERMINAL_STATUSES: readonly RunStatus[] = ['succeeded', 'failed', 'cancelled'];

/** True once a run can produce no more records. */
export function isTerminal(status: RunStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** A label key: lowercase letters, digits, '_' and '-', starting with a letter. */
export const RunLabelKey = z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, 'must be 1-63 lowercase letters, digits, "_" or "-", starting with a letter');
/** A label value: up to 63 printable ASCII characters. */
export const RunLabelValue = z.string().max(63).regex(/^[\x20-\x7e]*$/, 'must be printable ASCII');
/** Most labels a run may carry. */
export const MAX_RUN_LABELS = 16;

/** The run document kept in the `runs` KV bucket, one key per run id. */
export const RunState = z.object({
  schemaVersion: z.literal(1),
  runId: RunId,
  spec: RunSpec,
  status: RunStatus,
  clientRequestId: z.string().max(128).optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  finishedAt: IsoTime.optional(),
  /**
   * Human-readable reason for `failed` or `cancelled`. Never stored for a running run; RunStore
   * shows why a running run is paused here (a full NATS store).
   */
  reason: z.string().max(4096).optional(),
  /** Labels the run was started with, to find it by (ListRuns). */
  labels: z.record(RunLabelKey, RunLabelValue).optional(),
});
export type RunState = z.infer<typeof RunState>;
