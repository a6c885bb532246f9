import { describe, expect, it } from 'vitest';
import { KEDA_API, helmTemplate, helmTemplateError } from './helm-cli.js';
import { byKindAndName, countsByKind, envValue, parseRendered, podTemplates, type K8sObject, type PodSpec } from './rendered-objects.js';
import { renderSet } from './value-sets.js';

// What a user gets from the values: autoscaling with or without KEDA, refusals that name the value
// to change, demo and external backends, the grace budget and the NATS users' Secret.

const deploymentPod = (objects: K8sObject[], component: string): PodSpec =>
  (byKindAndName(objects, 'Deployment', `magpie-${component}`).spec as { template: { spec: PodSpec } }).template.spec;

/** Every secretKeyRef anywhere in the objects. */
function secretKeyRefs(value: unknown): { name: string; key: string }[] {
  if (Array.isArray(value)) return value.flatMap(secretKeyRefs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'secretKeyRef' ? [v as { name: string; key: string }] : secretKeyRefs(v)));
}

describe('autoscaling', () => {
  it('falls back to CPU HPAs when KEDA is not installed, and scales on consumer lag when it is', async () => {
    const withoutKeda = parseRendered(await helmTemplate());
    expect(countsByKind(withoutKeda)).toMatchObject({ HorizontalPodAutoscaler: 4 });
    expect(withoutKeda.filter((o) => o.kind === 'ScaledObject' || o.kind === 'PodMonitor')).toEqual([]);
    const hpa = byKindAndName(withoutKeda, 'HorizontalPodAutoscaler', 'magpie-solver').spec as { minReplicas: number; maxReplicas: number };
    expect(hpa).toMatchObject({ minReplicas: 1, maxReplicas: 4 });

    const withKeda = parseRendered(await helmTemplate({ apiVersions: [KEDA_API] }));
    expect(withKeda.filter((o) => o.kind === 'HorizontalPodAutoscaler')).toEqual([]);
    const solver = byKindAndName(withKeda, 'ScaledObject', 'magpie-solver').spec as { triggers: { type: string; metadata: Record<string, string> }[] };
    expect(solver.triggers).toEqual([
      {
        type: 'nats-jetstream',
        metadata: {
          natsServerMonitoringEndpoint: 'magpie-nats-headless.magpie.svc.cluster.local:8222',
          account: '$G',
          stream: 'RECORDS',
          consumer: 'solver',
          lagThreshold: '256',
          activationLagThreshold: '0',
          useHttps: 'false',
        },
      },
    ]);
    // The autoscaler owns the replica count.
    expect((byKindAndName(withKeda, 'Deployment', 'magpie-solver').spec as { replicas?: number }).replicas).toBeUndefined();
  });

  it('wakes a generator scaled to zero on a requested run, and forces KEDA for GitOps renders', async () => {
    const objects = parseRendered(await helmTemplate({ set: { 'autoscaling.engine': 'keda', 'stages.generator.autoscaling.scaleToZero': 'true' } }));
    const generator = byKindAndName(objects, 'ScaledObject', 'magpie-generator').spec as { minReplicaCount: number; triggers: { metadata: Record<string, string> }[] };
    expect(generator.minReplicaCount).toBe(0);
    expect(generator.triggers.map((t) => `${t.metadata.stream}/${t.metadata.consumer}`)).toEqual(['RUNS/generator-planner', 'GEN_TASKS/generator-tasks']);
  });

  it('keeps replicas fixed when autoscaling is off', async () => {
    const objects = parseRendered(await helmTemplate({ set: { 'autoscaling.enabled': 'false', 'stages.solver.replicas': '3' } }));
    expect(objects.filter((o) => o.kind === 'ScaledObject' || o.kind === 'HorizontalPodAutoscaler')).toEqual([]);
    expect((byKindAndName(objects, 'Deployment', 'magpie-solver').spec as { replicas: number }).replicas).toBe(3);
  });
});

describe('refusals that name what to change', () => {
  it.each([
    ['a gated model without an HF token', { 'stages.solver.model': 'meta-llama/Llama-3.3-70B-Instruct' }, /huggingface\.tokenSecret\.name: meta-llama\/Llama-3\.3-70B-Instruct is gated/],
    ['a model that needs two nodes', { 'stages.solver.model': 'deepseek-ai/DeepSeek-R1' }, /pipelineParallelSize 2 spreads a replica over several nodes.*stages\.solver\.backend\.mode=external/],
    ['too few GPUs for the weights', { 'stages.solver.model': 'deepseek-ai/DeepSeek-R1-Distill-Llama-70B', 'stages.solver.backend.serving.tensorParallelSize': '1' }, /131\.5 GiB of weights leave too little KV cache on 1 × 80 GiB.*raise tensorParallelSize/],
    ['GPUs too small for the model', { 'gpu.memoryGiB': '40' }, /sized for 80 GiB GPUs but gpu\.memoryGiB is 40/],
    ['a misspelt serving setting', { 'stages.solver.backend.serving.tensorParalelSize': '2' }, /stages\.solver\.backend\.serving\.tensorParalelSize: not a serving setting/],
    ['an unknown model', { 'stages.sampler.model': 'acme/Nope' }, /stages\.sampler\.model: unknown model "acme\/Nope"; known: .*Qwen\/Qwen2\.5-7B-Instruct/],
    ['an unknown reward model', { 'stages.reward.model': 'acme/RM' }, /stages\.reward\.model: unknown reward model "acme\/RM"; known: RLHFlow\/ArmoRM-Llama3-8B-v0\.1, Skywork/],
    ['an unknown backend mode (values.schema.json)', { 'stages.reward.backend.mode': 'gpu' }, /at '\/stages\/reward\/backend\/mode': value must be one of 'sidecar', 'external', 'simulator'/],
    ['a misspelt top-level key (values.schema.json)', { 'stage.solver.model': 'x' }, /additional properties 'stage' not allowed/],
    ['a `latest` image (values.schema.json)', { 'vllm.image.tag': 'latest' }, /at '\/vllm\/image\/tag': 'not' failed/],
    ['no NATS at all', { 'nats.enabled': 'false', 'global.magpie.natsUsersSecret': 'x' }, /externalNats\.url: set the NATS URL when nats\.enabled is false/],
    ['an external NATS without its passwords', { 'nats.enabled': 'false', 'externalNats.url': 'nats://n:4222' }, /global\.magpie\.natsUsersSecret: with nats\.enabled=false, name the Secret/],
    ['external mode without URLs', { 'stages.generator.backend.mode': 'external' }, /stages\.generator\.backend\.external: set baseUrls/],
    ['no kill margin after the grace period', { 'shutdown.killMarginSeconds': '0' }, /shutdown\.killMarginSeconds: must be at least 1/],
    ['min above max replicas', { 'stages.solver.autoscaling.minReplicas': '9' }, /stages\.solver\.autoscaling: minReplicas 9 exceeds maxReplicas 4/],
  ])('%s', async (_what, set, message) => {
    expect(await helmTemplateError({ set })).toMatch(message);
  });
});

describe('NATS outside the release', () => {
  it('connects every service to it and lets KEDA read its monitoring endpoint', async () => {
    const set = { 'nats.enabled': 'false', 'externalNats.url': 'nats://nats.shared.svc:4222', 'externalNats.monitoringEndpoint': 'nats.shared.svc:8222', 'global.magpie.natsUsersSecret': 'shared-nats' };
    const objects = parseRendered(await helmTemplate({ set, apiVersions: [KEDA_API] }));
    expect(objects.filter((o) => o.kind === 'StatefulSet' || o.kind === 'ConfigMap' || o.kind === 'Secret')).toEqual([]);
    expect(envValue(deploymentPod(objects, 'gateway').containers[0] ?? { name: '', image: '' }, 'NATS_URL')).toBe('nats://nats.shared.svc:4222');
    const reward = byKindAndName(objects, 'ScaledObject', 'magpie-reward').spec as { triggers: { metadata: Record<string, string> }[] };
    expect(reward.triggers[0]?.metadata.natsServerMonitoringEndpoint).toBe('nats.shared.svc:8222');
  });
});

describe('the GPU-less demo values', () => {
  it('run the simulator as every stage\'s sidecar: no GPU, no model cache, Pod Security "restricted" pods', async () => {
    const objects = await renderSet(['ci/demo-values.yaml']);
    expect(JSON.stringify(objects)).not.toContain('nvidia.com/gpu');
    expect(objects.filter((o) => o.kind === 'PersistentVolumeClaim')).toEqual([]);
    for (const stage of ['generator', 'solver', 'sampler', 'reward', 'tagger']) {
      const spec = deploymentPod(objects, stage);
      const sim = spec.initContainers?.[0];
      expect(sim?.image).toBe('magpie-reasoning:0.1.0');
      expect(envValue(sim ?? { name: '', image: '' }, 'SERVICE')).toBe('llm-sim');
      expect(spec.affinity).toBeUndefined();
      expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } });
    }
    const solverSim = deploymentPod(objects, 'solver').initContainers?.[0];
    expect(envValue(solverSim ?? { name: '', image: '' }, 'SIM_REASONING_PARSER')).toBe('true');
  });
});

describe('external backends', () => {
  it('point stages at existing servers: no sidecar, no GPU, egress to those servers only', async () => {
    const objects = await renderSet(['ci/external-values.yaml']);
    const generator = deploymentPod(objects, 'generator');
    expect(generator.initContainers).toBeUndefined();
    expect(envValue(generator.containers[0] ?? { name: '', image: '' }, 'LLM_BASE_URL')).toBe('http://vllm-generator-0.gpu.svc:8000/v1,http://vllm-generator-1.gpu.svc:8000/v1');
    const solver = deploymentPod(objects, 'solver').containers[0] ?? { name: '', image: '' };
    expect(envValue(solver, 'BACKEND_HEADLESS_SERVICE')).toBe('http://vllm-r1-headless.gpu.svc:8000/v1');
    expect(envValue(solver, 'LLM_BASE_URL')).toBeUndefined();
    expect(envValue(deploymentPod(objects, 'reward').containers[0] ?? { name: '', image: '' }, 'REWARD_BASE_URL')).toBe('http://skywork-reward.gpu.svc:8000');
    const egress = (byKindAndName(objects, 'NetworkPolicy', 'magpie-solver').spec as { egress: { to?: unknown[]; ports: { port: number }[] }[] }).egress;
    expect(egress).toContainEqual({ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gpu' } } }], ports: [{ port: 8000, protocol: 'TCP' }] });
    // No model-hub egress from pods that download nothing.
    expect(JSON.stringify(egress)).not.toContain('0.0.0.0/0');
  });
});

describe('the tags stage and the data-quality files', () => {
  it('are off by default: no tagger objects, no benchmark volume, no embedding egress', async () => {
    const objects = parseRendered(await helmTemplate());
    expect(objects.filter((o) => o.metadata.name === 'magpie-tagger')).toEqual([]);
    const generator = deploymentPod(objects, 'generator');
    expect(envValue(generator.containers[0] ?? { name: '', image: '' }, 'DECONTAMINATION_DIR')).toBeUndefined();
    expect(envValue(generator.containers[0] ?? { name: '', image: '' }, 'EMBEDDING_BASE_URL')).toBeUndefined();
  });

  it('run the tagger like every stage when enabled: Deployment with its backend, KEDA on its consumer, NetworkPolicy, PDB, its NATS user', async () => {
    const objects = await renderSet(['ci/large-values.yaml']);
    for (const kind of ['Deployment', 'ScaledObject', 'NetworkPolicy', 'PodDisruptionBudget', 'ServiceAccount']) expect(byKindAndName(objects, kind, 'magpie-tagger'), kind).toBeDefined();
    const tagger = deploymentPod(objects, 'tagger');
    expect(envValue(tagger.containers[0] ?? { name: '', image: '' }, 'SERVICE')).toBe('tagger');
    expect(envValue(tagger.containers[0] ?? { name: '', image: '' }, 'NATS_USER')).toBe('tagger');
    expect(envValue(tagger.containers[0] ?? { name: '', image: '' }, 'LLM_BASE_URL')).toBe('http://127.0.0.1:8000/v1');
    const scaled = byKindAndName(objects, 'ScaledObject', 'magpie-tagger').spec as { triggers: { metadata: Record<string, string> }[] };
    expect(scaled.triggers.map((t) => `${t.metadata.stream}/${t.metadata.consumer}`)).toEqual(['RECORDS/tagger']);
  });

  it('mount the benchmarks for decontamination and let the generator reach the embedding servers', async () => {
    const objects = await renderSet(['ci/large-values.yaml']);
    const generator = deploymentPod(objects, 'generator');
    const container = generator.containers[0] ?? { name: '', image: '' };
    expect(envValue(container, 'DECONTAMINATION_DIR')).toBe('/etc/magpie/decontamination');
    expect(envValue(container, 'EMBEDDING_BASE_URL')).toBe('http://vllm-embed.gpu.svc:8000/v1');
    expect(JSON.stringify(generator.volumes)).toContain('"claimName":"magpie-benchmarks","readOnly":true');
    const egress = (byKindAndName(objects, 'NetworkPolicy', 'magpie-generator').spec as { egress: unknown[] }).egress;
    expect(egress).toContainEqual({ ports: [{ port: 8000, protocol: 'TCP' }], to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gpu' } } }] });
    const inline = parseRendered(await helmTemplate({ set: { 'dataQuality.decontamination.files.gsm8k\\.jsonl': 'rows' } }));
    expect(byKindAndName(inline, 'ConfigMap', 'magpie-benchmarks')).toMatchObject({ data: { 'gsm8k.jsonl': 'rows' } });
    expect(JSON.stringify(deploymentPod(inline, 'generator').volumes)).toContain('"configMap":{"name":"magpie-benchmarks"}');
    await expect(helmTemplate({ set: { 'dataQuality.decontamination.configMap': 'a', 'dataQuality.decontamination.existingClaim': 'b' } })).rejects.toThrow(/set one of files, configMap and existingClaim/);
  });
});

describe('one grace budget', () => {
  it('derives SHUTDOWN_GRACE_MS and terminationGracePeriodSeconds from shutdown.graceSeconds', async () => {
    const objects = parseRendered(await helmTemplate({ set: { 'shutdown.graceSeconds': '45', 'shutdown.killMarginSeconds': '15' } }));
    const pods = podTemplates(objects).filter((p) => p.owner.kind === 'Deployment');
    expect(pods).toHaveLength(5);
    for (const p of pods) {
      expect(p.spec.terminationGracePeriodSeconds, p.owner.metadata.name).toBe(60);
      expect(envValue(p.spec.containers[0] ?? { name: '', image: '' }, 'SHUTDOWN_GRACE_MS'), p.owner.metadata.name).toBe('45000');
    }
  });
});

describe("the NATS users' Secret", () => {
  it('is generated with a random password per user unless one is named, which the NATS server and every service then use', async () => {
    const generated = parseRendered(await helmTemplate());
    const secret = byKindAndName(generated, 'Secret', 'magpie-nats-users') as K8sObject & { data: Record<string, string> };
    expect(Object.keys(secret.data).sort()).toEqual(['admin', 'gateway', 'generator', 'reward', 'sampler', 'solver', 'tagger']);
    const passwords = Object.values(secret.data).map((b64) => Buffer.from(b64, 'base64').toString());
    expect(new Set(passwords).size).toBe(7);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9]{40}$/);

    const named = parseRendered(await helmTemplate({ set: { 'global.magpie.natsUsersSecret': 'platform-nats' } }));
    expect(named.filter((o) => o.kind === 'Secret')).toEqual([]);
    const refs = secretKeyRefs(named);
    // Seven passwords in the NATS server, one in each of the five services (the tagger is off by default).
    expect(refs).toHaveLength(7 + 5);
    expect(new Set(refs.map((r) => r.name))).toEqual(new Set(['platform-nats']));
  });

  it('keeps JetStream on a PVC and runs a 3-server cluster in the large values', async () => {
    const large = await renderSet(['ci/large-values.yaml']);
    const nats = byKindAndName(large, 'StatefulSet', 'magpie-nats').spec as { replicas: number; volumeClaimTemplates: { spec: { resources: { requests: { storage: string } } } }[] };
    expect(nats.replicas).toBe(3);
    expect(nats.volumeClaimTemplates[0]?.spec.resources.requests.storage).toBe('100Gi');
    const conf = (byKindAndName(large, 'ConfigMap', 'magpie-nats-config') as K8sObject & { data: Record<string, string> }).data['nats.conf'] ?? '';
    expect(conf).toMatch(/"cluster": \{/);
    expect(conf).toMatch(/include \.\.\/magpie-nats-auth\/authorization\.conf;/);
  });
});

describe('the model cache', () => {
  it("is one PVC per GPU stage sized from the model, keeping a ReadWriteOnce stage's replicas on one node", async () => {
    const objects = await renderSet([]);
    const pvc = byKindAndName(objects, 'PersistentVolumeClaim', 'magpie-solver-model-cache').spec as { resources: { requests: { storage: string } } };
    expect(pvc.resources.requests.storage).toBe('80Gi');
    expect((deploymentPod(objects, 'solver').affinity as { podAffinity?: unknown }).podAffinity).toBeDefined();
    const large = await renderSet(['ci/large-values.yaml']);
    expect((deploymentPod(large, 'solver').affinity as { podAffinity?: unknown }).podAffinity).toBeUndefined();
    const ephemeral = parseRendered(await helmTemplate({ set: { 'modelCache.mode': 'ephemeral' } }));
    expect(ephemeral.filter((o) => o.kind === 'PersistentVolumeClaim')).toEqual([]);
    expect(JSON.stringify(deploymentPod(ephemeral, 'solver').volumes)).toContain('"volumeClaimTemplate"');
  });
});
