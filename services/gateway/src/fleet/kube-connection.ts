import { existsSync, readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import type * as K8s from '@kubernetes/client-node';
import type { KubeConfig } from '@kubernetes/client-node';
import type { FleetEnv } from './fleet-env.js';
import { FleetUnavailableError } from './fleet-errors.js';
import { KubeReader } from './kube-reader.js';

/** Where Kubernetes mounts a pod's service account (token, CA, namespace). */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Where the fleet view reads: the namespace and, when known, the Helm release. */
export interface FleetScope {
  readonly namespace: string;
  readonly release?: string;
}

/** How the gateway reaches Kubernetes, for the start log. */
export interface KubeConnection {
  readonly scope: FleetScope;
  /** `in-cluster` or the kubeconfig file(s). */
  readonly source: string;
  readonly reader: KubeReader;
}

const NOT_CONFIGURED =
  'no Kubernetes cluster is configured for the fleet view: the gateway runs outside a cluster (KUBERNETES_SERVICE_HOST is not set) ' +
  'and KUBECONFIG is not set. Deploy the gateway with the Helm chart (deploy/helm/magpie), or start it with KUBECONFIG=<kubeconfig file> ' +
  'and KUBE_NAMESPACE=<namespace of the release>';

function loadKubeconfigFile(k8s: typeof K8s, file: string): KubeConfig {
  if (!existsSync(file)) throw new FleetUnavailableError(`KUBECONFIG names ${file}, which does not exist`);
  const kc = new k8s.KubeConfig();
  try {
    kc.loadFromFile(file);
  } catch (cause) {
    throw new FleetUnavailableError(`KUBECONFIG file ${file} cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  return kc;
}

function serviceAccountNamespace(): string | undefined {
  try {
    return readFileSync(`${SERVICE_ACCOUNT_DIR}/namespace`, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Connects the fleet view to Kubernetes as configured: in-cluster (the pod's service account) when
 * KUBERNETES_SERVICE_HOST is set, else the KUBECONFIG file(s); the namespace from KUBE_NAMESPACE,
 * POD_NAMESPACE, the service account or the kubeconfig context, in that order. The Kubernetes
 * client is loaded only here, so a gateway without a cluster never loads it. Throws
 * FleetUnavailableError, saying what to set, when there is no cluster or the kubeconfig is unusable.
 */
export async function connectKube(env: FleetEnv): Promise<KubeConnection> {
  if (env.KUBERNETES_SERVICE_HOST === undefined && env.KUBECONFIG === undefined) throw new FleetUnavailableError(NOT_CONFIGURED);
  const k8s = await import('@kubernetes/client-node');
  let kc: KubeConfig;
  let source: string;
  if (env.KUBERNETES_SERVICE_HOST !== undefined) {
    kc = new k8s.KubeConfig();
    // The library reads KUBERNETES_SERVICE_HOST/PORT and the mounted token and CA itself.
    kc.loadFromCluster();
    source = 'in-cluster';
  } else {
    const files = (env.KUBECONFIG ?? '').split(delimiter).filter(Boolean);
    const [first, ...rest] = files.map((file) => loadKubeconfigFile(k8s, file));
    if (first === undefined) throw new FleetUnavailableError(NOT_CONFIGURED);
    // Like kubectl: later files add clusters, users and contexts; the first file's current context stays.
    for (const more of rest) first.mergeConfig(more, true);
    kc = first;
    source = files.join(delimiter);
  }
  const contextNamespace = kc.getContextObject(kc.getCurrentContext())?.namespace;
  const inCluster = env.KUBERNETES_SERVICE_HOST === undefined ? undefined : serviceAccountNamespace();
  const namespace = env.KUBE_NAMESPACE ?? env.POD_NAMESPACE ?? inCluster ?? contextNamespace ?? 'default';
  const scope: FleetScope = { namespace, ...(env.MAGPIE_RELEASE ? { release: env.MAGPIE_RELEASE } : {}) };
  if (kc.getCurrentCluster() === null) throw new FleetUnavailableError(`the kubeconfig (${source}) has no current context with a cluster: set current-context`);
  return { scope, source, reader: new KubeReader({ k8s, kc, scope, timeoutMs: env.FLEET_TIMEOUT_MS }) };
}
