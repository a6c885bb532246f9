import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ComponentNotReadyError } from './errors.js';
import { findFreePort, findFreePorts } from './free-port.js';
import { probeHttpOk, probeTcp, waitUntilReady } from './readiness.js';

const servers: Server[] = [];

/** A real HTTP server: /healthz answers `status()`, anything else 404. */
async function startServer(status: () => number, port = 0): Promise<number> {
  const server = createServer((req, res) => res.writeHead(req.url === '/healthz' ? status() : 404).end());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('readiness probes', () => {
  it('probeHttpOk is true only for a 200', async () => {
    let status = 503;
    const port = await startServer(() => status);
    expect(await probeHttpOk(`http://127.0.0.1:${port}/healthz`, 1_000)).toBe(false);
    status = 200;
    expect(await probeHttpOk(`http://127.0.0.1:${port}/healthz`, 1_000)).toBe(true);
    expect(await probeHttpOk(`http://127.0.0.1:${port}/other`, 1_000)).toBe(false);
  });

  it('probes are false when nothing listens', async () => {
    const port = await findFreePort();
    expect(await probeTcp('127.0.0.1', port, 1_000)).toBe(false);
    expect(await probeHttpOk(`http://127.0.0.1:${port}/healthz`, 1_000)).toBe(false);
  });

  it('probeTcp is true once something listens', async () => {
    const port = await startServer(() => 200);
    expect(await probeTcp('127.0.0.1', port, 1_000)).toBe(true);
  });

  it('waitUntilReady waits for a server that comes up later', async () => {
    const port = await findFreePort();
    setTimeout(() => void startServer(() => 200, port), 300);
    const startedAt = Date.now();
    await waitUntilReady({ kind: 'http', url: `http://127.0.0.1:${port}/healthz` }, { timeoutMs: 5_000, intervalMs: 50 });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(250);
  });

  it('waitUntilReady throws ComponentNotReadyError after the timeout', async () => {
    const port = await startServer(() => 503);
    await expect(
      waitUntilReady({ kind: 'http', url: `http://127.0.0.1:${port}/healthz` }, { timeoutMs: 300, intervalMs: 50 }),
    ).rejects.toBeInstanceOf(ComponentNotReadyError);
  });

  it('waitUntilReady stops when the signal aborts', async () => {
    const port = await findFreePort();
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 100);
    await expect(
      waitUntilReady({ kind: 'tcp', host: '127.0.0.1', port }, { timeoutMs: 5_000, intervalMs: 20, signal: controller.signal }),
    ).rejects.toThrow('shutting down');
  });

  it('findFreePorts returns distinct ports outside the exclusions', async () => {
    const ports = await findFreePorts(5, [4222]);
    expect(new Set(ports).size).toBe(5);
    expect(ports).not.toContain(4222);
  });
});
