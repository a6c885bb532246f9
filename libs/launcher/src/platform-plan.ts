import { join } from 'node:path';
import type { ChildFile, ChildSpec } from './managed-child.js';
import type { Readiness } from './readiness.js';

/** One process of the local platform, how it is checked, and what it listens on. */
export interface ComponentSpec extends ChildSpec {
  readonly readiness: Readiness;
  /** Ports the component listens on, by role, for up.json and messages. */
  readonly ports: Readonly<Record<string, number>>;
}

export const STAGE_NAMES = ['generator', 'solver', 'sampler', 'reward', 'tagger'] as const;
export type StageName = (typeof STAGE_NAMES)[number];
export const SERVICE_NAMES = [...STAGE_NAMES, 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
/** The components that are Node programs of this repository. */
export type NodeComponent = ServiceName | 'llm-sim';

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
  /** Inherited by every child (PATH, HOME…) before its own variables are set. */
  readonly baseEnv: Env;
  /** Extra variables of every service (not of nats-server or the simulator). */
  readonly serviceEnv?: Env;
  /** Extra variables of the simulator processes. */
  readonly simEnv?: Env;
  /**
   * Variables of one component only, set last: where secrets go, so that each reaches only the
   * process that needs it (a service's NATS_USER/NATS_PASS, the gateway's GATEWAY_TOKEN).
   */
  readonly componentEnv?: Readonly<Record<string, Env>>;
  /** A nats-server config file passed with `-c` (e.g. per-service users); written before start when `content` is given. */
  readonly natsConfig?: { readonly path: string; readonly content?: string };
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
  };
}

/** Simulator process names and first ports for a layout. */
function simulators(ports: PlatformPorts): { name: string; port: number; serves: readonly StageName[] }[] {
  if (typeof ports.sim === 'number') return [{ name: 'llm-sim', port: ports.sim, serves: STAGE_NAMES }];
  const perStage = ports.sim;
  return STAGE_NAMES.map((stage) => ({ name: `llm-sim-${stage}`, port: perStage[stage], serves: [stage] }));
}

/**
 * The local platform, in start order: nats-server, the LLM simulator(s), the stage services (the
 * tagger among them), then the gateway. Each child gets the variables the Helm chart sets on Kubernetes; `componentEnv`
 * adds a component's own. Pure: it starts nothing. Used by `magpie up`, the test fixtures and the
 * benchmark, so all three run the same platform.
 */
export function planLocalPlatform(options: PlatformPlanOptions): ComponentSpec[] {
  const { repoRoot, stateDir, ports, baseEnv } = options;
  const replicas = options.simReplicas ?? 1;
  const logLevel = options.logLevel ?? 'info';
  const logPath = (name: string): string => join(stateDir, 'logs', `${name}.log`);
  const own = (name: string): Env => options.componentEnv?.[name] ?? {};
  const sims = simulators(ports);
  const simUrls = (stage: StageName): string[] => {
    const sim = sims.find((s) => s.serves.includes(stage));
    return Array.from({ length: replicas }, (_, i) => `http://${LOOPBACK}:${(sim?.port ?? 0) + i}`);
  };

  const node = (name: string, component: NodeComponent, env: Env): Omit<ComponentSpec, 'readiness' | 'ports'> => ({
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
      ...node(name, name, { NATS_URL: `nats://${LOOPBACK}:${ports.nats}`, HEALTH_PORT: String(healthPort), ...options.serviceEnv, ...env }),
      readiness: name === 'gateway' ? { kind: 'grpc', address: `${LOOPBACK}:${ports.grpc}`, healthUrl } : { kind: 'http', url: healthUrl },
      ports: name === 'gateway' ? { grpc: ports.grpc, health: healthPort } : { health: healthPort },
    };
  };

  const config = options.natsConfig;
  return [
    natsServerSpec({
      natsServerPath: options.natsServerPath,
      port: ports.nats,
      storeDir: join(stateDir, 'nats'),
      logPath: logPath('nats'),
      cwd: repoRoot,
      env: { ...baseEnv, ...own('nats') },
      ...(config ? { configFile: config.path, files: config.content === undefined ? [] : [{ path: config.path, content: config.content }] } : {}),
    }),
    ...sims.map(
      (sim): ComponentSpec => ({
        ...node(sim.name, 'llm-sim', { SIM_PORT: String(sim.port), SIM_REPLICAS: String(replicas), ...options.simEnv }),
        // Every replica must answer before a service that calls it starts.
        readiness: { kind: 'http', url: `http://${LOOPBACK}:${sim.port + replicas - 1}/health` },
        ports: Object.fromEntries(Array.from({ length: replicas }, (_, i) => [replicas === 1 ? 'http' : `http${i}`, sim.port + i])),
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
