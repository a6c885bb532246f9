import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, findNatsServer, ManagedChild, natsServerSpec, waitUntilReady, type ComponentSpec } from '@magpie/launcher';

export interface NatsServerFixtureOptions {
  readonly binary?: string;
  readonly searchPath?: string;
  /** A server config (auth tests). */
  readonly configFile?: string;
  /** The server's whole environment, when its config reads variables (`$GATEWAY_NATS_PASS`…); this process's otherwise. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A real nats-server with JetStream on a free port and a temporary store, for one test suite. */
export class NatsServerFixture {
  readonly port: number;
  readonly storeDir: string;
  readonly #spec: ComponentSpec;
  #child: ManagedChild | undefined;

  private constructor(port: number, storeDir: string, spec: ComponentSpec) {
    this.port = port;
    this.storeDir = storeDir;
    this.#spec = spec;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** The server's log file (its store directory holds it). */
  get logFile(): string {
    return this.#spec.logPath;
  }

  /**
   * Starts nats-server (the project's pinned install, else PATH) and waits until it accepts
   * connections.
   */
  static async start(options: NatsServerFixtureOptions = {}): Promise<NatsServerFixture> {
    const storeDir = mkdtempSync(join(tmpdir(), 'magpie-nats-'));
    const port = await findFreePort();
    const spec = natsServerSpec({
      natsServerPath: findNatsServer(options.binary, options.searchPath),
      port,
      storeDir,
      logPath: join(storeDir, 'nats-server.log'),
      cwd: storeDir,
      env: options.env ?? process.env,
      ...(options.configFile ? { configFile: options.configFile } : {}),
    });
    const fixture = new NatsServerFixture(port, storeDir, spec);
    await fixture.#startAndWait();
    return fixture;
  }

  async #startAndWait(): Promise<void> {
    this.#child = await ManagedChild.start(this.#spec);
    await waitUntilReady(this.#spec.readiness, { timeoutMs: 15_000, intervalMs: 50 });
  }

  /** Stops and starts the server on the same port and store, as an operator's restart would; `downMs` is how long it stays down. */
  async restart(downMs = 0): Promise<void> {
    await this.#child?.stop(5_000);
    if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
    await this.#startAndWait();
  }

  /** Stops the server and deletes its store. */
  async stop(): Promise<void> {
    await this.#child?.stop(5_000);
    rmSync(this.storeDir, { recursive: true, force: true });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
