import { isTerminal } from '@magpie/contracts';
import type { ProgressSource, RunProgress } from './progress-source.js';

/** How following a run to its end went. */
export type RunEndOutcome = { readonly kind: 'ended' } | { readonly kind: 'interrupted' } | { readonly kind: 'failed'; readonly error: unknown };

export interface WaitForRunEndOptions {
  /** Aborted on Ctrl-C: resolves `interrupted` at once. */
  readonly signal: AbortSignal;
  readonly onProgress: (progress: RunProgress) => void;
  /** The progress stream broke and is being opened again. */
  readonly onReconnect?: (error: unknown) => void;
}

/**
 * Follows the run's progress until its status is terminal (`ended`), the source gives up
 * (`failed`, with its error) or the signal aborts (`interrupted`). The follow is stopped before
 * the promise resolves, so nothing more is reported after it.
 */
export function waitForRunEnd(source: ProgressSource, runId: string, options: WaitForRunEndOptions): Promise<RunEndOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const onAbort = (): void => finish({ kind: 'interrupted' });
    // Deferred to a microtask: a source may report (and so finish) before follow() has returned.
    const finish = (outcome: RunEndOutcome): void => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      void Promise.resolve()
        .then(() => follow.stop())
        .then(() => resolve(outcome));
    };
    const follow = source.follow(runId, {
      onProgress: (progress) => {
        if (settled) return;
        options.onProgress(progress);
        if (isTerminal(progress.status)) finish({ kind: 'ended' });
      },
      onError: (error) => finish({ kind: 'failed', error }),
      ...(options.onReconnect ? { onReconnect: options.onReconnect } : {}),
    });
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener('abort', onAbort, { once: true });
  });
}
