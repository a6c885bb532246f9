/** Thrown when a child process cannot be spawned (missing binary, unwritable log file…). */
export class ChildStartError extends Error {
  override readonly name = 'ChildStartError';
}

/** Thrown when a component does not become ready: its probe timed out or the process exited first. */
export class ComponentNotReadyError extends Error {
  override readonly name = 'ComponentNotReadyError';
}

/** Thrown when no run of free ports can be found. */
export class NoFreePortError extends Error {
  override readonly name = 'NoFreePortError';
}
