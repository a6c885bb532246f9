import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthServerOptions {
  readonly port: number;
  readonly host?: string;
  /** True while the component can do its work; /healthz answers 200 then, 503 otherwise. */
  readonly isHealthy: () => boolean;
  /** Prometheus text exposition for /metrics; 404 when omitted. */
  readonly metrics?: () => Promise<string> | string;
}

/** A minimal HTTP endpoint for liveness/readiness probes and metrics scraping. */
export class HealthServer {
  readonly #options: HealthServerOptions;
  #server: Server | undefined;

  constructor(options: HealthServerOptions) {
    this.#options = options;
  }

  /** Listens and resolves with the bound port (useful with port 0). */
  async start(): Promise<number> {
    if (this.#server) return (this.#server.address() as AddressInfo).port;
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/healthz') {
        const ok = this.#options.isHealthy();
        res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ok\n' : 'unhealthy\n');
        return;
      }
      const metrics = this.#options.metrics;
      if (path === '/metrics' && metrics) {
        Promise.resolve(metrics()).then(
          (text) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(text),
          () => res.writeHead(500).end(),
        );
        return;
      }
      res.writeHead(404).end();
    });
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#options.port, this.#options.host ?? '0.0.0.0', () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
