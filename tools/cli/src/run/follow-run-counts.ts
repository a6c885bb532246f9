import { runCountsFromProto, type MagpieClient } from '@magpie/api';
import type { RunCounts } from '@magpie/contracts';

export interface FollowRunCountsOptions {
  readonly client: MagpieClient;
  readonly runId: string;
  /** Pause between two reads. */
  readonly intervalMs: number;
  readonly onCounts: (counts: RunCounts) => void;
}

/** A running follow; `stop` resolves once no read is in flight any more. */
export interface RunCountsFollower {
  stop(): Promise<void>;
}

/**
 * Reads the run's counts with GetRun every `intervalMs` until stopped, so progress shows what the
 * platform stored (its record log), not what this client happened to receive. A failed read is
 * skipped: the record stream is what reports a gateway that is really gone.
 */
export function followRunCounts(options: FollowRunCountsOptions): RunCountsFollower {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reading: Promise<void> = Promise.resolve();
  const read = (): void => {
    reading = options.client.getRun({ run_id: options.runId }, { deadlineMs: 5_000 }).then(
      (run) => {
        if (!stopped) options.onCounts(runCountsFromProto(run.counts));
      },
      () => undefined,
    );
    void reading.then(() => {
      if (!stopped) timer = setTimeout(read, options.intervalMs);
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
}
