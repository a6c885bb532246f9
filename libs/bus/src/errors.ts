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

/**
 * Thrown when JetStream refuses a write because its store is full (the server's or the account's
 * storage limit, or a full disk). Nothing was stored; the same write succeeds once space returns,
 * so a worker pauses instead of counting it as a failure of the message.
 */
export class StoreFullError extends Error {
  override readonly name = 'StoreFullError';
  readonly retryable = true;
}

// JetStream's API error codes for "no room": insufficient resources (the server's limit, which
// nats-server derives from the free disk space by default), storage and memory resources exceeded.
const STORE_FULL_CODES = new Set([10023, 10047, 10028]);
const STORE_FULL_TEXT = /insufficient (storage |memory )?resources|resource limits exceeded/i;

/**
 * `err`'s message followed by those of its causes ("cannot append to X: insufficient resources"),
 * skipping a cause whose text the message already holds: a wrapper's message alone often hides the
 * server's reason, which is what an operator needs to read.
 */
export function errorChainText(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const text = e instanceof Error ? e.message : typeof e === 'string' || typeof e === 'number' || typeof e === 'boolean' ? String(e) : '';
    if (text !== '' && !parts.some((p) => p.includes(text))) parts.push(text);
    if (typeof e !== 'object') break;
  }
  return parts.join(': ');
}

/** True when `err`, or an error in its `cause` chain, says the JetStream store is full. */
export function isStoreFull(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; typeof e === 'object' && e !== null && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof StoreFullError) return true;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (e instanceof Error && e.name === 'JetStreamApiError' && typeof code === 'number' && STORE_FULL_CODES.has(code)) return true;
    if (typeof message === 'string' && STORE_FULL_TEXT.test(message)) return true;
  }
  return false;
}
