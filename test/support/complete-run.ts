import type { MagpieClient, Run } from '@magpie/api';
import { waitFor } from '@magpie/testing';

/**
 * Starts a run of `count` algebra problems and waits until it has ended; resolves with the final
 * Run. A platform that works ends it SUCCEEDED with `count` records of every kind.
 */
export async function completeRun(client: MagpieClient, count: number, timeoutMs = 120_000): Promise<Run> {
  const started = await client.startRun({ domain: 'algebra', count, samples_per_problem: 3 });
  const runId = started.run?.run_id ?? '';
  return waitFor(
    `run ${runId} to end`,
    async () => {
      const run = await client.getRun({ run_id: runId });
      return run.status === 'RUN_STATUS_RUNNING' ? undefined : run;
    },
    timeoutMs,
    200,
  );
}
