import { InvalidArgumentError } from './errors.js';

const RUN_ID = /^[A-Za-z0-9_-]{3,64}$/;

/** Throws InvalidArgumentError (field `run_id`) unless `runId` is a well-formed run id. */
export function requireRunId(runId: string): string {
  if (!runId) throw new InvalidArgumentError('run_id', 'required');
  if (!RUN_ID.test(runId)) throw new InvalidArgumentError('run_id', 'must be 3-64 letters, digits, "-" or "_"');
  return runId;
}
