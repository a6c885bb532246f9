import { setTimeout as sleep } from 'node:timers/promises';
import { runCountsFromProto, runStatusFromProto, type MagpieClient, type Run } from '@magpie/api';
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
  /** The stream broke (or ended before the final state) and is being opened again. */
  readonly onReconnect?: (error: unknown) => void;
}

/** Where progress comes from: WatchRun's server stream (watchProgressSource); tests pass their own. */
export interface ProgressSource {
  follow(runId: string, handlers: ProgressHandlers): ProgressFollow;
}

/** WatchRun ended without its final message; it is opened again like a broken stream. */
class StreamEndedError extends Error {
  override readonly name = 'StreamEndedError';
}

const progressOf = (run: Run): RunProgress => ({
  status: runStatusFromProto(run.status),
  counts: runCountsFromProto(run.counts, run.quality),
  count: run.spec?.count ?? 0,
  reason: run.reason,
});

/**
 * Progress from WatchRun: the gateway sends the run whenever its counts change and ends the stream
 * after the final state, so nothing is polled. A stream broken while the gateway is unavailable is
 * opened again with backoff (it starts with the current state), and so is one that ends before
 * the final message (a gateway replica that drains on shutdown ends its streams); `onError` is
 * told when it has failed for `waitMs` in a row, or at once for any other error.
 */
export function watchProgressSource(client: MagpieClient, waitMs = Number.POSITIVE_INFINITY): ProgressSource {
  return {
    follow(runId, { onProgress, onError, onReconnect }) {
      const abort = new AbortController();
      let failingSince: number | undefined;
      const watching = (async () => {
        for (let attempt = 0; !abort.signal.aborted; attempt++) {
          try {
            for await (const message of client.watchRun({ run_id: runId }, { signal: abort.signal })) {
              failingSince = undefined;
              attempt = 0;
              if (message.run && message.run.status !== 'RUN_STATUS_UNSPECIFIED') onProgress(progressOf(message.run));
              if (message.final) return;
            }
            throw new StreamEndedError(`WatchRun of ${runId} ended before the run's final state`);
          } catch (error) {
            if (abort.signal.aborted) return;
            failingSince ??= Date.now();
            if (!(isTransient(error) || error instanceof StreamEndedError) || Date.now() - failingSince >= waitMs) {
              onError?.(error);
              return;
            }
            onReconnect?.(error);
            await sleep(Math.min(5_000, 250 * 2 ** attempt), undefined, { signal: abort.signal }).catch(() => undefined);
          }
        }
      })();
      return {
        stop: async () => {
          abort.abort();
          await watching;
        },
      };
    },
  };
}
