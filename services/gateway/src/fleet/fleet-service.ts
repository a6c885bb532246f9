import { fleetToProto, type Fleet, type FleetConsumer, type MagpieServiceHandlers } from '@magpie/api';
import { consumerBacklog, type JetStreamManager } from '@magpie/bus';
import { PIPELINE_STAGES, STAGE_CONSUMERS, type PipelineStage } from '@magpie/contracts';
import type { Logger } from '@magpie/logging';
import type { CallGuard } from '../call-guard.js';
import type { FleetEnv } from './fleet-env.js';
import { FleetUnavailableError } from './fleet-errors.js';
import { COMPONENT_LABEL, fleetView } from './fleet-view.js';
import { connectKube, type KubeConnection } from './kube-connection.js';
import type { KubeSnapshot } from './kube-reader.js';

export interface FleetServiceOptions {
  /** Authentication, limits, metrics and the error mapping every call of the service goes through. */
  readonly guard: CallGuard;
  readonly env: FleetEnv;
  /** The consumers' backlog comes from JetStream, as KEDA reads it. */
  readonly jsm: JetStreamManager;
  readonly logger: Logger;
  readonly now?: () => Date;
}

const isStage = (component: string): component is PipelineStage => (PIPELINE_STAGES as readonly string[]).includes(component);

/**
 * GetFleet: what Kubernetes runs of the platform (KubeReader) joined with the stages' queues
 * (JetStream consumer info). The cluster connection is made once, at `connect`; without a cluster
 * every call answers FAILED_PRECONDITION with what to set.
 */
export class FleetService {
  readonly #o: FleetServiceOptions;
  #connection: Promise<KubeConnection> | undefined;

  constructor(options: FleetServiceOptions) {
    this.#o = options;
  }

  /** Connects to Kubernetes and logs where the fleet view reads, or why it cannot; never throws. */
  async connect(): Promise<void> {
    this.#connection ??= connectKube(this.#o.env);
    try {
      const { scope, source } = await this.#connection;
      this.#o.logger.info({ namespace: scope.namespace, release: scope.release, source }, 'fleet view reads Kubernetes');
    } catch (err) {
      if (err instanceof FleetUnavailableError) this.#o.logger.info({ reason: err.message }, 'fleet view unavailable');
      else this.#o.logger.warn({ err }, 'fleet view unavailable');
    }
  }

  handlers(): Pick<MagpieServiceHandlers, 'GetFleet'> {
    return { GetFleet: (call, callback) => this.#o.guard.unary(call, callback, 'GetFleet', async () => fleetToProto(await this.getFleet())) };
  }

  /** Throws FleetUnavailableError without a cluster, KubernetesApiError when the API server fails. */
  async getFleet(): Promise<Fleet> {
    this.#connection ??= connectKube(this.#o.env);
    const { reader, scope } = await this.#connection;
    const snapshot = await reader.read();
    return fleetView({ scope, snapshot, consumers: await this.#consumers(snapshot), observedAt: (this.#o.now ?? (() => new Date()))() });
  }

  async #consumers(snapshot: KubeSnapshot): Promise<Record<string, FleetConsumer[]>> {
    const stages = [...new Set(snapshot.deployments.map((d) => d.metadata?.labels?.[COMPONENT_LABEL] ?? ''))].filter(isStage);
    const entries = await Promise.all(
      stages.map(async (stage) => {
        const consumers = await Promise.all(
          STAGE_CONSUMERS[stage].map(async ({ stream, durable }): Promise<FleetConsumer> => {
            const backlog = await consumerBacklog(this.#o.jsm, stream, durable);
            return { stream, durable, pending: backlog?.pending ?? 0, ackPending: backlog?.ackPending ?? 0, exists: backlog !== undefined };
          }),
        );
        return [stage, consumers] as const;
      }),
    );
    return Object.fromEntries(entries);
  }
}
