import type { KubeObjects } from './kube-api-stand-in.js';

// Test-only: a release of the chart as the API server would return it, on a cluster short of GPUs.
// The shapes are Kubernetes' own (apps/v1 Deployment, v1 Pod, v1 Event, keda.sh ScaledObject);
// only the fields the fleet view reads, and some it must ignore, are filled in.

const CREATED = '2026-11-30T08:00:00Z';
const VLLM_IMAGE = 'vllm/vllm-openai:v0.32.0';
const R1_32B = 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B';
export const FLEET_NAMESPACE = 'ml-data';
export const FLEET_RELEASE = 'magpie';
export const INSUFFICIENT_GPU = '0/3 nodes are available: 3 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';

function labels(component: string, release = FLEET_RELEASE): Record<string, string> {
  return {
    'app.kubernetes.io/part-of': 'magpie',
    'app.kubernetes.io/managed-by': 'Helm',
    'app.kubernetes.io/instance': release,
    'app.kubernetes.io/name': component,
    'app.kubernetes.io/component': component,
  };
}

interface Sidecar {
  readonly name: string;
  readonly image: string;
  readonly gpus: number;
}

function deployment(component: string, o: { replicas: number; ready: number; backend?: string; model?: string; sidecar?: Sidecar; release?: string }): object {
  const annotations = o.backend ? { 'magpie.dev/backend': o.backend, 'magpie.dev/model': o.model ?? '', 'deployment.kubernetes.io/revision': '3' } : { 'deployment.kubernetes.io/revision': '1' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `${o.release ?? FLEET_RELEASE}-${component}`, namespace: FLEET_NAMESPACE, labels: labels(component, o.release), annotations, creationTimestamp: CREATED, generation: 3 },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { 'app.kubernetes.io/instance': o.release ?? FLEET_RELEASE, 'app.kubernetes.io/name': component } },
      template: {
        metadata: { labels: labels(component, o.release) },
        spec: {
          ...(o.sidecar
            ? { initContainers: [{ name: o.sidecar.name, image: o.sidecar.image, restartPolicy: 'Always', resources: { limits: { 'nvidia.com/gpu': String(o.sidecar.gpus), memory: '64Gi' } } }] }
            : {}),
          containers: [{ name: component, image: 'magpie-reasoning:0.1.0', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '250m' } } }],
        },
      },
    },
    status: {
      observedGeneration: 3,
      replicas: o.replicas,
      updatedReplicas: o.replicas,
      ...(o.ready > 0 ? { readyReplicas: o.ready, availableReplicas: o.ready } : {}),
      ...(o.ready < o.replicas ? { unavailableReplicas: o.replicas - o.ready } : {}),
    },
  };
}

const running = { running: { startedAt: '2026-11-30T08:01:00Z' } };

function pod(component: string, name: string, status: object, sidecar?: Sidecar): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${FLEET_RELEASE}-${component}-${name}`, namespace: FLEET_NAMESPACE, labels: { ...labels(component), 'pod-template-hash': '7d9f8c6b5' }, creationTimestamp: CREATED },
    spec: {
      ...(sidecar ? { initContainers: [{ name: sidecar.name, image: sidecar.image, restartPolicy: 'Always', resources: { limits: { 'nvidia.com/gpu': String(sidecar.gpus) } } }] } : {}),
      containers: [{ name: component, image: 'magpie-reasoning:0.1.0' }],
    },
    status,
  };
}

function containerStatus(name: string, image: string, o: { ready: boolean; state: object; restarts?: number; lastState?: object; started?: boolean }): object {
  return { name, image, imageID: '', ready: o.ready, started: o.started ?? o.ready, restartCount: o.restarts ?? 0, state: o.state, lastState: o.lastState ?? {} };
}

function readyPod(component: string, name: string, sidecar?: Sidecar): object {
  return pod(
    component,
    name,
    {
      phase: 'Running',
      conditions: [
        { type: 'PodScheduled', status: 'True' },
        { type: 'Initialized', status: 'True' },
        { type: 'ContainersReady', status: 'True' },
        { type: 'Ready', status: 'True' },
      ],
      ...(sidecar ? { initContainerStatuses: [containerStatus(sidecar.name, sidecar.image, { ready: true, state: running })] } : {}),
      containerStatuses: [containerStatus(component, 'magpie-reasoning:0.1.0', { ready: true, state: running })],
    },
    sidecar,
  );
}

const vllm = (gpus: number): Sidecar => ({ name: 'vllm', image: VLLM_IMAGE, gpus });
const rewardServer: Sidecar = { name: 'reward-server', image: 'magpie-reward-server:0.1.0', gpus: 1 };

function scaledObject(component: string, o: { min: number; max: number; active: boolean; ready?: boolean; message?: string }): object {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: `${FLEET_RELEASE}-${component}`, namespace: FLEET_NAMESPACE, labels: labels(component) },
    spec: { scaleTargetRef: { name: `${FLEET_RELEASE}-${component}` }, minReplicaCount: o.min, maxReplicaCount: o.max, triggers: [{ type: 'nats-jetstream', metadata: { stream: 'RECORDS', consumer: component } }] },
    status: {
      conditions: [
        { type: 'Ready', status: o.ready === false ? 'False' : 'True', reason: o.ready === false ? 'ScaledObjectCheckFailed' : 'ScaledObjectReady', message: o.message ?? 'ScaledObject is defined correctly and is ready for scaling' },
        { type: 'Active', status: o.active ? 'True' : 'False', reason: o.active ? 'ScalerActive' : 'ScalerNotActive' },
        { type: 'Fallback', status: 'False' },
      ],
    },
  };
}

/**
 * The release `magpie` in `ml-data` with KEDA: the gateway and the reward stage ready; one of two
 * generator pods waiting for GPUs (FailedScheduling); the solver's vLLM image not pullable; the
 * sampler crash-looping (OOMKilled) beside a ready vLLM. Plus a pod of another release and an
 * event of another pod, which the fleet view must leave out.
 */
export function gpuShortRelease(): Required<KubeObjects> {
  const pendingGenerator = pod(
    'generator',
    'x2m4q',
    {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: INSUFFICIENT_GPU, lastTransitionTime: '2026-11-30T08:02:00Z' }],
      qosClass: 'Burstable',
    },
    vllm(2),
  );
  const solverPull = pod(
    'solver',
    'k7d2p',
    {
      phase: 'Pending',
      conditions: [
        { type: 'PodScheduled', status: 'True' },
        { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [vllm]' },
        { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [vllm solver]' },
      ],
      initContainerStatuses: [
        containerStatus('vllm', VLLM_IMAGE, { ready: false, state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${VLLM_IMAGE}"` } } }),
      ],
      containerStatuses: [containerStatus('solver', 'magpie-reasoning:0.1.0', { ready: false, state: { waiting: { reason: 'PodInitializing' } } })],
    },
    vllm(2),
  );
  const samplerCrash = pod(
    'sampler',
    'q9w8e',
    {
      phase: 'Running',
      conditions: [
        { type: 'PodScheduled', status: 'True' },
        { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [sampler]' },
      ],
      initContainerStatuses: [containerStatus('vllm', VLLM_IMAGE, { ready: true, state: running })],
      containerStatuses: [
        containerStatus('sampler', 'magpie-reasoning:0.1.0', {
          ready: false,
          started: false,
          restarts: 4,
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=sampler pod=magpie-sampler-q9w8e_ml-data' } },
          lastState: { terminated: { reason: 'OOMKilled', exitCode: 137, startedAt: '2026-11-30T08:05:00Z', finishedAt: '2026-11-30T08:05:09Z' } },
        }),
      ],
    },
    vllm(2),
  );
  const otherRelease = { ...(readyPod('generator', 'zz111') as { metadata: object }), metadata: { name: 'staging-generator-zz111', namespace: FLEET_NAMESPACE, labels: labels('generator', 'staging') } };
  const event = (podName: string, lastTimestamp: string, message: string): object => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${podName}.18b2c3d4e5f6a7b8`, namespace: FLEET_NAMESPACE, creationTimestamp: lastTimestamp },
    involvedObject: { kind: 'Pod', namespace: FLEET_NAMESPACE, name: podName, apiVersion: 'v1' },
    reason: 'FailedScheduling',
    message,
    source: { component: 'default-scheduler' },
    firstTimestamp: CREATED,
    lastTimestamp,
    count: 12,
    type: 'Warning',
  });
  return {
    deployments: [
      deployment('gateway', { replicas: 1, ready: 1 }),
      deployment('generator', { replicas: 2, ready: 1, backend: 'vllm', model: R1_32B, sidecar: vllm(2) }),
      deployment('solver', { replicas: 1, ready: 0, backend: 'vllm', model: R1_32B, sidecar: vllm(2) }),
      deployment('sampler', { replicas: 1, ready: 0, backend: 'vllm', model: R1_32B, sidecar: vllm(2) }),
      deployment('reward', { replicas: 1, ready: 1, backend: 'reward-server', model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1', sidecar: rewardServer }),
      deployment('generator', { replicas: 1, ready: 1, backend: 'vllm', model: R1_32B, sidecar: vllm(2), release: 'staging' }),
    ],
    pods: [
      readyPod('gateway', 'b5c6d'),
      readyPod('generator', 'a1b2c', vllm(2)),
      pendingGenerator,
      solverPull,
      samplerCrash,
      readyPod('reward', 'r4t5y', rewardServer),
      otherRelease,
    ],
    events: [
      event('magpie-generator-x2m4q', '2026-11-30T08:10:00Z', INSUFFICIENT_GPU),
      event('staging-generator-old11', '2026-11-30T08:10:00Z', '0/3 nodes are available: 3 node(s) had untolerated taint {nvidia.com/gpu: present}.'),
    ],
    scaledObjects: [
      scaledObject('generator', { min: 1, max: 8, active: true }),
      scaledObject('solver', { min: 1, max: 8, active: false }),
      scaledObject('sampler', { min: 1, max: 8, active: true, ready: false, message: 'error getting consumer info: nats: no responders available for request' }),
      scaledObject('reward', { min: 1, max: 4, active: true }),
    ],
  };
}
