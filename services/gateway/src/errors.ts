/** Thrown when a request field is invalid; `field` is the request's field path, e.g. `solver.sampling.top_p`. */
export class InvalidArgumentError extends Error {
  override readonly name = 'InvalidArgumentError';
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}
