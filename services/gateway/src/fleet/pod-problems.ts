import type { FleetPendingPod, FleetSidecar, PodPendingReason } from '@magpie/api';
import type { CoreV1Event, V1ContainerStatus, V1Pod } from '@kubernetes/client-node';

const IMAGE_PULL = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull', 'RegistryUnavailable']);
const STARTING = new Set(['ContainerCreating', 'PodInitializing']);

function reasonOfWaiting(waiting: string): PodPendingReason {
  if (IMAGE_PULL.has(waiting)) return 'image_pull';
  if (waiting === 'CrashLoopBackOff') return 'crash_loop';
  if (STARTING.has(waiting)) return 'starting';
  return 'other';
}

const toIso = (time: Date | string | undefined): string | undefined => (time === undefined ? undefined : new Date(time).toISOString());

/** Sidecars first (Kubernetes starts them before the main container), then the containers. */
function containerStatuses(pod: V1Pod): V1ContainerStatus[] {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
}

/** What a crash-looping container last died of, e.g. `last exit: OOMKilled (exit code 137)`. */
function lastExit(status: V1ContainerStatus): string {
  const terminated = status.lastState?.terminated;
  return terminated ? `last exit: ${terminated.reason ?? 'Error'} (exit code ${terminated.exitCode})` : '';
}

function latestFailedScheduling(pod: string, events: readonly CoreV1Event[]): CoreV1Event | undefined {
  const times = (e: CoreV1Event): number => new Date(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? 0).getTime();
  return events.filter((e) => e.involvedObject.name === pod && e.reason === 'FailedScheduling').sort((a, b) => times(b) - times(a))[0];
}

/**
 * Why a pod is not running and ready, or undefined when it is (or is on its way out). In order:
 * not scheduled (the PodScheduled condition, or the latest FailedScheduling event, e.g.
 * `0/3 nodes are available: 3 Insufficient nvidia.com/gpu.`); a container waiting (an image that
 * cannot be pulled, a crash loop with its last exit, a missing Secret); a failed pod (evicted);
 * containers running but not ready (vLLM still loading its model).
 */
export function podProblem(pod: V1Pod, events: readonly CoreV1Event[]): FleetPendingPod | undefined {
  if (pod.metadata?.deletionTimestamp) return undefined;
  const name = pod.metadata?.name ?? '';
  const phase = pod.status?.phase ?? 'Unknown';
  const createdAt = toIso(pod.metadata?.creationTimestamp);
  const base = { pod: name, phase, ...(createdAt ? { createdAt } : {}) };
  const conditions = pod.status?.conditions ?? [];

  const scheduled = conditions.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False') {
    const event = latestFailedScheduling(name, events);
    return { ...base, reason: 'unschedulable', kubernetesReason: scheduled.reason ?? 'Unschedulable', message: scheduled.message || event?.message || '' };
  }
  for (const status of containerStatuses(pod)) {
    const waiting = status.state?.waiting;
    if (!waiting?.reason) continue;
    const reason = reasonOfWaiting(waiting.reason);
    if (reason === 'starting') continue;
    const message = [waiting.message, reason === 'crash_loop' ? lastExit(status) : ''].filter(Boolean).join('; ');
    return { ...base, reason, kubernetesReason: waiting.reason, message, container: status.name };
  }
  if (phase === 'Failed') return { ...base, reason: 'other', kubernetesReason: pod.status?.reason ?? 'Failed', message: pod.status?.message ?? '' };
  if (phase === 'Succeeded') return undefined;
  const ready = conditions.find((c) => c.type === 'Ready');
  if (phase === 'Running' && ready?.status === 'True') return undefined;
  const unready = containerStatuses(pod).find((s) => !s.ready);
  const waiting = unready?.state?.waiting;
  return {
    ...base,
    reason: 'starting',
    kubernetesReason: waiting?.reason ?? ready?.reason ?? phase,
    message: waiting?.message ?? ready?.message ?? '',
    ...(unready ? { container: unready.name } : {}),
  };
}

/**
 * The pod's sidecars: native sidecars (init containers with restartPolicy Always, as the chart
 * runs vLLM, the reward server and the simulator) and any container besides the stage's own.
 */
export function podSidecars(pod: V1Pod, mainContainer: string): FleetSidecar[] {
  const spec = pod.spec;
  const names = [
    ...(spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'),
    ...(spec?.containers ?? []).filter((c) => c.name !== mainContainer),
  ];
  const statuses = containerStatuses(pod);
  return names.map((container) => {
    const status = statuses.find((s) => s.name === container.name);
    const waiting = status?.state?.waiting?.reason;
    return {
      pod: pod.metadata?.name ?? '',
      container: container.name,
      image: container.image ?? '',
      ready: status?.ready ?? false,
      started: status?.started ?? false,
      restarts: status?.restartCount ?? 0,
      ...(waiting ? { waitingReason: waiting } : {}),
    };
  });
}
