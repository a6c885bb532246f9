import type { Fleet, FleetAutoscaling, FleetComponentState, FleetConsumer } from '@magpie/api';
import { PIPELINE_STAGES } from '@magpie/contracts';
import type { V1Container, V1Deployment, V1Pod } from '@kubernetes/client-node';
import type { FleetScope } from './kube-connection.js';
import type { KubeSnapshot, ScaledObject } from './kube-reader.js';
import { podProblem, podSidecars } from './pod-problems.js';

/** The label naming a pod's or Deployment's component (the chart's `magpie.componentLabels`). */
export const COMPONENT_LABEL = 'app.kubernetes.io/component';
/** Annotations the chart puts on each stage Deployment. */
export const BACKEND_ANNOTATION = 'magpie.dev/backend';
export const MODEL_ANNOTATION = 'magpie.dev/model';
const GPU = 'nvidia.com/gpu';

/** Components in the order the fleet view lists them: the gateway, then the pipeline. */
const ORDER: readonly string[] = ['gateway', ...PIPELINE_STAGES];

function gpusOf(container: V1Container): number {
  const limit = container.resources?.limits?.[GPU] ?? container.resources?.requests?.[GPU];
  const count = limit === undefined ? 0 : Number.parseInt(String(limit), 10);
  return Number.isFinite(count) ? count : 0;
}

/** nvidia.com/gpu of one pod of the template: its containers and its sidecars (GPUs cannot be shared, so they add up). */
export function gpusPerPod(deployment: V1Deployment): number {
  const spec = deployment.spec?.template.spec;
  const sidecars = (spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  return [...(spec?.containers ?? []), ...sidecars].reduce((sum, c) => sum + gpusOf(c), 0);
}

/** Whether the Deployment's selector (matchLabels, as the chart writes it) matches the pod. */
function selects(deployment: V1Deployment, pod: V1Pod): boolean {
  const wanted = Object.entries(deployment.spec?.selector.matchLabels ?? {});
  return wanted.length > 0 && wanted.every(([key, value]) => pod.metadata?.labels?.[key] === value);
}

function autoscalingOf(deployment: string, scaledObjects: readonly ScaledObject[] | undefined): FleetAutoscaling | undefined {
  const scaled = scaledObjects?.find((s) => s.spec?.scaleTargetRef?.name === deployment);
  if (!scaled) return undefined;
  const condition = (type: string) => scaled.status?.conditions?.find((c) => c.type === type);
  const ready = condition('Ready')?.status === 'True';
  const message = condition('Ready')?.message;
  return {
    scaledObject: scaled.metadata?.name ?? '',
    minReplicas: scaled.spec?.minReplicaCount ?? 0,
    maxReplicas: scaled.spec?.maxReplicaCount ?? 100,
    active: condition('Active')?.status === 'True',
    ready,
    ...(!ready && message ? { message } : {}),
  };
}

export interface FleetViewInput {
  readonly scope: FleetScope;
  readonly snapshot: KubeSnapshot;
  /** The backlog of each stage's durables, by component. */
  readonly consumers: Readonly<Record<string, readonly FleetConsumer[]>>;
  readonly observedAt: Date;
}

/**
 * The fleet from what was read: one entry per platform Deployment (by its component label) with
 * its replicas, GPUs, the problems of its pods (those its selector matches, so pods of an old
 * ReplicaSet in a rollout count too), its sidecars, its consumers' backlog and its ScaledObject.
 */
export function fleetView(input: FleetViewInput): Fleet {
  const { snapshot } = input;
  const componentOf = (o: { metadata?: { labels?: Record<string, string> } }): string | undefined => o.metadata?.labels?.[COMPONENT_LABEL];
  const components = snapshot.deployments
    .filter((d) => componentOf(d) !== undefined)
    .map((deployment): FleetComponentState => {
      const component = componentOf(deployment) ?? '';
      const name = deployment.metadata?.name ?? '';
      const pods: V1Pod[] = snapshot.pods.filter((p) => selects(deployment, p));
      const annotations = deployment.metadata?.annotations ?? {};
      const desired = deployment.spec?.replicas ?? 1;
      const perPod = gpusPerPod(deployment);
      const autoscaling = autoscalingOf(name, snapshot.scaledObjects);
      return {
        component,
        deployment: name,
        ...(annotations[BACKEND_ANNOTATION] ? { backend: annotations[BACKEND_ANNOTATION] } : {}),
        ...(annotations[MODEL_ANNOTATION] ? { model: annotations[MODEL_ANNOTATION] } : {}),
        desiredReplicas: desired,
        readyReplicas: deployment.status?.readyReplicas ?? 0,
        availableReplicas: deployment.status?.availableReplicas ?? 0,
        gpusPerPod: perPod,
        gpusRequested: perPod * desired,
        pendingPods: pods.flatMap((p) => podProblem(p, snapshot.events) ?? []),
        sidecars: pods.flatMap((p) => podSidecars(p, component)),
        consumers: input.consumers[component] ?? [],
        ...(autoscaling ? { autoscaling } : {}),
      };
    })
    .sort((a, b) => rank(a.component) - rank(b.component) || a.component.localeCompare(b.component));
  return {
    namespace: input.scope.namespace,
    ...(input.scope.release ? { release: input.scope.release } : {}),
    observedAt: input.observedAt.toISOString(),
    kedaInstalled: snapshot.scaledObjects !== undefined,
    components,
  };
}

function rank(component: string): number {
  const at = ORDER.indexOf(component);
  return at < 0 ? ORDER.length : at;
}
