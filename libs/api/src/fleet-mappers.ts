import { ProtoMappingError } from './errors.js';
import type { Fleet, FleetComponent, PendingReason } from './fleet.js';
import type { GetFleetResponse, PendingReasonName, ProtoTimestamp } from './fleet-proto-types.js';
import type { ProtoInput } from './proto-types.js';

const REASON_TO_PROTO = {
  unschedulable: 'PENDING_REASON_UNSCHEDULABLE',
  image_pull: 'PENDING_REASON_IMAGE_PULL',
  crash_loop: 'PENDING_REASON_CRASH_LOOP',
  starting: 'PENDING_REASON_STARTING',
  other: 'PENDING_REASON_OTHER',
} as const satisfies Record<PendingReason, PendingReasonName>;

function reasonFromProto(name: string): PendingReason {
  const found = Object.entries(REASON_TO_PROTO).find(([, protoName]) => protoName === name);
  if (!found) throw new ProtoMappingError(`unknown pending reason ${name}`);
  return found[0] as PendingReason;
}

/** An ISO 8601 time as a google.protobuf.Timestamp. */
export function timestampToProto(iso: string): ProtoTimestamp {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new ProtoMappingError(`not a time: ${iso}`);
  return { seconds: String(Math.floor(ms / 1000)), nanos: (((ms % 1000) + 1000) % 1000) * 1_000_000 };
}

/** A google.protobuf.Timestamp as ISO 8601 (millisecond precision). */
export function timestampFromProto(timestamp: ProtoTimestamp): string {
  return new Date(Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1_000_000)).toISOString();
}

const orEmpty = (value: string | undefined): string => value ?? '';
const present = (value: string): string | undefined => (value === '' ? undefined : value);

function componentToProto(c: FleetComponent): ProtoInput<GetFleetResponse['components'][number]> {
  return {
    component: c.component,
    deployment: c.deployment,
    backend: orEmpty(c.backend),
    model: orEmpty(c.model),
    desired_replicas: c.desiredReplicas,
    ready_replicas: c.readyReplicas,
    available_replicas: c.availableReplicas,
    gpus_per_pod: c.gpusPerPod,
    gpus_requested: c.gpusRequested,
    pending_pods: c.pendingPods.map((p) => ({
      pod: p.pod,
      phase: p.phase,
      reason: REASON_TO_PROTO[p.reason],
      kubernetes_reason: p.kubernetesReason,
      message: p.message,
      container: orEmpty(p.container),
      created_at: p.createdAt === undefined ? null : timestampToProto(p.createdAt),
    })),
    sidecars: c.sidecars.map((s) => ({ ...s, waiting_reason: orEmpty(s.waitingReason) })),
    consumers: c.consumers.map((k) => ({ stream: k.stream, durable: k.durable, pending: String(k.pending), ack_pending: String(k.ackPending), exists: k.exists })),
    autoscaling:
      c.autoscaling === undefined
        ? null
        : {
            scaled_object: c.autoscaling.scaledObject,
            min_replicas: c.autoscaling.minReplicas,
            max_replicas: c.autoscaling.maxReplicas,
            active: c.autoscaling.active,
            ready: c.autoscaling.ready,
            message: orEmpty(c.autoscaling.message),
          },
  };
}

/** The fleet in its GetFleetResponse shape. */
export function fleetToProto(fleet: Fleet): ProtoInput<GetFleetResponse> {
  return {
    namespace: fleet.namespace,
    release: orEmpty(fleet.release),
    observed_at: timestampToProto(fleet.observedAt),
    components: fleet.components.map(componentToProto),
    keda_installed: fleet.kedaInstalled,
  };
}

/** A decoded GetFleetResponse as a Fleet. Throws ProtoMappingError for an unknown pending reason. */
export function fleetFromProto(response: GetFleetResponse): Fleet {
  return {
    namespace: response.namespace,
    ...(response.release ? { release: response.release } : {}),
    observedAt: response.observed_at ? timestampFromProto(response.observed_at) : new Date(0).toISOString(),
    kedaInstalled: response.keda_installed,
    components: response.components.map((c) => ({
      component: c.component,
      deployment: c.deployment,
      ...(c.backend ? { backend: c.backend } : {}),
      ...(c.model ? { model: c.model } : {}),
      desiredReplicas: c.desired_replicas,
      readyReplicas: c.ready_replicas,
      availableReplicas: c.available_replicas,
      gpusPerPod: c.gpus_per_pod,
      gpusRequested: c.gpus_requested,
      pendingPods: c.pending_pods.map((p) => ({
        pod: p.pod,
        phase: p.phase,
        reason: reasonFromProto(p.reason),
        kubernetesReason: p.kubernetes_reason,
        message: p.message,
        ...(p.container ? { container: p.container } : {}),
        ...(p.created_at ? { createdAt: timestampFromProto(p.created_at) } : {}),
      })),
      sidecars: c.sidecars.map((s) => ({
        pod: s.pod,
        container: s.container,
        image: s.image,
        ready: s.ready,
        started: s.started,
        restarts: s.restarts,
        ...(present(s.waiting_reason) ? { waitingReason: s.waiting_reason } : {}),
      })),
      consumers: c.consumers.map((k) => ({ stream: k.stream, durable: k.durable, pending: Number(k.pending), ackPending: Number(k.ack_pending), exists: k.exists })),
      ...(c.autoscaling
        ? {
            autoscaling: {
              scaledObject: c.autoscaling.scaled_object,
              minReplicas: c.autoscaling.min_replicas,
              maxReplicas: c.autoscaling.max_replicas,
              active: c.autoscaling.active,
              ready: c.autoscaling.ready,
              ...(c.autoscaling.message ? { message: c.autoscaling.message } : {}),
            },
          }
        : {}),
    })),
  };
}
