/**
 * Thrown when an inference backend call fails. `retryable` says whether the same call may succeed
 * later (connection errors, timeouts, 429, 5xx, malformed bodies); `retryAfterMs` carries the
 * server's Retry-After. The bus worker reads both to decide between nak and dead-letter.
 */
export class BackendError extends Error {
  override readonly name: string = 'BackendError';
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: ErrorOptions & { retryable: boolean; status?: number; retryAfterMs?: number }) {
    super(message, options);
    this.retryable = options.retryable;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Thrown when the backend answered 2xx with a body we cannot use. */
export class MalformedResponseError extends BackendError {
  override readonly name = 'MalformedResponseError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, { ...options, retryable: true });
  }
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Retry policy for an HTTP status: 408, 409, 429 and 5xx may succeed later. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
