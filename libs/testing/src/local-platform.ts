import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { ManagedProcess } from './managed-process.js';
import { NatsServerFixture } from './nats-server-fixture.js';
import { httpOk, waitFor } from './wait-for.js';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const SERVICE_NAMES = ['generator', 'solver', 'sampler', 'reward', 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
export type StageName = Exclude<ServiceName, 'gateway'>;
const STAGES: readonly StageName[] = ['generator', 'solver', 'sampler', 'reward'];

export interface LocalPlatformOptions {
  /** The environment every child starts from (usually the test process's own). */
  readonly baseEnv: Readonly<Record<string, string | undefined>>;
  readonly serviceEnv?: Readonly<Record<string, string>>;
  readonly simEnv?: Readonly<Record<string, string>>;
  /** Simulator replicas per simulator process (each on its own port). */
  readonly simReplicas?: number;
  /** One simulator process per stage (so each stage's backend load can be measured) or one shared. */
  readonly simPerStage?: boolean;
  /** Services to start now; the rest can be started later with startService (default: all). */
  readonly services?: readonly ServiceName[];
}

interface SimProcess {
  readonly process: ManagedProcess;
  readonly ports: number[];
}

/**
 * The whole platform as separate real processes, wired like `magpie up` wires them: a
 * nats-server, the simulator (shared or one per stage, with replicas) and the five services.
 * Used by the e2e suite and the benchmark. Logs go to `logDir`.
 */
export class LocalPlatform {
  readonly logDir: string;
  readonly nats: NatsServerFixture;
  readonly grpcAddress: string;
  readonly #options: LocalPlatformOptions;
  readonly #sims: ReadonlyMap<StageName | 'shared', SimProcess>;
  readonly #services = new Map<ServiceName, { process: ManagedProcess; healthPort: number }>();
  readonly #grpcPort: number;

  private constructor(o: { options: LocalPlatformOptions; logDir: string; nats: NatsServerFixture; sims: Map<StageName | 'shared', SimProcess>; grpcPort: number }) {
    this.#options = o.options;
    this.logDir = o.logDir;
    this.nats = o.nats;
    this.#sims = o.sims;
    this.#grpcPort = o.grpcPort;
    this.grpcAddress = `127.0.0.1:${o.grpcPort}`;
  }

  static async start(options: LocalPlatformOptions): Promise<LocalPlatform> {
    const logDir = mkdtempSync(join(tmpdir(), 'magpie-platform-'));
    const nats = await NatsServerFixture.start({ searchPath: options.baseEnv.PATH });
    const sims = new Map<StageName | 'shared', SimProcess>();
    const replicas = options.simReplicas ?? 1;
    for (const name of options.simPerStage ? STAGES : (['shared'] as const)) {
      const basePort = await freePortRun(replicas);
      const ports = Array.from({ length: replicas }, (_, i) => basePort + i);
      const proc = LocalPlatform.#node(options, {
        name: `sim-${name}`,
        script: 'tools/llm-sim/src/main.ts',
        logDir,
        env: { SIM_PORT: String(basePort), SIM_REPLICAS: String(replicas), ...options.simEnv },
      });
      proc.start();
      sims.set(name, { process: proc, ports });
    }
    for (const [name, sim] of sims) {
      for (const port of sim.ports) await waitFor(`simulator ${name}:${port}`, () => httpOk(`http://127.0.0.1:${port}/health`), 60_000);
    }
    const platform = new LocalPlatform({ options, logDir, nats, sims, grpcPort: await freePort() });
    // Every service reports healthy only once connected and serving (the gateway once its gRPC port is bound).
    await Promise.all((options.services ?? SERVICE_NAMES).map((s) => platform.startService(s)));
    return platform;
  }

  static #node(options: LocalPlatformOptions, child: { name: string; script: string; logDir: string; env: Record<string, string> }): ManagedProcess {
    const { name, script, logDir, env } = child;
    return new ManagedProcess({
      name,
      command: process.execPath,
      args: ['--import', 'tsx', script],
      cwd: REPO_ROOT,
      env: { ...options.baseEnv, LOG_LEVEL: 'info', ...env },
      logFile: join(logDir, `${name}.log`),
    });
  }

  /** Base URLs of the simulator replicas serving `stage`. */
  simUrls(stage: StageName): string[] {
    const sim = this.#sims.get(stage) ?? this.#sims.get('shared');
    return (sim?.ports ?? []).map((p) => `http://127.0.0.1:${p}`);
  }

  /** Every simulator base URL, each once. */
  allSimUrls(): string[] {
    return [...this.#sims.values()].flatMap((s) => s.ports.map((p) => `http://127.0.0.1:${p}`));
  }

  /** The simulator process serving `stage` (or the shared one), to stop and start it in fault tests. */
  simProcess(stage: StageName | 'shared' = 'shared'): ManagedProcess | undefined {
    return (this.#sims.get(stage) ?? this.#sims.get('shared'))?.process;
  }

  /** pid of a running service, for CPU accounting. */
  pidOf(name: ServiceName): number | undefined {
    return this.#services.get(name)?.process.pid;
  }

  service(name: ServiceName): ManagedProcess | undefined {
    return this.#services.get(name)?.process;
  }

  healthUrl(name: ServiceName): string | undefined {
    const s = this.#services.get(name);
    return s ? `http://127.0.0.1:${s.healthPort}` : undefined;
  }

  /** Starts (or restarts) a service and waits until its /healthz answers. */
  async startService(name: ServiceName): Promise<void> {
    let entry = this.#services.get(name);
    if (!entry) {
      const healthPort = await freePort();
      const backend = name === 'gateway' ? [] : this.simUrls(name);
      const proc = LocalPlatform.#node(this.#options, {
        name,
        script: `services/${name}/src/main.ts`,
        logDir: this.logDir,
        env: {
          NATS_URL: this.nats.url,
          HEALTH_PORT: String(healthPort),
          LLM_BASE_URL: backend.map((u) => `${u}/v1`).join(','),
          REWARD_BASE_URL: backend.join(','),
          GRPC_PORT: String(this.#grpcPort),
          GRPC_HOST: '127.0.0.1',
          ...this.#options.serviceEnv,
        },
      });
      entry = { process: proc, healthPort };
      this.#services.set(name, entry);
    }
    entry.process.start();
    const { healthPort } = entry;
    await waitFor(`${name} to be healthy (log: ${join(this.logDir, `${name}.log`)})`, () => httpOk(`http://127.0.0.1:${healthPort}/healthz`), 90_000);
  }

  /** Stops every process, services first, and the NATS server last. */
  async stop(): Promise<void> {
    await Promise.all([...this.#services.values()].map((s) => s.process.stop('SIGTERM', 15_000)));
    await Promise.all([...this.#sims.values()].map((s) => s.process.stop('SIGTERM', 5_000)));
    await this.nats.stop();
  }
}

/** The first of `count` consecutive free ports (replicas bind basePort + i). */
async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = await freePort();
    const ports = await Promise.all(Array.from({ length: count - 1 }, (_, i) => isFree(base + i + 1)));
    if (ports.every(Boolean)) return base;
  }
  throw new Error(`no run of ${count} free ports found`);
}

async function isFree(port: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
