/** Thrown when a port `magpie up` needs is already taken. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}
