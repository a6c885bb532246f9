import { runCountsFromProto, runStatusFromProto, type MagpieClient } from '@magpie/api';
import { isTransient } from './retry-unavailable.js';
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

export interface ProgressHandlers {
  readonly onProgress: (progress: RunProgress) => void;
  /**
   * The source gave up: the gateway refused the read (e.g. NOT_FOUND) or was unavailable for
   * longer than the source's wait. Nothing more is reported after it.
   */
  readonly onError?: (error: unknown) => void;
}

/**
 * Where progress comes from. Today GetRun polled (pollingProgressSource); WatchRun, a server
 * stream of the same facts, replaces it behind this interface.
 */
export interface ProgressSource {
  follow(runId: string, handlers: ProgressHandlers): ProgressFollow;
}

/**
 * Progress by reading the run with GetRun every `intervalMs`, so it shows what the platform
 * stored, not what this client happened to receive. A read that fails while the gateway is
 * unavailable is skipped; `onError` is told when reads have failed for `waitMs` in a row, or at
 * once for any other error.
 */
export function pollingProgressSource(client: MagpieClient, intervalMs: number, waitMs = Number.POSITIVE_INFINITY): ProgressSource {
  return {
    follow(runId, { onProgress, onError }) {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let reading: Promise<void> = Promise.resolve();
      let failingSince: number | undefined;
      const read = (): void => {
        reading = client.getRun({ run_id: runId }, { deadlineMs: 5_000 }).then(
          (run) => {
            failingSince = undefined;
            if (stopped || run.status === 'RUN_STATUS_UNSPECIFIED') return;
            onProgress({ status: runStatusFromProto(run.status), counts: runCountsFromProto(run.counts), count: run.spec?.count ?? 0, reason: run.reason });
          },
          (error: unknown) => {
            failingSince ??= Date.now();
            if (stopped || (isTransient(error) && Date.now() - failingSince < waitMs)) return;
            stopped = true;
            onError?.(error);
          },
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
