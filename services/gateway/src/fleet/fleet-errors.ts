/** Thrown by GetFleet when the gateway has no Kubernetes cluster to read; the message says what to set. */
export class FleetUnavailableError extends Error {
  override readonly name = 'FleetUnavailableError';
}

/**
 * Thrown when the Kubernetes API server refuses or fails a request. `transient` marks what a retry
 * may fix (the server unreachable, 429, 5xx); refusals (401, 403, 404) are the gateway's set-up.
 */
export class KubernetesApiError extends Error {
  override readonly name = 'KubernetesApiError';
  readonly status: number | undefined;
  readonly transient: boolean;

  constructor(message: string, options: ErrorOptions & { status?: number; transient: boolean }) {
    super(message, options);
    this.status = options.status;
    this.transient = options.transient;
  }
}
