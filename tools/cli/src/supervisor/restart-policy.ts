/**
 * How `magpie up` restarts a component that exits on its own, like a Kubernetes pod with
 * `restartPolicy: Always`: exponential backoff between attempts, capped, and forgotten once the
 * component has stayed up long enough to count as healthy again.
 */
export interface RestartPolicy {
  /** Delay before the first restart. */
  readonly baseMs: number;
  /** The delay never grows past this. */
  readonly maxMs: number;
  /** A component that stayed up (ready) this long starts again from `baseMs` on its next exit. */
  readonly resetAfterMs: number;
}

/** 1 s, 2 s, 4 s … capped at 30 s, reset after 60 s up: the kubelet's CrashLoopBackOff shape, shorter. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = { baseMs: 1_000, maxMs: 30_000, resetAfterMs: 60_000 };

/** The delay before restart number `attempt` (1-based) of a crash loop. */
export function restartDelayMs(policy: RestartPolicy, attempt: number): number {
  const exponent = Math.max(0, attempt - 1);
  // Capped before multiplying so a long crash loop cannot overflow to Infinity.
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
}
