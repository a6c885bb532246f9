/**
 * The GetFleet messages of magpie.v1 as proto-loader decodes them (see proto-types.ts for the
 * conventions): snake_case fields, uint64 as decimal strings, enums by name, unset sub-messages null.
 */

/** google.protobuf.Timestamp; `seconds` is an int64, so a decimal string. */
export interface ProtoTimestamp {
  seconds: string;
  nanos: number;
}

export type PendingReasonName =
  | 'PENDING_REASON_UNSPECIFIED'
  | 'PENDING_REASON_UNSCHEDULABLE'
  | 'PENDING_REASON_IMAGE_PULL'
  | 'PENDING_REASON_CRASH_LOOP'
  | 'PENDING_REASON_STARTING'
  | 'PENDING_REASON_OTHER';

export type GetFleetRequest = Record<string, never>;

export interface GetFleetResponse {
  namespace: string;
  release: string;
  observed_at: ProtoTimestamp | null;
  components: FleetComponentMessage[];
  keda_installed: boolean;
}

export interface FleetComponentMessage {
  component: string;
  deployment: string;
  backend: string;
  model: string;
  desired_replicas: number;
  ready_replicas: number;
  available_replicas: number;
  gpus_per_pod: number;
  gpus_requested: number;
  pending_pods: PendingPodMessage[];
  sidecars: SidecarStatusMessage[];
  consumers: ConsumerLagMessage[];
  autoscaling: AutoscalingMessage | null;
}

export interface PendingPodMessage {
  pod: string;
  phase: string;
  reason: PendingReasonName;
  kubernetes_reason: string;
  message: string;
  container: string;
  created_at: ProtoTimestamp | null;
}

export interface SidecarStatusMessage {
  pod: string;
  container: string;
  image: string;
  ready: boolean;
  started: boolean;
  restarts: number;
  waiting_reason: string;
}

export interface ConsumerLagMessage {
  stream: string;
  durable: string;
  /** uint64 as a decimal string. */
  pending: string;
  /** uint64 as a decimal string. */
  ack_pending: string;
  exists: boolean;
}

export interface AutoscalingMessage {
  scaled_object: string;
  min_replicas: number;
  max_replicas: number;
  active: boolean;
  ready: boolean;
  message: string;
}
