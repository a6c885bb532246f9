/** Thrown by a handler when retrying may succeed (backend 5xx/429, timeouts): the message is nak'd with backoff. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
  readonly retryable = true;
  /** Minimum delay before redelivery, e.g. from a Retry-After header. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options?: ErrorOptions & { retryAfterMs?: number }) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** Thrown by a handler when retrying cannot help: the message is dead-lettered at once. */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
  readonly retryable = false;
}

/** Thrown when a payload fails its zod schema on publish. */
export class InvalidPayloadError extends Error {
  override readonly name = 'InvalidPayloadError';
}

/** Thrown when a publish is not acknowledged by JetStream after its retries. */
export class PublishError extends Error {
  override readonly name = 'PublishError';
}

/** Thrown on an illegal lifecycle transition, e.g. starting a stopped worker. */
export class IllegalStateError extends Error {
  override readonly name = 'IllegalStateError';
}

/**
 * Errors from other libraries may say whether a retry can help through a boolean `retryable`
 * field and a `retryAfterMs` hint; the worker honours both without knowing their classes.
 */
export function isNotRetryable(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { retryable?: unknown }).retryable === false;
}

/** The error's `retryAfterMs` hint, or 0. */
export function retryAfterOf(err: unknown): number {
  const value = typeof err === 'object' && err !== null ? (err as { retryAfterMs?: unknown }).retryAfterMs : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
