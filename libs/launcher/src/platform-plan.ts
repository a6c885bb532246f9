import { join } from 'node:path';
import { DEFAULT_SHUTDOWN_GRACE_MS, INFRASTRUCTURE_STOP_GRACE_MS, stopGraceMsFor } from './grace-budget.js';
import { platformRoot, runsFromBuild } from '@magpie/config';
import type { ChildFile, ChildSpec } from './managed-child.js';
import { renderNatsConfig, type NatsAuth } from './nats-auth.js';
import { STAGE_NAMES, type NodeComponent, type ServiceName, type StageName } from './platform-names.js';
import type { Readiness } from './readiness.js';
import { secretsFor, withoutSecrets } from './secret-env.js';

export * from './platform-names.js';

/** One process of the local platform, how it is checked, and what it listens on. */
export interface ComponentSpec extends ChildSpec {
  readonly readiness: Readiness;
  /** Ports the component listens on, by role, for up.json and messages. */
  readonly ports: Readonly<Record<string, number>>;
  /** SIGTERM → SIGKILL time when it is stopped: longer than the component's own shutdown. */
  readonly stopGraceMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Each Node component's TypeScript entry point, relative to the repository root. */
export const SOURCE_ENTRIES: Readonly<Record<NodeComponent, string>> = {
  generator: 'services/generator/src/main.ts',
  solver: 'services/solver/src/main.ts',
  sampler: 'services/sampler/src/main.ts',
  reward: 'services/reward/src/main.ts',
  tagger: 'services/tagger/src/main.ts',
  gateway: 'services/gateway/src/main.ts',
  'llm-sim': 'tools/llm-sim/src/main.ts',
};

/** How a Node component is started: the command and its arguments. */
export type EntryCommand = (component: NodeComponent) => { readonly command: string; readonly args: readonly string[] };

/** Runs each Node component from its TypeScript sources with tsx: nothing to build first. */
export function fromSources(nodePath: string, repoRoot: string): EntryCommand {
  return (component) => ({ command: nodePath, args: ['--import', 'tsx', join(repoRoot, SOURCE_ENTRIES[component])] });
}

/** Each Node component's file in a build's output folder (`npm run build` names its bundles so). */
export function buildEntryFile(component: NodeComponent): string {
  return `${component}.js`;
}

/**
 * Runs each Node component from a build's output folder (`dist/`, or the image's `/app`): plain
 * `node <buildDir>/<component>.js`, compiled JavaScript with no tsx and no node_modules.
 */
export function fromBuild(nodePath: string, buildDir: string): EntryCommand {
  return (component) => ({ command: nodePath, args: [join(buildDir, buildEntryFile(component))] });
}

/**
 * Runs children the way this code itself runs: from the build when it was loaded from one (then
 * `magpie up` from the compiled CLI starts compiled services), from the sources otherwise.
 */
export function entryLikeThisProcess(nodePath: string): EntryCommand {
  const root = platformRoot(import.meta.url);
  return runsFromBuild(import.meta.url) ? fromBuild(nodePath, root) : fromSources(nodePath, root);
}

export interface PlatformPorts {
  readonly nats: number;
  readonly grpc: number;
  /**
   * The simulator's first port: one number for one simulator serving every stage, or one per
   * stage (each stage's backend load can then be measured). Replica i listens on port + i.
   */
  readonly sim: number | Readonly<Record<StageName, number>>;
  /** Each service's /healthz port; distinct and free. */
  readonly health: Readonly<Record<ServiceName, number>>;
}

export interface PlatformPlanOptions {
  readonly repoRoot: string;
  /** Absolute: logs/, the NATS store (nats/) and generated files go here. */
  readonly stateDir: string;
  readonly natsServerPath: string;
  /** How the services and the simulator are started (from sources, or later a build's output). */
  readonly entry: EntryCommand;
  readonly ports: PlatformPorts;
  /** Replicas per simulator process; 1 by default. */
  readonly simReplicas?: number;
  /**
   * Inherited by every child (PATH, HOME…) before its own variables are set. Secrets in it
   * (GATEWAY_TOKEN, LLM_API_KEY, NATS credentials… see SECRET_ROUTES) are not inherited: each goes
   * to the components that need it, and inherited NATS credentials to none.
   */
  readonly baseEnv: Env;
  /** Extra variables of every service (not of nats-server or the simulator); its secrets are routed like baseEnv's. */
  readonly serviceEnv?: Env;
  /** Extra variables of the simulator processes. */
  readonly simEnv?: Env;
  /** Variables of one component only, set last. */
  readonly componentEnv?: Readonly<Record<string, Env>>;
  /**
   * NATS authentication, always on: nats-server runs the template with these passwords (a config
   * written owner-only in the state dir), and each service gets only its own user and password.
   */
  readonly natsAuth: NatsAuth;
  /**
   * The one grace budget: every service's SHUTDOWN_GRACE_MS, from which its stop grace (the
   * SIGKILL after SIGTERM) is derived. DEFAULT_SHUTDOWN_GRACE_MS (20 s) by default.
   */
  readonly shutdownGraceMs?: number;
  /** LOG_LEVEL of the Node components; `info` by default. */
  readonly logLevel?: string;
}

const LOOPBACK = '127.0.0.1';

export interface NatsServerSpecOptions {
  readonly natsServerPath: string;
  readonly port: number;
  readonly storeDir: string;
  readonly logPath: string;
  readonly cwd: string;
  readonly env: Env;
  readonly configFile?: string;
  readonly files?: readonly ChildFile[];
  readonly name?: string;
  readonly stopGraceMs?: number;
}

/** nats-server with JetStream on loopback: the one definition its every launch uses. */
export function natsServerSpec(o: NatsServerSpecOptions): ComponentSpec {
  return {
    name: o.name ?? 'nats',
    command: o.natsServerPath,
    args: ['-js', '-a', LOOPBACK, '-p', String(o.port), '-sd', o.storeDir, ...(o.configFile ? ['-c', o.configFile] : [])],
    cwd: o.cwd,
    logPath: o.logPath,
    env: { ...o.env },
    ...(o.files && o.files.length > 0 ? { files: o.files } : {}),
    readiness: { kind: 'tcp', host: LOOPBACK, port: o.port },
    ports: { client: o.port },
    stopGraceMs: o.stopGraceMs ?? INFRASTRUCTURE_STOP_GRACE_MS.nats,
  };
}

/** Where a plan writes the nats-server config it generates. */
export function natsConfigPath(stateDir: string): string {
  return join(stateDir, 'nats-server.conf');
}

/** Simulator process names and first ports for a layout. */
function simulators(ports: PlatformPorts): { name: string; port: number; serves: readonly StageName[] }[] {
  if (typeof ports.sim === 'number') return [{ name: 'llm-sim', port: ports.sim, serves: STAGE_NAMES }];
  const perStage = ports.sim;
  return STAGE_NAMES.map((stage) => ({ name: `llm-sim-${stage}`, port: perStage[stage], serves: [stage] }));
}

/**
 * The local platform, in start order: nats-server, the LLM simulator(s), the stage services, then
 * the gateway. Each child gets the variables the Helm chart sets on Kubernetes; secrets reach only
 * the components they belong to (a service's NATS user and password, the gateway's token, the
 * stages' backend key), and `componentEnv` adds a component's own. Pure: it starts nothing (the
 * nats-server config is a file its spec writes before start). Used by `magpie up`, the test
 * fixtures and the benchmark, so all three run the same platform.
 */
export function planLocalPlatform(options: PlatformPlanOptions): ComponentSpec[] {
  const { repoRoot, stateDir, ports } = options;
  if (options.serviceEnv?.SHUTDOWN_GRACE_MS !== undefined) {
    throw new RangeError('serviceEnv.SHUTDOWN_GRACE_MS: set shutdownGraceMs instead, so the stop grace is derived from it');
  }
  const graceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  const baseEnv = withoutSecrets(options.baseEnv);
  const offered = { ...options.baseEnv, ...options.serviceEnv };
  const replicas = options.simReplicas ?? 1;
  const logLevel = options.logLevel ?? 'info';
  const logPath = (name: string): string => join(stateDir, 'logs', `${name}.log`);
  const own = (name: string): Env => options.componentEnv?.[name] ?? {};
  const natsCredentials = (name: ServiceName): Env => ({ NATS_USER: name, NATS_PASS: options.natsAuth.passwords[name] });
  const sims = simulators(ports);
  const simUrls = (stage: StageName): string[] => {
    const sim = sims.find((s) => s.serves.includes(stage));
    return Array.from({ length: replicas }, (_, i) => `http://${LOOPBACK}:${(sim?.port ?? 0) + i}`);
  };

  const node = (name: string, component: NodeComponent, env: Env): Omit<ComponentSpec, 'readiness' | 'ports' | 'stopGraceMs'> => ({
    name,
    ...options.entry(component),
    cwd: repoRoot,
    logPath: logPath(name),
    env: { ...baseEnv, LOG_LEVEL: logLevel, ...env, ...own(name) },
  });

  const service = (name: ServiceName, env: Env): ComponentSpec => {
    const healthPort = ports.health[name];
    const healthUrl = `http://${LOOPBACK}:${healthPort}/healthz`;
    return {
      ...node(name, name, {
        NATS_URL: `nats://${LOOPBACK}:${ports.nats}`,
        HEALTH_PORT: String(healthPort),
        // The plan's backends are its own simulators, which run with priority scheduling.
        LLM_PRIORITY_SCHEDULING: 'true',
        ...withoutSecrets(options.serviceEnv ?? {}),
        SHUTDOWN_GRACE_MS: String(graceMs),
        ...env,
        ...secretsFor(name, offered),
        ...natsCredentials(name),
      }),
      readiness: name === 'gateway' ? { kind: 'grpc', address: `${LOOPBACK}:${ports.grpc}`, healthUrl } : { kind: 'http', url: healthUrl },
      ports: name === 'gateway' ? { grpc: ports.grpc, health: healthPort } : { health: healthPort },
      stopGraceMs: stopGraceMsFor(graceMs),
    };
  };

  const configFile = natsConfigPath(stateDir);
  return [
    natsServerSpec({
      natsServerPath: options.natsServerPath,
      port: ports.nats,
      storeDir: join(stateDir, 'nats'),
      logPath: logPath('nats'),
      cwd: repoRoot,
      // The passwords are in its config file, not in its environment.
      env: { ...baseEnv, ...own('nats') },
      configFile,
      files: [{ path: configFile, content: renderNatsConfig(options.natsAuth) }],
    }),
    ...sims.map(
      (sim): ComponentSpec => ({
        // Priority scheduling as the chart's vLLM sidecars run it: downstream stages' requests first.
        ...node(sim.name, 'llm-sim', { SIM_PORT: String(sim.port), SIM_REPLICAS: String(replicas), SIM_SCHEDULING_POLICY: 'priority', ...withoutSecrets(options.simEnv ?? {}) }),
        // Every replica must answer before a service that calls it starts.
        readiness: { kind: 'http', url: `http://${LOOPBACK}:${sim.port + replicas - 1}/health` },
        ports: Object.fromEntries(Array.from({ length: replicas }, (_, i) => [replicas === 1 ? 'http' : `http${i}`, sim.port + i])),
        stopGraceMs: INFRASTRUCTURE_STOP_GRACE_MS.sim,
      }),
    ),
    service('generator', { LLM_BASE_URL: simUrls('generator').map((u) => `${u}/v1`).join(',') }),
    service('solver', { LLM_BASE_URL: simUrls('solver').map((u) => `${u}/v1`).join(',') }),
    service('sampler', { LLM_BASE_URL: simUrls('sampler').map((u) => `${u}/v1`).join(',') }),
    service('reward', { REWARD_BASE_URL: simUrls('reward').join(',') }),
    // Idle unless a run asks for tags; the simulator answers Magpie's unitag prompts.
    service('tagger', { LLM_BASE_URL: simUrls('tagger').map((u) => `${u}/v1`).join(',') }),
    // Loopback only, like nats-server: a local platform is not meant to be reachable from outside.
    service('gateway', { GRPC_HOST: LOOPBACK, GRPC_PORT: String(ports.grpc) }),
  ];
}

/** The base URLs of the simulator replicas serving `stage` in a plan (without /v1). */
export function simulatorUrls(plan: readonly ComponentSpec[], stage: StageName): string[] {
  const sim = plan.find((c) => c.name === `llm-sim-${stage}`) ?? plan.find((c) => c.name === 'llm-sim');
  return Object.values(sim?.ports ?? {}).map((port) => `http://${LOOPBACK}:${port}`);
}
