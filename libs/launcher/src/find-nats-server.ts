import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Thrown when no nats-server binary can be found. */
export class NatsServerNotFoundError extends Error {
  override readonly name = 'NatsServerNotFoundError';
}

/** Where `scripts/setup.sh` installs the pinned nats-server. */
export const PROJECT_NATS_SERVER = fileURLToPath(new URL('../../../.magpie/tools/bin/nats-server', import.meta.url));

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds nats-server: an explicit path first, then the project's pinned install, then `searchPath`
 * (a PATH-style list). Throws NatsServerNotFoundError saying how to install it.
 */
export function findNatsServer(explicit: string | undefined, searchPath: string | undefined): string {
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new NatsServerNotFoundError(`nats-server not executable at ${explicit}`);
  }
  if (isExecutable(PROJECT_NATS_SERVER)) return PROJECT_NATS_SERVER;
  for (const dir of (searchPath ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, 'nats-server'))) return join(dir, 'nats-server');
  }
  throw new NatsServerNotFoundError('nats-server not found: run `bash scripts/setup.sh` to install the pinned version');
}
