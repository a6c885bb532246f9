import { join } from 'node:path';
import type { ChildSpec } from './managed-child.js';
import type { Readiness } from './readiness.js';

/** One process `magpie up` starts, how it is checked, and what it listens on. */
export interface ComponentSpec extends ChildSpec {
  readonly readiness: Readiness;
  /** Ports the component listens on, by role, for up.json and messages. */
  readonly ports: Readonly<Record<string, number>>;
}

export const STAGE_SERVICES = ['generator', 'solver', 'sampler', 'reward'] as const;
export type ServiceName = (typeof STAGE_SERVICES)[number] | 'gateway';

export interface PlatformPorts {
  readonly nats: number;
  readonly sim: number;
  readonly grpc: number;
  /** Each service's /healthz port; distinct and free. */
  readonly health: Readonly<Record<ServiceName, number>>;
}

export interface PlatformPlanOptions {
  readonly repoRoot: string;
  /** Absolute. */
  readonly stateDir: string;
  readonly natsServerPath: string;
  /** The node binary that runs the TypeScript services (with tsx). */
  readonly nodePath: string;
  readonly ports: PlatformPorts;
  /** Inherited by every child (PATH, HOME…) before its own variables are set. */
  readonly baseEnv: Readonly<Record<string, string | undefined>>;
}

const LOOPBACK = '127.0.0.1';

/**
 * The local platform, in start order: nats-server, the LLM simulator, the stage services, then the
 * gateway. Each child gets the same environment variables the Helm chart sets on Kubernetes.
 * Pure: it starts nothing.
 */
export function planLocalPlatform(options: PlatformPlanOptions): ComponentSpec[] {
  const { repoRoot, stateDir, ports, baseEnv } = options;
  const logPath = (name: string): string => join(stateDir, 'logs', `${name}.log`);
  const natsUrl = `nats://${LOOPBACK}:${ports.nats}`;
  const tsNode = (entry: string): { command: string; args: string[] } => ({
    command: options.nodePath,
    args: ['--import', 'tsx', join(repoRoot, entry)],
  });

  const service = (name: ServiceName, env: Record<string, string>): ComponentSpec => {
    const healthPort = ports.health[name];
    const healthUrl = `http://${LOOPBACK}:${healthPort}/healthz`;
    return {
      name,
      ...tsNode(`services/${name}/src/main.ts`),
      cwd: repoRoot,
      logPath: logPath(name),
      env: { ...baseEnv, NATS_URL: natsUrl, LOG_LEVEL: 'info', HEALTH_PORT: String(healthPort), ...env },
      readiness:
        name === 'gateway'
          ? { kind: 'grpc', address: `${LOOPBACK}:${ports.grpc}`, healthUrl }
          : { kind: 'http', url: healthUrl },
      ports: name === 'gateway' ? { grpc: ports.grpc, health: healthPort } : { health: healthPort },
    };
  };

  const llmBaseUrl = `http://${LOOPBACK}:${ports.sim}/v1`;
  return [
    {
      name: 'nats',
      command: options.natsServerPath,
      args: ['-js', '-a', LOOPBACK, '-p', String(ports.nats), '-sd', join(stateDir, 'nats')],
      cwd: repoRoot,
      logPath: logPath('nats'),
      env: { ...baseEnv },
      readiness: { kind: 'tcp', host: LOOPBACK, port: ports.nats },
      ports: { client: ports.nats },
    },
    {
      name: 'llm-sim',
      ...tsNode('tools/llm-sim/src/main.ts'),
      cwd: repoRoot,
      logPath: logPath('llm-sim'),
      env: { ...baseEnv, SIM_PORT: String(ports.sim), LOG_LEVEL: 'info' },
      readiness: { kind: 'http', url: `http://${LOOPBACK}:${ports.sim}/health` },
      ports: { http: ports.sim },
    },
    service('generator', { LLM_BASE_URL: llmBaseUrl }),
    service('solver', { LLM_BASE_URL: llmBaseUrl }),
    service('sampler', { LLM_BASE_URL: llmBaseUrl }),
    service('reward', { REWARD_BASE_URL: `http://${LOOPBACK}:${ports.sim}` }),
    // Loopback only, like nats-server: a local platform is not meant to be reachable from outside.
    service('gateway', { GRPC_HOST: LOOPBACK, GRPC_PORT: String(ports.grpc) }),
  ];
}
