import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { NoFreePortError } from './errors.js';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). Another process can take
 * it before the caller binds it, so callers should still handle EADDRINUSE.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** True when `port` on 127.0.0.1 can be bound right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `count` distinct free ports, none of them in `exclude`. */
export async function findFreePorts(count: number, exclude: readonly number[] = []): Promise<number[]> {
  const taken = new Set(exclude);
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await findFreePort();
    if (taken.has(port)) continue;
    taken.add(port);
    ports.push(port);
  }
  return ports;
}

/**
 * The first of `count` consecutive free ports, none in `exclude` (simulator replicas bind
 * port + i). Throws NoFreePortError after a few tries.
 */
export async function findFreePortRun(count: number, exclude: readonly number[] = []): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const [base = 0] = await findFreePorts(1, exclude);
    const rest = Array.from({ length: count - 1 }, (_, i) => base + i + 1);
    if (base + count - 1 > 65_535 || rest.some((p) => exclude.includes(p))) continue;
    if ((await Promise.all(rest.map(isPortFree))).every(Boolean)) return base;
  }
  throw new NoFreePortError(`no run of ${count} consecutive free ports found`);
}
