/** Why a pod is not serving; see the PendingReason enum of magpie.v1. */
export const PENDING_REASONS = ['unschedulable', 'image_pull', 'crash_loop', 'starting', 'other'] as const;
export type PodPendingReason = (typeof PENDING_REASONS)[number];

/** A pod that is not running and ready, and why. */
export interface FleetPendingPod {
  readonly pod: string;
  readonly phase: string;
  readonly reason: PodPendingReason;
  /** Kubernetes' own reason: Unschedulable, ImagePullBackOff, CrashLoopBackOff, ContainersNotReady… */
  readonly kubernetesReason: string;
  /** Kubernetes' message, e.g. `0/3 nodes are available: 3 Insufficient nvidia.com/gpu.` */
  readonly message: string;
  /** The container the reason concerns; absent for scheduling. */
  readonly container?: string;
  /** ISO 8601. */
  readonly createdAt?: string;
}

/** One sidecar (vLLM, the reward server, the simulator) of one pod. */
export interface FleetSidecar {
  readonly pod: string;
  readonly container: string;
  readonly image: string;
  readonly ready: boolean;
  readonly started: boolean;
  readonly restarts: number;
  readonly waitingReason?: string;
}

/** A durable consumer's backlog: KEDA's lag is `pending + ackPending`. */
export interface FleetConsumer {
  readonly stream: string;
  readonly durable: string;
  readonly pending: number;
  readonly ackPending: number;
  /** False when the consumer does not exist yet (its stage never started). */
  readonly exists: boolean;
}

/** A KEDA ScaledObject and its state. */
export interface FleetAutoscaling {
  readonly scaledObject: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly active: boolean;
  readonly ready: boolean;
  readonly message?: string;
}

/** One Deployment of the platform: the gateway or a stage. */
export interface FleetComponentState {
  readonly component: string;
  readonly deployment: string;
  /** The stage's backend (magpie.dev/backend); absent for the gateway. */
  readonly backend?: string;
  /** The model its backend serves (magpie.dev/model); absent for the gateway. */
  readonly model?: string;
  readonly desiredReplicas: number;
  readonly readyReplicas: number;
  readonly availableReplicas: number;
  readonly gpusPerPod: number;
  /** gpusPerPod × desiredReplicas. */
  readonly gpusRequested: number;
  readonly pendingPods: readonly FleetPendingPod[];
  readonly sidecars: readonly FleetSidecar[];
  readonly consumers: readonly FleetConsumer[];
  readonly autoscaling?: FleetAutoscaling;
}

/** The platform as Kubernetes runs it, read by the gateway (GetFleet). */
export interface Fleet {
  readonly namespace: string;
  /** The Helm release read; absent when every release in the namespace was. */
  readonly release?: string;
  /** ISO 8601. */
  readonly observedAt: string;
  readonly kedaInstalled: boolean;
  readonly components: readonly FleetComponentState[];
}

/** A consumer's lag as KEDA's nats-jetstream trigger computes it. */
export function consumerLag(consumer: FleetConsumer): number {
  return consumer.pending + consumer.ackPending;
}
