import { setTimeout as sleep } from 'node:timers/promises';
import { runStatusFromProto, type MagpieClient, type Run } from '@magpie/api';
import { isTerminal } from '@magpie/contracts';
import { retryUnavailable, type RetryOptions } from './retry-unavailable.js';

export interface FinalRunStateOptions {
  readonly client: MagpieClient;
  readonly runId: string;
  /** How long to wait for a terminal status after the stream ended (the stored status may trail the last record). */
  readonly settleMs: number;
  /** How long each read is retried while the gateway is unavailable. */
  readonly waitMs: number;
  readonly onRetry?: RetryOptions['onRetry'];
  readonly pollMs?: number;
}

/** The run as the gateway last reported it, or the error that kept it from answering. */
export type FinalRunState = { readonly run: Run } | { readonly error: unknown };

/**
 * The run's final state: GetRun, retried with backoff while the gateway is unavailable (for up
 * to `waitMs`), then polled for up to `settleMs` until its status is terminal. A read that fails
 * for good yields the error, never a made-up status: the caller must not call a run failed
 * because a read failed.
 */
export async function finalRunState(options: FinalRunStateOptions): Promise<FinalRunState> {
  const giveUpAt = Date.now() + options.settleMs;
  const read = (): Promise<Run> =>
    retryUnavailable(() => options.client.getRun({ run_id: options.runId }, { deadlineMs: 5_000 }), {
      waitMs: options.waitMs,
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    });
  for (;;) {
    let run: Run;
    try {
      run = await read();
    } catch (error) {
      return { error };
    }
    if (run.status !== 'RUN_STATUS_UNSPECIFIED' && isTerminal(runStatusFromProto(run.status))) return { run };
    if (Date.now() >= giveUpAt) return { run };
    await sleep(options.pollMs ?? 200);
  }
}
