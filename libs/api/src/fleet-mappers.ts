import { ProtoMappingError } from './errors.js';
import type { Fleet, FleetComponentState, PodPendingReason } from './fleet.js';
import type { FleetComponentInput, GetFleetResponse, GetFleetResponseInput, PendingReason as PendingReasonName } from './generated/index.js';
import { isoFromTimestamp, timestampFromIso } from './timestamp.js';

const REASON_TO_PROTO = {
  unschedulable: 'PENDING_REASON_UNSCHEDULABLE',
  image_pull: 'PENDING_REASON_IMAGE_PULL',
  crash_loop: 'PENDING_REASON_CRASH_LOOP',
  starting: 'PENDING_REASON_STARTING',
  other: 'PENDING_REASON_OTHER',
} as const satisfies Record<PodPendingReason, PendingReasonName>;

function reasonFromProto(name: string): PodPendingReason {
  const found = Object.entries(REASON_TO_PROTO).find(([, protoName]) => protoName === name);
  if (!found) throw new ProtoMappingError(`unknown pending reason ${name}`);
  return found[0] as PodPendingReason;
}

const orEmpty = (value: string | undefined): string => value ?? '';
const present = (value: string): string | undefined => (value === '' ? undefined : value);

function componentToProto(c: FleetComponentState): FleetComponentInput {
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
      created_at: p.createdAt === undefined ? null : timestampFromIso(p.createdAt),
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
export function fleetToProto(fleet: Fleet): GetFleetResponseInput {
  return {
    namespace: fleet.namespace,
    release: orEmpty(fleet.release),
    observed_at: timestampFromIso(fleet.observedAt),
    components: fleet.components.map(componentToProto),
    keda_installed: fleet.kedaInstalled,
  };
}

/** A decoded GetFleetResponse as a Fleet. Throws ProtoMappingError for an unknown pending reason. */
export function fleetFromProto(response: GetFleetResponse): Fleet {
  return {
    namespace: response.namespace,
    ...(response.release ? { release: response.release } : {}),
    observedAt: isoFromTimestamp(response.observed_at) ?? new Date(0).toISOString(),
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
        ...(p.created_at ? { createdAt: isoFromTimestamp(p.created_at) } : {}),
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
