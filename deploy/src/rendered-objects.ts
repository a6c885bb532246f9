import { parseAllDocuments } from 'yaml';

/** One rendered Kubernetes object, loosely typed: tests read what they check. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string>; readonly annotations?: Record<string, string> };
  readonly spec?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly args?: string[];
  readonly command?: string[];
  readonly env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  readonly resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  readonly securityContext?: Record<string, unknown> & { capabilities?: { drop?: string[] }; seccompProfile?: { type?: string } };
  readonly readinessProbe?: unknown;
  readonly livenessProbe?: unknown;
  readonly startupProbe?: unknown;
  readonly restartPolicy?: string;
  readonly ports?: { name?: string; containerPort: number }[];
  readonly volumeMounts?: { name: string; mountPath: string }[];
}

export interface PodSpec {
  readonly containers: Container[];
  readonly initContainers?: Container[];
  readonly securityContext?: Record<string, unknown> & { seccompProfile?: { type?: string } };
  readonly affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: { matchExpressions?: { key: string; operator: string; values?: string[] }[] }[] } } };
  readonly tolerations?: { key?: string; operator?: string; effect?: string }[];
  readonly terminationGracePeriodSeconds?: number;
  readonly volumes?: { name: string; emptyDir?: { medium?: string } }[];
}

/** A workload's pod template with where it came from. */
export interface PodTemplate {
  readonly owner: K8sObject;
  readonly labels: Record<string, string>;
  readonly spec: PodSpec;
}

/** Every document of `helm template` output, in order; empty documents are dropped. */
export function parseRendered(yamlText: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(yamlText, { uniqueKeys: true })) {
    if (doc.errors.length > 0) throw new Error(`rendered YAML is invalid: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value = doc.toJS() as K8sObject | null;
    if (value !== null) objects.push(value);
  }
  return objects;
}

export function countsByKind(objects: readonly K8sObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of [...objects].sort((a, b) => a.kind.localeCompare(b.kind))) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return counts;
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet']);

/** Pod templates of every workload, and bare Pods (e.g. helm test hooks). */
export function podTemplates(objects: readonly K8sObject[]): PodTemplate[] {
  const pods: PodTemplate[] = [];
  for (const o of objects) {
    if (o.kind === 'Pod') pods.push({ owner: o, labels: o.metadata.labels ?? {}, spec: o.spec as unknown as PodSpec });
    if (!WORKLOAD_KINDS.has(o.kind)) continue;
    const template = (o.spec as { template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec } }).template;
    pods.push({ owner: o, labels: template.metadata?.labels ?? {}, spec: template.spec });
  }
  return pods;
}

/** Long-running containers of a pod: its containers and its native sidecars (restartPolicy Always). */
export function runningContainers(spec: PodSpec): Container[] {
  return [...spec.containers, ...(spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
}

export function allContainers(spec: PodSpec): Container[] {
  return [...spec.containers, ...(spec.initContainers ?? [])];
}

export function byKindAndName(objects: readonly K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} among ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found;
}

/** A container's env value (literal) by name. */
export function envValue(container: Container, name: string): string | undefined {
  return container.env?.find((e) => e.name === name)?.value;
}

/** The value following a flag in an argument list (`--flag value`). */
export function argValue(args: readonly string[] | undefined, flag: string): string | undefined {
  const i = (args ?? []).indexOf(flag);
  return i === -1 ? undefined : args?.[i + 1];
}
