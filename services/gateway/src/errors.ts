/** Thrown when a request field is invalid; `field` is the request's field path, e.g. `solver.sampling.top_p`. */
export class InvalidArgumentError extends Error {
  override readonly name = 'InvalidArgumentError';
  readonly field: string;
  /** The message without the field: what BadRequest's field violation describes. */
  readonly description: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
    this.description = message;
  }
}

/** Thrown when a MagpieService call lacks a valid bearer token. The message never contains the token sent. */
export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
}

/** Thrown when accepting a request would exceed a configured limit (e.g. MAX_ACTIVE_RUNS). */
export class LimitExceededError extends Error {
  override readonly name = 'LimitExceededError';
}

/** Thrown at start when the gateway's security settings (token file, TLS files) cannot be used. */
export class SecuritySetupError extends Error {
  override readonly name = 'SecuritySetupError';
}

/** Thrown when the run's state does not allow the operation (exporting a run that is still running). */
export class FailedPreconditionError extends Error {
  override readonly name = 'FailedPreconditionError';
}

/** Thrown when a dependency is not ready yet but will be (a dataset still being built): retry later. */
export class NotReadyError extends Error {
  override readonly name = 'NotReadyError';
}
