import { allContainers, argValue, podTemplates, runningContainers, type Container, type K8sObject, type PodTemplate } from './rendered-objects.js';

/**
 * Rules over rendered manifests. Each returns one line per violation, naming the object and the
 * container, so a failing test says what to fix; an empty list means the rule holds.
 */

export interface GpuPlacement {
  readonly resourceName: string;
  readonly productLabel: string;
  readonly products: readonly string[];
  readonly taintKey: string;
}

const where = (pod: PodTemplate, c?: Container): string => `${pod.owner.kind}/${pod.owner.metadata.name}${c ? ` container ${c.name}` : ''}`;

/** GPUs a backend container should hold: vLLM's tensor × pipeline parallel size, one for the ArmoRM server. */
function expectedGpus(c: Container): number | undefined {
  const tp = argValue(c.args, '--tensor-parallel-size');
  if (tp !== undefined) return Number(tp) * Number(argValue(c.args, '--pipeline-parallel-size') ?? '1');
  if (c.env?.some((e) => e.name === 'REWARD_MODEL')) return 1;
  return undefined;
}

/** Every GPU container requests GPUs equal to its TP (limits = requests) and its pod lands on the A100 nodes, tolerating their taint. */
export function gpuPlacementViolations(objects: readonly K8sObject[], gpu: GpuPlacement): string[] {
  const violations: string[] = [];
  for (const pod of podTemplates(objects)) {
    const gpuContainers = allContainers(pod.spec).filter((c) => c.resources?.limits?.[gpu.resourceName] ?? c.resources?.requests?.[gpu.resourceName]);
    if (gpuContainers.length === 0) continue;
    for (const c of gpuContainers) {
      const limit = c.resources?.limits?.[gpu.resourceName];
      const request = c.resources?.requests?.[gpu.resourceName];
      const expected = expectedGpus(c);
      if (limit !== request) violations.push(`${where(pod, c)}: ${gpu.resourceName} limit ${limit} differs from request ${request}`);
      if (expected === undefined) violations.push(`${where(pod, c)}: holds GPUs but is neither vLLM (--tensor-parallel-size) nor the reward server`);
      else if (Number(limit) !== expected) violations.push(`${where(pod, c)}: ${gpu.resourceName} ${limit}, expected ${expected} (its tensor-parallel size)`);
    }
    const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
    const placed =
      terms.length > 0 &&
      terms.every((t) =>
        (t.matchExpressions ?? []).some(
          (e) => e.key === gpu.productLabel && e.operator === 'In' && (e.values ?? []).length > 0 && (e.values ?? []).every((v) => gpu.products.includes(v)),
        ),
      );
    if (!placed) violations.push(`${where(pod)}: no required node affinity on ${gpu.productLabel} In ${gpu.products.join(', ')}`);
    const tolerated = (pod.spec.tolerations ?? []).some((t) => t.key === gpu.taintKey && (t.effect === undefined || t.effect === 'NoSchedule'));
    if (!tolerated) violations.push(`${where(pod)}: no toleration for the ${gpu.taintKey} taint`);
  }
  return violations;
}

function repository(image: string): string {
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
}

/** Our containers (by image repository): Pod Security "restricted", read-only root with a /tmp emptyDir, limits and probes. */
export function hardeningViolations(objects: readonly K8sObject[], ourRepositories: readonly string[]): string[] {
  const violations: string[] = [];
  for (const pod of podTemplates(objects)) {
    const podSc = pod.spec.securityContext ?? {};
    for (const c of runningContainers(pod.spec).filter((x) => ourRepositories.includes(repository(x.image)))) {
      const sc = c.securityContext ?? {};
      const fail = (what: string) => violations.push(`${where(pod, c)}: ${what}`);
      const runAsUser = sc.runAsUser ?? podSc.runAsUser;
      if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) fail('runAsNonRoot is not true');
      if (typeof runAsUser !== 'number' || !Number.isInteger(runAsUser) || runAsUser <= 0) fail(`runAsUser ${String(runAsUser)} is not a numeric non-root UID`);
      if (sc.readOnlyRootFilesystem !== true) fail('readOnlyRootFilesystem is not true');
      if (sc.allowPrivilegeEscalation !== false) fail('allowPrivilegeEscalation is not false');
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) fail('capabilities do not drop ALL');
      if ((sc.seccompProfile?.type ?? podSc.seccompProfile?.type) !== 'RuntimeDefault') fail('seccompProfile is not RuntimeDefault');
      const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
      if (!tmp || !pod.spec.volumes?.some((v) => v.name === tmp.name && v.emptyDir !== undefined)) fail('no emptyDir mounted at /tmp');
      for (const resource of ['cpu', 'memory']) if (!c.resources?.limits?.[resource]) fail(`no ${resource} limit`);
      if (!c.readinessProbe) fail('no readinessProbe');
      if (!c.livenessProbe) fail('no livenessProbe');
    }
  }
  return violations;
}

/** Every image names a tag that is not `latest`, or a digest. */
export function imageTagViolations(objects: readonly K8sObject[]): string[] {
  const violations: string[] = [];
  for (const pod of podTemplates(objects)) {
    for (const c of allContainers(pod.spec)) {
      if (c.image.includes('@sha256:')) continue;
      const tag = c.image.slice(repository(c.image).length + 1);
      if (!c.image.slice(repository(c.image).length).startsWith(':') || tag === '' || tag === 'latest') violations.push(`${where(pod, c)}: image ${c.image} has no pinned tag`);
    }
  }
  return violations;
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export function selects(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every((e) => {
    const value = labels[e.key];
    switch (e.operator) {
      case 'In':
        return value !== undefined && (e.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(e.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
  return byLabels && byExpressions;
}

/** Every pod is selected by at least one NetworkPolicy that restricts both ingress and egress. */
export function networkPolicyCoverageViolations(objects: readonly K8sObject[]): string[] {
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  return podTemplates(objects)
    .filter((pod) =>
      !policies.some((p) => {
        const spec = p.spec as { podSelector: LabelSelector; policyTypes?: string[] };
        return selects(spec.podSelector, pod.labels) && ['Ingress', 'Egress'].every((t) => spec.policyTypes?.includes(t));
      }),
    )
    .map((pod) => `${where(pod)}: no NetworkPolicy restricting ingress and egress selects labels ${JSON.stringify(pod.labels)}`);
}

/** Kubernetes waits longer than the services' SHUTDOWN_GRACE_MS before SIGKILL. */
export function graceViolations(objects: readonly K8sObject[]): string[] {
  const violations: string[] = [];
  for (const pod of podTemplates(objects)) {
    const periodMs = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    for (const c of allContainers(pod.spec)) {
      const grace = c.env?.find((e) => e.name === 'SHUTDOWN_GRACE_MS')?.value;
      if (grace !== undefined && !(periodMs > Number(grace))) {
        violations.push(`${where(pod, c)}: terminationGracePeriodSeconds ${periodMs / 1000} s does not exceed SHUTDOWN_GRACE_MS ${grace}`);
      }
    }
  }
  return violations;
}

/** Each platform container connects as its own NATS user and can read only that user's password. */
export function natsCredentialViolations(objects: readonly K8sObject[], usersSecret: string, ourRepositories: readonly string[]): string[] {
  const violations: string[] = [];
  for (const pod of podTemplates(objects)) {
    for (const c of allContainers(pod.spec).filter((x) => ourRepositories.includes(repository(x.image)))) {
      const user = c.env?.find((e) => e.name === 'NATS_USER')?.value;
      const refs = (c.env ?? []).map((e) => e.valueFrom?.secretKeyRef).filter((r) => r?.name === usersSecret);
      if (user === undefined) {
        if (refs.length > 0) violations.push(`${where(pod, c)}: reads NATS passwords without being a NATS client`);
        continue;
      }
      const pass = c.env?.find((e) => e.name === 'NATS_PASS')?.valueFrom?.secretKeyRef;
      if (pass?.name !== usersSecret || pass.key !== user) violations.push(`${where(pod, c)}: NATS_PASS is not key ${user} of ${usersSecret}`);
      for (const ref of refs) if (ref?.key !== user) violations.push(`${where(pod, c)}: (user ${user}) also reads the password of ${ref?.key}`);
    }
  }
  return violations;
}
