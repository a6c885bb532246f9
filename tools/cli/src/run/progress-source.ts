import { runCountsFromProto, runStatusFromProto, type MagpieClient } from '@magpie/api';
import type { RunCounts, RunStatus } from '@magpie/contracts';

/** What a progress display needs of a run at one moment. */
export interface RunProgress {
  readonly status: RunStatus;
  /** The run's counts as the platform stores them (its record log). */
  readonly counts: RunCounts;
  /** The run's target problem count. */
  readonly count: number;
  /** Why the run failed or was cancelled; '' otherwise. */
  readonly reason: string;
}

/** A running follow; `stop` resolves once nothing is in flight any more. */
export interface ProgressFollow {
  stop(): Promise<void>;
}

/**
 * Where progress comes from. Today GetRun polled (pollingProgressSource); WatchRun, a server
 * stream of the same facts, replaces it behind this interface.
 */
export interface ProgressSource {
  follow(runId: string, onProgress: (progress: RunProgress) => void): ProgressFollow;
}

/**
 * Progress by reading the run with GetRun every `intervalMs`, so it shows what the platform
 * stored, not what this client happened to receive. A failed read is skipped: the record stream
 * (or the final state) is what reports a gateway that is really gone.
 */
export function pollingProgressSource(client: MagpieClient, intervalMs: number): ProgressSource {
  return {
    follow(runId, onProgress) {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let reading: Promise<void> = Promise.resolve();
      const read = (): void => {
        reading = client.getRun({ run_id: runId }, { deadlineMs: 5_000 }).then(
          (run) => {
            if (stopped || run.status === 'RUN_STATUS_UNSPECIFIED') return;
            onProgress({ status: runStatusFromProto(run.status), counts: runCountsFromProto(run.counts), count: run.spec?.count ?? 0, reason: run.reason });
          },
          () => undefined,
        );
        void reading.then(() => {
          if (!stopped) timer = setTimeout(read, intervalMs);
        });
      };
      read();
      return {
        stop: async () => {
          stopped = true;
          clearTimeout(timer);
          await reading;
        },
      };
    },
  };
}
