import { setTimeout as sleep } from 'node:timers/promises';
import * as grpc from '@grpc/grpc-js';
import { isGrpcError } from '@magpie/api';

/** Codes a retry can cure: the gateway (or its bus) is away, or a call timed out while it was. Every call retried here is idempotent. */
const TRANSIENT = new Set<number>([grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED]);

/** Whether a gateway error is worth retrying. */
export function isTransient(error: unknown): error is grpc.ServiceError {
  return isGrpcError(error) && TRANSIENT.has(error.code);
}

export interface RetryOptions {
  /** Keep retrying for this long after the first failure, then throw the last error. */
  readonly waitMs: number;
  /** Aborting stops waiting; the last error is thrown. */
  readonly signal?: AbortSignal;
  /** First pause; doubles per failure up to `maxDelayMs`. Default 250 ms. */
  readonly firstDelayMs?: number;
  /** Default 5 s. */
  readonly maxDelayMs?: number;
  /** Told before each pause, e.g. to print a notice. */
  readonly onRetry?: (error: grpc.ServiceError, delayMs: number, attempt: number) => void;
}

/**
 * Runs `call` and retries it with exponential backoff while it fails with UNAVAILABLE (or
 * DEADLINE_EXCEEDED), for up to `waitMs` from the first failure. Any other error is thrown at
 * once. Callers make the call idempotent (StartRun carries its request id, GetRun and
 * CancelRun are reads or idempotent by contract).
 */
export async function retryUnavailable<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const firstDelayMs = options.firstDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  let giveUpAt: number | undefined;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isTransient(error) || options.signal?.aborted) throw error;
      giveUpAt ??= Date.now() + options.waitMs;
      const left = giveUpAt - Date.now();
      if (left <= 0) throw error;
      const delayMs = Math.min(firstDelayMs * 2 ** (attempt - 1), maxDelayMs, left);
      options.onRetry?.(error, delayMs, attempt);
      try {
        await sleep(delayMs, undefined, options.signal ? { signal: options.signal } : {});
      } catch {
        throw error;
      }
    }
  }
}
