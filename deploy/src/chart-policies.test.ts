import { beforeAll, describe, expect, it } from 'vitest';
import {
  gpuPlacementViolations,
  graceViolations,
  hardeningViolations,
  imageTagViolations,
  natsCredentialViolations,
  networkPolicyCoverageViolations,
} from './policy-checks.js';
import { argValue, byKindAndName, podTemplates, runningContainers, type Container, type K8sObject, type PodSpec } from './rendered-objects.js';
import { ALL_VALUE_SETS, GPU_PLACEMENT, OUR_REPOSITORIES, renderSet } from './value-sets.js';

// Policy rules over the rendered manifests of every value set, and proof that each rule fails on
// a manifest that breaks it.

const USERS_SECRET = 'magpie-nats-users';
const rendered = new Map<string, K8sObject[]>();

beforeAll(async () => {
  for (const [name, files] of Object.entries(ALL_VALUE_SETS)) rendered.set(name, await renderSet(files));
});

const sets = () => [...rendered.entries()];
const pod = (objects: K8sObject[], component: string): PodSpec =>
  (byKindAndName(objects, 'Deployment', `magpie-${component}`).spec as { template: { spec: PodSpec } }).template.spec;
const sidecar = (spec: PodSpec): Container | undefined => spec.initContainers?.find((c) => c.restartPolicy === 'Always');

/** GPUs requested per stage pod, by component. */
function gpusByStage(objects: K8sObject[]): Record<string, number> {
  return Object.fromEntries(
    ['generator', 'solver', 'sampler', 'reward'].map((s) => [s, Number(sidecar(pod(objects, s))?.resources?.limits?.['nvidia.com/gpu'] ?? 0)]),
  );
}

describe('GPU containers', () => {
  it('request nvidia.com/gpu equal to their tensor-parallel size and land on A100 nodes', () => {
    for (const [name, objects] of sets()) expect(gpuPlacementViolations(objects, GPU_PLACEMENT), name).toEqual([]);
    expect(gpusByStage(rendered.get('default') ?? [])).toEqual({ generator: 2, solver: 2, sampler: 2, reward: 1 });
    expect(gpusByStage(rendered.get('small') ?? [])).toEqual({ generator: 1, solver: 1, sampler: 1, reward: 1 });
    expect(gpusByStage(rendered.get('large') ?? [])).toEqual({ generator: 4, solver: 4, sampler: 4, reward: 1 });
    expect(gpusByStage(rendered.get('demo') ?? [])).toEqual({ generator: 0, solver: 0, sampler: 0, reward: 0 });
  });

  it('fails a pod without the toleration, or with a GPU count unlike its TP', () => {
    const objects = structuredClone(rendered.get('large') ?? []);
    const solver = pod(objects, 'solver') as PodSpec & { tolerations?: unknown[] };
    delete solver.tolerations;
    const vllm = sidecar(pod(objects, 'sampler'));
    if (vllm?.resources?.limits) vllm.resources.limits['nvidia.com/gpu'] = '2';
    const violations = gpuPlacementViolations(objects, GPU_PLACEMENT);
    expect(violations).toContain('Deployment/magpie-solver: no toleration for the nvidia.com/gpu taint');
    expect(violations).toContain('Deployment/magpie-sampler container vllm: nvidia.com/gpu limit 2 differs from request 4');
    expect(violations).toContain('Deployment/magpie-sampler container vllm: nvidia.com/gpu 2, expected 4 (its tensor-parallel size)');
  });
});

describe('our containers (platform image and reward server)', () => {
  it('run as a numeric non-root UID on a read-only root with /tmp, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp, limits and probes', () => {
    for (const [name, objects] of sets()) {
      expect(hardeningViolations(objects, OUR_REPOSITORIES), name).toEqual([]);
      const ours = podTemplates(objects).flatMap((p) => runningContainers(p.spec)).filter((c) => OUR_REPOSITORIES.some((r) => c.image.startsWith(`${r}:`)));
      // Gateway and four stages, plus four simulator sidecars in the demo and the ArmoRM server where it runs.
      expect(ours.length, name).toBeGreaterThanOrEqual(5);
    }
  });

  it('fails a writable root filesystem, a root user and a missing limit', () => {
    const objects = structuredClone(rendered.get('default') ?? []);
    const gateway = pod(objects, 'gateway').containers[0] as Container & { securityContext: Record<string, unknown>; resources: { limits: Record<string, string> } };
    gateway.securityContext.readOnlyRootFilesystem = false;
    gateway.securityContext.runAsUser = 0;
    delete gateway.resources.limits.memory;
    expect(hardeningViolations(objects, OUR_REPOSITORIES)).toEqual([
      'Deployment/magpie-gateway container gateway: runAsUser 0 is not a numeric non-root UID',
      'Deployment/magpie-gateway container gateway: readOnlyRootFilesystem is not true',
      'Deployment/magpie-gateway container gateway: no memory limit',
    ]);
  });
});

describe('images', () => {
  it('are all pinned: no `latest`, no missing tag', () => {
    for (const [name, objects] of sets()) expect(imageTagViolations(objects), name).toEqual([]);
    const images = new Set(podTemplates(rendered.get('large') ?? []).flatMap((p) => [...p.spec.containers, ...(p.spec.initContainers ?? [])].map((c) => c.image)));
    expect([...images].sort()).toEqual(['magpie-reasoning:0.1.0', 'nats:2.14.2-alpine', 'natsio/nats-server-config-reloader:0.23.0', 'vllm/vllm-openai:v0.32.0']);
  });

  it('fails `latest` and an untagged image', () => {
    const objects = structuredClone(rendered.get('default') ?? []);
    (pod(objects, 'gateway').containers[0] as { image: string }).image = 'magpie-reasoning:latest';
    (sidecar(pod(objects, 'solver')) as { image: string }).image = 'registry.example:5000/vllm/vllm-openai';
    expect(imageTagViolations(objects)).toEqual([
      'Deployment/magpie-gateway container gateway: image magpie-reasoning:latest has no pinned tag',
      'Deployment/magpie-solver container vllm: image registry.example:5000/vllm/vllm-openai has no pinned tag',
    ]);
  });
});

describe('NetworkPolicies', () => {
  it('cover every pod, NATS included, for ingress and egress', () => {
    for (const [name, objects] of sets()) {
      expect(networkPolicyCoverageViolations(objects), name).toEqual([]);
      // Gateway, NATS and four stages; the large and demo sets run the tagger too.
      expect(podTemplates(objects).length, name).toBe(name === 'large' || name === 'demo' ? 7 : 6);
    }
  });

  it('leave only the gateway reachable from outside the release', () => {
    const policies = (rendered.get('default') ?? []).filter((o) => o.kind === 'NetworkPolicy');
    for (const policy of policies) {
      const ingress = (policy.spec as { ingress?: { from?: { namespaceSelector?: unknown; podSelector?: unknown }[] }[] }).ingress ?? [];
      for (const rule of ingress) {
        if (policy.metadata.name === 'magpie-gateway' && rule.from === undefined) continue;
        // Every other rule names its peers: Prometheus' or KEDA's namespace, or this release's pods.
        expect(rule.from?.length, policy.metadata.name).toBeGreaterThan(0);
      }
    }
  });

  it('fail a pod no policy selects', () => {
    const objects = (rendered.get('default') ?? []).filter((o) => !(o.kind === 'NetworkPolicy' && o.metadata.name === 'magpie-nats'));
    expect(networkPolicyCoverageViolations(objects)).toEqual([
      expect.stringMatching(/^StatefulSet\/magpie-nats: no NetworkPolicy restricting ingress and egress selects labels/),
    ]);
  });
});

describe('one grace budget', () => {
  it('gives Kubernetes longer than SHUTDOWN_GRACE_MS before SIGKILL, in every pod that runs a service', () => {
    for (const [name, objects] of sets()) expect(graceViolations(objects), name).toEqual([]);
    const gateway = pod(rendered.get('default') ?? [], 'gateway');
    expect(gateway.terminationGracePeriodSeconds).toBe(30);
    expect(gateway.containers[0]?.env?.find((e) => e.name === 'SHUTDOWN_GRACE_MS')?.value).toBe('20000');
  });

  it('fails a pod killed before its service has drained', () => {
    const objects = structuredClone(rendered.get('default') ?? []);
    (pod(objects, 'reward') as { terminationGracePeriodSeconds: number }).terminationGracePeriodSeconds = 20;
    expect(graceViolations(objects)).toEqual(['Deployment/magpie-reward container reward: terminationGracePeriodSeconds 20 s does not exceed SHUTDOWN_GRACE_MS 20000']);
  });
});

describe('NATS credentials', () => {
  it("give each service its own user and only its own password from the users' Secret", () => {
    for (const [name, objects] of sets()) expect(natsCredentialViolations(objects, USERS_SECRET, OUR_REPOSITORIES), name).toEqual([]);
    const env = pod(rendered.get('default') ?? [], 'sampler').containers[0]?.env ?? [];
    expect(env.find((e) => e.name === 'NATS_USER')?.value).toBe('sampler');
    expect(env.find((e) => e.name === 'NATS_PASS')?.valueFrom?.secretKeyRef).toEqual({ name: USERS_SECRET, key: 'sampler' });
  });

  it("fail a stage that can read another user's password", () => {
    const objects = structuredClone(rendered.get('default') ?? []);
    pod(objects, 'solver').containers[0]?.env?.push({ name: 'ADMIN', valueFrom: { secretKeyRef: { name: USERS_SECRET, key: 'admin' } } });
    expect(natsCredentialViolations(objects, USERS_SECRET, OUR_REPOSITORIES)).toEqual(['Deployment/magpie-solver container solver: (user solver) also reads the password of admin']);
  });
});

describe('the gateway Role', () => {
  it('reads deployments, pods, events and scaledobjects in its namespace, nothing more', () => {
    const objects = rendered.get('default') ?? [];
    const role = byKindAndName(objects, 'Role', 'magpie-gateway-fleet-reader') as K8sObject & { rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[] };
    expect(role.rules.flatMap((r) => r.resources.map((res) => `${r.apiGroups.join()}/${res}`)).sort()).toEqual(['/events', '/pods', 'apps/deployments', 'keda.sh/scaledobjects']);
    for (const rule of role.rules) expect(rule.verbs.sort()).toEqual(['get', 'list', 'watch']);
    expect(objects.filter((o) => o.kind === 'ClusterRole' || o.kind === 'ClusterRoleBinding')).toEqual([]);
    const bindings = objects.filter((o) => o.kind === 'RoleBinding') as (K8sObject & { subjects: { name: string }[] })[];
    expect(bindings.flatMap((b) => b.subjects.map((s) => s.name))).toEqual(['magpie-gateway']);
    // Only the gateway mounts a ServiceAccount token.
    const tokens = podTemplates(objects).filter((p) => p.owner.kind === 'Deployment' && (p.spec as { automountServiceAccountToken?: boolean }).automountServiceAccountToken !== false);
    expect(tokens.map((p) => p.owner.metadata.name)).toEqual(['magpie-gateway']);
  });
});

describe('vLLM sidecars', () => {
  it("serve the stage's model with its serving settings, as a native sidecar the stage waits for", () => {
    const spec = pod(rendered.get('default') ?? [], 'solver');
    const vllm = sidecar(spec);
    expect(vllm?.command).toEqual(['vllm', 'serve']);
    expect(vllm?.args?.[0]).toBe('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B');
    expect(argValue(vllm?.args, '--served-model-name')).toBe('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B');
    expect(argValue(vllm?.args, '--tensor-parallel-size')).toBe('2');
    expect(argValue(vllm?.args, '--max-model-len')).toBe('32768');
    expect(argValue(vllm?.args, '--gpu-memory-utilization')).toBe('0.92');
    expect(argValue(vllm?.args, '--reasoning-parser')).toBe('deepseek_r1');
    expect(argValue(vllm?.args, '--generation-config')).toBe('vllm');
    expect(vllm?.startupProbe).toMatchObject({ httpGet: { path: '/health' }, periodSeconds: 10, failureThreshold: 180 });
    expect(vllm?.readinessProbe).toMatchObject({ httpGet: { path: '/health' } });
    expect(spec.volumes?.find((v) => v.name === 'dshm')?.emptyDir).toMatchObject({ medium: 'Memory' });
    expect(vllm?.env?.find((e) => e.name === 'HF_HOME')?.value).toBe('/model-cache/huggingface');
    const stage = spec.containers[0];
    expect(stage?.env?.find((e) => e.name === 'LLM_BASE_URL')?.value).toBe('http://127.0.0.1:8000/v1');
    expect(stage?.env?.find((e) => e.name === 'MAX_NUM_SEQS')?.value).toBe(argValue(vllm?.args, '--max-num-seqs'));
    // Stages send request priorities only to servers that schedule by them.
    expect(argValue(vllm?.args, '--scheduling-policy')).toBe('priority');
    expect(stage?.env?.find((e) => e.name === 'LLM_PRIORITY_SCHEDULING')?.value).toBe('true');
  });

  it('serve a /classify reward model with the pooling runner, and the ArmoRM server by default', () => {
    const skywork = sidecar(pod(rendered.get('large') ?? [], 'reward'));
    expect(skywork?.args?.[0]).toBe('Skywork/Skywork-Reward-Llama-3.1-8B-v0.2');
    expect(argValue(skywork?.args, '--runner')).toBe('pooling');
    expect(argValue(skywork?.args, '--convert')).toBe('classify');
    const large = rendered.get('large') ?? [];
    expect(pod(large, 'reward').containers[0]?.env?.find((e) => e.name === 'REWARD_BASE_URL')?.value).toBe('http://127.0.0.1:8000');
    expect(argValue(sidecar(pod(large, 'solver'))?.args, '--max-num-seqs')).toBe('128');
    const armorm = sidecar(pod(rendered.get('default') ?? [], 'reward'));
    expect(armorm?.image).toBe('magpie-reward-server:0.1.0');
    expect(Object.fromEntries((armorm?.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value]))).toMatchObject({
      REWARD_MODEL: 'RLHFlow/ArmoRM-Llama3-8B-v0.1',
      SERVED_MODEL_NAME: 'RLHFlow/ArmoRM-Llama3-8B-v0.1',
      PORT: '8000',
      MAX_BATCH_SIZE: '16',
      MAX_QUEUE: '128',
      DEVICE: 'cuda',
      DTYPE: 'bfloat16',
      TRUST_REMOTE_CODE: 'true',
      HF_HOME: '/model-cache/huggingface',
    });
    expect(armorm?.resources?.limits?.['nvidia.com/gpu']).toBe('1');
  });
});
