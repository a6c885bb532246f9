import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findUp } from '@magpie/config';

/** Thrown when no nats-server binary can be found. */
export class NatsServerNotFoundError extends Error {
  override readonly name = 'NatsServerNotFoundError';
}

const PINNED_NATS_SERVER = '.magpie/tools/bin/nats-server';

/**
 * Where `scripts/setup.sh` installed the pinned nats-server: in the repository above this module,
 * whether it runs from the sources or from the build in dist/. Undefined when there is none.
 */
export function projectNatsServer(): string | undefined {
  const root = findUp(import.meta.url, PINNED_NATS_SERVER);
  return root === undefined ? undefined : join(root, PINNED_NATS_SERVER);
}

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
  const pinned = projectNatsServer();
  if (pinned !== undefined && isExecutable(pinned)) return pinned;
  for (const dir of (searchPath ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, 'nats-server'))) return join(dir, 'nats-server');
  }
  throw new NatsServerNotFoundError('nats-server not found: run `bash scripts/setup.sh` to install the pinned version');
}
