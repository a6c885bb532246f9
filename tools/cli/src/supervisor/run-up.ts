import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  SERVICE_NAMES,
  findFreePorts,
  findNatsServer,
  fromSources,
  localNatsAuth,
  natsPasswordsPath,
  planLocalPlatform,
  probeTcp,
  type ComponentSpec,
  type EntryCommand,
  type ServiceName,
} from '@magpie/launcher';
import { PortInUseError } from './errors.js';
import { Supervisor, type RunningComponent } from './supervisor.js';
import type { RestartPolicy } from './restart-policy.js';
import { removeUpState, writeUpState, type UpState } from './up-state-file.js';

export interface RunUpOptions {
  readonly natsPort: number;
  readonly simPort: number;
  readonly grpcPort: number;
  /** Relative paths are resolved against the working directory. */
  readonly stateDir: string;
  readonly readyTimeoutMs: number;
  /** Every service's SHUTDOWN_GRACE_MS; each child's stop grace (SIGKILL after SIGTERM) is derived from it. */
  readonly shutdownGraceMs: number;
  readonly repoRoot: string;
  readonly nodePath: string;
  /** How the services and the simulator start; from the sources under repoRoot when omitted. */
  readonly entry?: EntryCommand;
  /** PATH-style list searched for nats-server. */
  readonly searchPath: string | undefined;
  readonly baseEnv: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT/SIGTERM: stop everything and return. */
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
  /** Backoff for components that exit on their own; the supervisor's default when omitted. */
  readonly restart?: RestartPolicy;
  /** Overrides the real platform, for tests; receives the resolved state dir. */
  readonly plan?: (stateDir: string) => Promise<ComponentSpec[]>;
}

const LOOPBACK = '127.0.0.1';

async function assertPortsFree(ports: Readonly<Record<string, number>>): Promise<void> {
  for (const [name, port] of Object.entries(ports)) {
    if (await probeTcp(LOOPBACK, port, 1_000)) {
      throw new PortInUseError(`port ${port} (${name}) is already in use; is another magpie up running? Pick another with --${name}-port`);
    }
  }
}

async function realPlan(options: RunUpOptions, stateDir: string): Promise<ComponentSpec[]> {
  await assertPortsFree({ nats: options.natsPort, sim: options.simPort, grpc: options.grpcPort });
  const healthPorts = await findFreePorts(SERVICE_NAMES.length, [options.natsPort, options.simPort, options.grpcPort]);
  const health = Object.fromEntries(SERVICE_NAMES.map((name, i) => [name, healthPorts[i] ?? 0])) as Record<ServiceName, number>;
  const natsAuth = localNatsAuth(options.repoRoot, stateDir);
  options.log(`magpie up: NATS authentication on: one user per service; passwords (admin's for operators) in ${natsPasswordsPath(stateDir)}`);
  return planLocalPlatform({
    repoRoot: options.repoRoot,
    stateDir,
    natsServerPath: findNatsServer(undefined, options.searchPath),
    entry: options.entry ?? fromSources(options.nodePath, options.repoRoot),
    ports: { nats: options.natsPort, sim: options.simPort, grpc: options.grpcPort, health },
    baseEnv: options.baseEnv,
    natsAuth,
    shutdownGraceMs: options.shutdownGraceMs,
  });
}

function upState(running: readonly RunningComponent[], grpcPort: number, startedAt: string): UpState {
  return {
    pid: process.pid,
    started_at: startedAt,
    gateway: `${LOOPBACK}:${grpcPort}`,
    components: running.map(({ spec, child, restarts, state }) => ({
      name: spec.name,
      pid: child.pid,
      ports: spec.ports,
      log: spec.logPath,
      health: spec.readiness,
      restarts,
      state,
    })),
  };
}

/**
 * `magpie up`: starts the local platform, reports each component as it becomes ready, and keeps it
 * running until `signal` aborts, restarting any component that exits on its own (with backoff);
 * then stops everything in reverse order, restarting nothing. Resolves with the exit
 * code: 0 after a requested stop, 1 when the platform could not start (the reason is logged and
 * whatever had started is stopped again). `<state-dir>/up.json` lists the children while they run.
 */
export async function runUp(options: RunUpOptions): Promise<number> {
  const stateDir = resolve(options.stateDir);
  const startedAt = new Date().toISOString();
  const supervisor = new Supervisor({
    readyTimeoutMs: options.readyTimeoutMs,
    log: (line) => options.log(`magpie up: ${line}`),
    ...(options.restart ? { restart: options.restart } : {}),
    // Rewritten on every start, exit and restart: pids change, and `magpie status` reads restarts here.
    onChange: (running) => writeUpState(stateDir, upState(running, options.grpcPort, startedAt)),
  });
  // If the supervisor dies without stopping its children, do not leave them running unsupervised.
  const killOnExit = (): void => supervisor.killAll();
  process.once('exit', killOnExit);
  try {
    mkdirSync(resolve(stateDir, 'logs'), { recursive: true });
    mkdirSync(resolve(stateDir, 'nats'), { recursive: true });
    const specs = options.plan ? await options.plan(stateDir) : await realPlan(options, stateDir);
    await supervisor.startAll(specs, options.signal);
    options.log(`magpie up: ready (gateway ${LOOPBACK}:${options.grpcPort})`);
    await new Promise<void>((done) => {
      if (options.signal.aborted) done();
      else options.signal.addEventListener('abort', () => done(), { once: true });
    });
    options.log('magpie up: stopping');
    return 0;
  } catch (error) {
    if (options.signal.aborted) {
      options.log('magpie up: stopping');
      return 0;
    }
    options.log(`magpie up: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await supervisor.stopAll();
    removeUpState(stateDir);
    process.off('exit', killOnExit);
  }
}
