import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SERVICE_NAMES,
  STAGE_NAMES,
  ManagedChild,
  findFreePortRun,
  findFreePorts,
  findNatsServer,
  fromSources,
  localNatsAuth,
  planLocalPlatform,
  simulatorUrls,
  waitUntilReady,
  type ChildExit,
  type ComponentSpec,
  type EntryCommand,
  type PlatformPlanOptions,
  type ServiceName,
  type StageName,
} from '@magpie/launcher';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export { SERVICE_NAMES, STAGE_NAMES, type ServiceName, type StageName } from '@magpie/launcher';

type Env = Readonly<Record<string, string | undefined>>;

export interface LocalPlatformOptions {
  /** The environment every child starts from (usually the test process's own). */
  readonly baseEnv: Env;
  readonly serviceEnv?: Env;
  readonly simEnv?: Env;
  /** Variables of one component only. */
  readonly componentEnv?: PlatformPlanOptions['componentEnv'];
  /** Every service's SHUTDOWN_GRACE_MS; their stop grace is derived from it (the launcher's default otherwise). */
  readonly shutdownGraceMs?: number;
  /** JetStream's file store limit, to try out a full store. */
  readonly natsMaxFileStoreBytes?: number;
  /** Simulator replicas per simulator process (each on its own port). */
  readonly simReplicas?: number;
  /** One simulator process per stage (so each stage's backend load can be measured) or one shared. */
  readonly simPerStage?: boolean;
  /** Services to start now; the rest can be started later with `start` (default: all). */
  readonly services?: readonly ServiceName[];
  /** How the services and the simulator start: from the sources (default), a build, an image's entrypoint. */
  readonly entry?: EntryCommand;
}

const READY_TIMEOUT_MS = 90_000;

/**
 * The whole platform as separate real processes, from the same plan `magpie up` runs: a
 * nats-server with one user per service (configs/nats, passwords generated for this platform),
 * the simulator (shared or one per stage, with replicas) and the five services. Used by the e2e
 * and fault suites and the benchmark. Logs go to `logDir`.
 */
export class LocalPlatform {
  readonly logDir: string;
  readonly grpcAddress: string;
  readonly natsUrl: string;
  readonly #plan: Map<string, ComponentSpec>;
  readonly #natsPasswords: Readonly<Record<string, string>>;
  readonly #children = new Map<string, ManagedChild>();
  readonly #killOnExit = (): void => {
    for (const child of this.#children.values()) child.kill();
  };

  private constructor(plan: readonly ComponentSpec[], stateDir: string, natsPasswords: Readonly<Record<string, string>>) {
    this.#plan = new Map(plan.map((c) => [c.name, c]));
    this.#natsPasswords = natsPasswords;
    this.logDir = join(stateDir, 'logs');
    const gateway = this.#spec('gateway');
    this.grpcAddress = `127.0.0.1:${gateway.ports.grpc ?? 0}`;
    this.natsUrl = `nats://127.0.0.1:${this.#spec('nats').ports.client ?? 0}`;
  }

  static async start(options: LocalPlatformOptions): Promise<LocalPlatform> {
    const stateDir = mkdtempSync(join(tmpdir(), 'magpie-platform-'));
    const replicas = options.simReplicas ?? 1;
    const [nats = 0, grpc = 0, ...health] = await findFreePorts(2 + SERVICE_NAMES.length);
    const taken = [nats, grpc, ...health];
    const simPorts: number[] = [];
    for (let i = 0; i < (options.simPerStage ? STAGE_NAMES.length : 1); i++) {
      const base = await findFreePortRun(replicas, [...taken, ...simPorts.flatMap((p) => Array.from({ length: replicas }, (_, r) => p + r))]);
      simPorts.push(base);
    }
    const natsAuth = localNatsAuth(REPO_ROOT, stateDir, options.natsMaxFileStoreBytes === undefined ? {} : { maxFileStoreBytes: options.natsMaxFileStoreBytes });
    const plan = planLocalPlatform({
      repoRoot: REPO_ROOT,
      stateDir,
      natsServerPath: findNatsServer(undefined, options.baseEnv.PATH),
      entry: options.entry ?? fromSources(process.execPath, REPO_ROOT),
      ports: {
        nats,
        grpc,
        sim: options.simPerStage ? (Object.fromEntries(STAGE_NAMES.map((s, i) => [s, simPorts[i] ?? 0])) as Record<StageName, number>) : (simPorts[0] ?? 0),
        health: Object.fromEntries(SERVICE_NAMES.map((s, i) => [s, health[i] ?? 0])) as Record<ServiceName, number>,
      },
      simReplicas: replicas,
      baseEnv: options.baseEnv,
      ...(options.serviceEnv ? { serviceEnv: options.serviceEnv } : {}),
      ...(options.simEnv ? { simEnv: options.simEnv } : {}),
      ...(options.componentEnv ? { componentEnv: options.componentEnv } : {}),
      ...(options.shutdownGraceMs === undefined ? {} : { shutdownGraceMs: options.shutdownGraceMs }),
      natsAuth,
    });
    const platform = new LocalPlatform(plan, stateDir, natsAuth.passwords);
    // A test run that dies must not leave its platform running.
    process.once('exit', platform.#killOnExit);
    try {
      const infrastructure = plan.filter((c) => !(SERVICE_NAMES as readonly string[]).includes(c.name));
      await Promise.all(infrastructure.map((c) => platform.start(c.name)));
      await Promise.all((options.services ?? SERVICE_NAMES).map((s) => platform.start(s)));
    } catch (err) {
      await platform.stop();
      throw err;
    }
    return platform;
  }

  #spec(name: string): ComponentSpec {
    const spec = this.#plan.get(name);
    if (!spec) throw new RangeError(`no component ${name} in this platform (have: ${[...this.#plan.keys()].join(', ')})`);
    return spec;
  }

  /** A NATS user of this platform and its password, for a test's own connections (`admin` can do anything). */
  natsCredentials(user: ServiceName | 'admin'): { readonly user: string; readonly pass: string } {
    const pass = this.#natsPasswords[user];
    if (!pass) throw new RangeError(`no NATS user ${user} on this platform`);
    return { user, pass };
  }

  /** Base URLs of the simulator replicas serving `stage`. */
  simUrls(stage: StageName): string[] {
    return simulatorUrls([...this.#plan.values()], stage);
  }

  /** Every simulator base URL, each once. */
  allSimUrls(): string[] {
    return [...new Set(STAGE_NAMES.flatMap((s) => this.simUrls(s)))];
  }

  /** The simulator component serving `stage`: `llm-sim`, or `llm-sim-<stage>` with one per stage. */
  simulatorOf(stage: StageName): string {
    return this.#plan.has(`llm-sim-${stage}`) ? `llm-sim-${stage}` : 'llm-sim';
  }

  /** pid of a running component, for CPU accounting. */
  pidOf(name: string): number | undefined {
    return this.#children.get(name)?.pid;
  }

  isRunning(name: string): boolean {
    return this.#children.get(name)?.running ?? false;
  }

  /** A service's or a replica's (`generator-2`) health URL. */
  healthUrl(name: string): string {
    return `http://127.0.0.1:${this.#spec(name).ports.health ?? 0}`;
  }

  /**
   * Starts one more replica of a service: its own process, log and /healthz port, the rest of its
   * environment as planned (so it shares NATS and the backend with the first). Resolves with the
   * replica's component name, `<service>-<n>`, for kill/restart/healthUrl-style calls.
   */
  async startReplica(service: ServiceName): Promise<string> {
    const spec = this.#spec(service);
    const taken = [...this.#plan.values()].flatMap((c) => Object.values(c.ports));
    const [healthPort = 0] = await findFreePorts(1, taken);
    const name = `${service}-${[...this.#plan.keys()].filter((n) => n === service || n.startsWith(`${service}-`)).length + 1}`;
    this.#plan.set(name, {
      ...spec,
      name,
      logPath: join(this.logDir, `${name}.log`),
      env: { ...spec.env, HEALTH_PORT: String(healthPort) },
      readiness: { kind: 'http', url: `http://127.0.0.1:${healthPort}/healthz` },
      ports: { health: healthPort },
    });
    await this.start(name);
    return name;
  }

  /** Starts a component (again, after it stopped) and waits until it is ready; a no-op while it runs. */
  async start(name: string): Promise<void> {
    const spec = this.#spec(name);
    if (this.isRunning(name)) return;
    const child = await ManagedChild.start(spec);
    this.#children.set(name, child);
    const died = new AbortController();
    void child.exited.then(() => died.abort(new Error(`${name} exited before it was ready; see ${spec.logPath}`)));
    try {
      await waitUntilReady(spec.readiness, { timeoutMs: READY_TIMEOUT_MS, signal: died.signal });
    } catch (err) {
      throw new Error(`${name} did not become ready (log: ${spec.logPath})`, { cause: err });
    }
  }

  /** SIGKILLs a component, as a crash or an OOM kill would, and waits until it is gone. */
  async kill(name: string): Promise<void> {
    const child = this.#children.get(name);
    if (!child?.running) return;
    child.kill();
    await child.exited;
  }

  /**
   * Stops a component with SIGTERM (SIGKILL after its stop grace, which exceeds its own
   * SHUTDOWN_GRACE_MS), keeps it down `downMs`, then starts it again. Resolves with how it exited.
   */
  async restart(name: string, downMs = 0): Promise<ChildExit | undefined> {
    const exit = await this.#children.get(name)?.stop(this.#spec(name).stopGraceMs);
    if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
    await this.start(name);
    return exit;
  }

  /** Stops every process, last started first: services, then the simulators, NATS last. */
  async stop(): Promise<void> {
    const stop = async (names: readonly string[]): Promise<void> => {
      await Promise.all(names.map(async (name) => this.#children.get(name)?.stop(this.#spec(name).stopGraceMs)));
    };
    const names = [...this.#plan.keys()];
    await stop(names.filter((n) => n !== 'nats' && !n.startsWith('llm-sim')));
    await stop(names.filter((n) => n.startsWith('llm-sim')));
    await stop(['nats']);
    process.off('exit', this.#killOnExit);
  }
}
