import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNatsServer } from '@magpie/runtime';
import { freePort } from './free-port.js';
import { ManagedProcess } from './managed-process.js';
import { canConnect, waitFor } from './wait-for.js';

/** A real nats-server with JetStream on a free port and a temporary store, for one test suite. */
export class NatsServerFixture {
  readonly port: number;
  readonly storeDir: string;
  readonly #process: ManagedProcess;

  private constructor(port: number, storeDir: string, process: ManagedProcess) {
    this.port = port;
    this.storeDir = storeDir;
    this.#process = process;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /**
   * Starts nats-server (the project's pinned install, else PATH) and waits until it accepts
   * connections. Pass `configFile` to run with a server config (auth tests), and `env` as the
   * server's whole environment when that config reads variables (`$GATEWAY_NATS_PASS`…); the
   * server inherits this process's environment otherwise.
   */
  static async start(
    options: { binary?: string; searchPath?: string; configFile?: string; env?: Readonly<Record<string, string | undefined>> } = {},
  ): Promise<NatsServerFixture> {
    const binary = findNatsServer(options.binary, options.searchPath);
    const port = await freePort();
    const storeDir = mkdtempSync(join(tmpdir(), 'magpie-nats-'));
    const args = ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir];
    if (options.configFile) args.push('-c', options.configFile);
    const proc = new ManagedProcess({
      name: 'nats-server',
      command: binary,
      args,
      logFile: join(storeDir, 'nats-server.log'),
      ...(options.env ? { env: options.env } : {}),
    });
    const fixture = new NatsServerFixture(port, storeDir, proc);
    await fixture.#startAndWait();
    return fixture;
  }

  async #startAndWait(): Promise<void> {
    this.#process.start();
    await waitFor('nats-server to accept connections', () => canConnect(this.port), 15_000, 50);
  }

  /** Stops and starts the server on the same port and store, as an operator's restart would. */
  async restart(downMs = 0): Promise<void> {
    await this.#process.stop('SIGTERM');
    if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
    await this.#startAndWait();
  }

  /** Stops the server and deletes its store. */
  async stop(): Promise<void> {
    await this.#process.stop('SIGTERM', 5_000);
    rmSync(this.storeDir, { recursive: true, force: true });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
