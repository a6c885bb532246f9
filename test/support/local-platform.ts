import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMagpieClient, type MagpieClient } from '@magpie/api';
import { ManagedProcess, NatsServerFixture, freePort, httpOk, waitFor } from '@magpie/testing';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVICES = ['generator', 'solver', 'sampler', 'reward', 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface LocalPlatformOptions {
  /** Extra environment for every service (e.g. smaller batches). */
  readonly serviceEnv?: Record<string, string>;
  readonly simEnv?: Record<string, string>;
}

/**
 * The whole platform as separate real processes: a nats-server, the simulator and the five
 * services, wired like `magpie up` wires them. Logs go to `logDir`.
 */
export class LocalPlatform {
  readonly logDir: string;
  readonly nats: NatsServerFixture;
  readonly simPort: number;
  readonly grpcAddress: string;
  readonly services: ReadonlyMap<ServiceName | 'sim', ManagedProcess>;
  readonly client: MagpieClient;

  private constructor(o: { logDir: string; nats: NatsServerFixture; simPort: number; grpcPort: number; services: Map<ServiceName | 'sim', ManagedProcess> }) {
    this.logDir = o.logDir;
    this.nats = o.nats;
    this.simPort = o.simPort;
    this.grpcAddress = `127.0.0.1:${o.grpcPort}`;
    this.services = o.services;
    this.client = createMagpieClient(this.grpcAddress);
  }

  static async start(options: LocalPlatformOptions = {}): Promise<LocalPlatform> {
    const logDir = mkdtempSync(join(tmpdir(), 'magpie-e2e-'));
    const nats = await NatsServerFixture.start({ searchPath: process.env.PATH });
    const simPort = await freePort();
    const grpcPort = await freePort();
    const services = new Map<ServiceName | 'sim', ManagedProcess>();
    const node = (name: ServiceName | 'sim', script: string, env: Record<string, string>) =>
      new ManagedProcess({
        name,
        command: process.execPath,
        args: ['--import', 'tsx', script],
        cwd: REPO_ROOT,
        env: { ...process.env, LOG_LEVEL: 'info', ...env },
        logFile: join(logDir, `${name}.log`),
      });

    const sim = node('sim', 'tools/llm-sim/src/main.ts', { SIM_PORT: String(simPort), ...options.simEnv });
    services.set('sim', sim);
    sim.start();
    await waitFor('the simulator', () => httpOk(`http://127.0.0.1:${simPort}/health`), 60_000);

    const healthPorts = new Map<ServiceName, number>();
    for (const name of SERVICES) {
      const healthPort = await freePort();
      healthPorts.set(name, healthPort);
      const proc = node(name, `services/${name}/src/main.ts`, {
        NATS_URL: nats.url,
        HEALTH_PORT: String(healthPort),
        LLM_BASE_URL: `http://127.0.0.1:${simPort}/v1`,
        REWARD_BASE_URL: `http://127.0.0.1:${simPort}`,
        GRPC_PORT: String(grpcPort),
        GRPC_HOST: '127.0.0.1',
        ...options.serviceEnv,
      });
      services.set(name, proc);
      proc.start();
    }
    for (const [name, port] of healthPorts) {
      await waitFor(`${name} to be healthy (log: ${join(logDir, `${name}.log`)})`, () => httpOk(`http://127.0.0.1:${port}/healthz`), 90_000);
    }
    const platform = new LocalPlatform({ logDir, nats, simPort, grpcPort, services });
    await platform.client.waitForReady(30_000);
    return platform;
  }

  /** Stops every process, services first, and the NATS server last. */
  async stop(): Promise<void> {
    this.client.close();
    await Promise.all([...this.services.values()].map((p) => p.stop('SIGTERM', 15_000)));
    await this.nats.stop();
  }
}
