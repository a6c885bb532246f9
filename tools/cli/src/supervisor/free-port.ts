import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

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
