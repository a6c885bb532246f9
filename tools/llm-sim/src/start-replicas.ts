import { LlmSimulator, type LlmSimulatorOptions } from './llm-simulator.js';

export interface StartReplicasOptions extends Omit<LlmSimulatorOptions, 'port'> {
  /** How many independent simulators to start (≥ 1). */
  readonly count: number;
  /** Replica i listens on basePort + i; 0 lets every replica pick a free port. */
  readonly basePort: number;
}

/** One running replica. */
export interface Replica {
  readonly index: number;
  readonly port: number;
  /** `http://host:port` (append /v1 for the OpenAI client). */
  readonly url: string;
  readonly sim: LlmSimulator;
}

/** Running replicas and the way to stop them all. */
export interface ReplicaSet {
  readonly replicas: readonly Replica[];
  /** Stops every replica; resolves when all have stopped. */
  stop(): Promise<void>;
}

/** Thrown when a replica cannot be started; the replicas already started are stopped first. */
export class ReplicaStartError extends Error {
  override readonly name = 'ReplicaStartError';
}

/**
 * Starts `count` simulators on consecutive ports, each its own instance with its own scheduler,
 * faults and seed (seed + i), so the replicas give different outputs for the same unseeded request
 * and load spreading across them can be tested. Rejects with ReplicaStartError (cause: the listen
 * error) when any port cannot be bound, leaving nothing running.
 */
export async function startReplicas(options: StartReplicasOptions): Promise<ReplicaSet> {
  const { count, basePort, ...simOptions } = options;
  if (!Number.isInteger(count) || count < 1) throw new ReplicaStartError(`count must be a whole number ≥ 1, got ${count}`);
  const host = simOptions.host ?? '127.0.0.1';
  const seed = simOptions.seed ?? 1234;
  const replicas: Replica[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(replicas.map((r) => r.sim.stop()));
  };
  for (let index = 0; index < count; index++) {
    const sim = new LlmSimulator({ ...simOptions, host, seed: seed + index, port: basePort === 0 ? 0 : basePort + index });
    try {
      const port = await sim.start();
      replicas.push({ index, port, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, sim });
    } catch (cause) {
      await stopAll();
      throw new ReplicaStartError(`replica ${index} could not listen on ${host}:${basePort === 0 ? 'any port' : basePort + index}`, { cause });
    }
  }
  return { replicas, stop: stopAll };
}
