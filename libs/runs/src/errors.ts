/** Thrown when creating a run whose id is already stored. */
export class RunExistsError extends Error {
  override readonly name = 'RunExistsError';
}

/** Thrown when a run id is not in the store. */
export class RunNotFoundError extends Error {
  override readonly name = 'RunNotFoundError';
}

/** Thrown when a stored run document does not match this version's schema (written by an incompatible version). */
export class RunStateUnreadableError extends Error {
  override readonly name = 'RunStateUnreadableError';
}
