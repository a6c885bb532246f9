import type * as K8s from '@kubernetes/client-node';
import type { CoreV1Event, KubeConfig, V1Deployment, V1Pod } from '@kubernetes/client-node';
import { KubernetesApiError } from './fleet-errors.js';
import type { FleetScope } from './kube-connection.js';

/** The parts of a KEDA ScaledObject (keda.sh/v1alpha1) the fleet view reads. */
export interface ScaledObject {
  readonly metadata?: { readonly name?: string };
  readonly spec?: { readonly scaleTargetRef?: { readonly name?: string }; readonly minReplicaCount?: number; readonly maxReplicaCount?: number };
  readonly status?: { readonly conditions?: readonly { readonly type?: string; readonly status?: string; readonly message?: string }[] };
}

/** What the fleet view reads from the namespace in one go. */
export interface KubeSnapshot {
  readonly deployments: readonly V1Deployment[];
  readonly pods: readonly V1Pod[];
  /** FailedScheduling events of pods. */
  readonly events: readonly CoreV1Event[];
  /** Undefined when the cluster does not serve KEDA's ScaledObject resource. */
  readonly scaledObjects: readonly ScaledObject[] | undefined;
}

export interface KubeReaderOptions {
  readonly k8s: typeof K8s;
  readonly kc: KubeConfig;
  readonly scope: FleetScope;
  readonly timeoutMs: number;
}

/** The label every object of the chart carries; with the release, the instance label too. */
export function platformSelector(scope: FleetScope): string {
  return ['app.kubernetes.io/part-of=magpie', ...(scope.release ? [`app.kubernetes.io/instance=${scope.release}`] : [])].join(',');
}

const TRANSIENT_STATUS = (status: number): boolean => status === 429 || status >= 500;

function apiServerMessage(body: unknown): string | undefined {
  try {
    const status = (typeof body === 'string' ? JSON.parse(body) : body) as { message?: unknown };
    return typeof status.message === 'string' ? status.message : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the platform's Deployments, pods, FailedScheduling events and ScaledObjects in one
 * namespace through @kubernetes/client-node, with the gateway's credentials. Every failure becomes
 * a KubernetesApiError naming what was read: refusals (401/403, as when the Role is missing) say
 * what the service account may not do; an unreachable or slow API server is transient.
 */
export class KubeReader {
  readonly #o: KubeReaderOptions;
  readonly #core;
  readonly #apps;
  readonly #custom;

  constructor(options: KubeReaderOptions) {
    this.#o = options;
    this.#core = options.kc.makeApiClient(options.k8s.CoreV1Api);
    this.#apps = options.kc.makeApiClient(options.k8s.AppsV1Api);
    this.#custom = options.kc.makeApiClient(options.k8s.CustomObjectsApi);
  }

  async read(): Promise<KubeSnapshot> {
    const { namespace } = this.#o.scope;
    const labelSelector = platformSelector(this.#o.scope);
    const [deployments, pods, events, scaledObjects] = await Promise.all([
      this.#call('list deployments', () => this.#apps.listNamespacedDeployment({ namespace, labelSelector })),
      this.#call('list pods', () => this.#core.listNamespacedPod({ namespace, labelSelector })),
      this.#call('list events', () => this.#core.listNamespacedEvent({ namespace, fieldSelector: 'involvedObject.kind=Pod,reason=FailedScheduling' })),
      this.#scaledObjects(namespace, labelSelector),
    ]);
    return { deployments: deployments.items, pods: pods.items, events: events.items, scaledObjects };
  }

  async #scaledObjects(namespace: string, labelSelector: string): Promise<ScaledObject[] | undefined> {
    try {
      const list = (await this.#call('list scaledobjects.keda.sh', () =>
        this.#custom.listNamespacedCustomObject({ group: 'keda.sh', version: 'v1alpha1', namespace, plural: 'scaledobjects', labelSelector }),
      )) as { items?: ScaledObject[] };
      return list.items ?? [];
    } catch (err) {
      // No such resource: KEDA is not installed (the chart then scales with CPU HPAs).
      if (err instanceof KubernetesApiError && err.status === 404) return undefined;
      throw err;
    }
  }

  async #call<T>(what: string, request: () => Promise<T>): Promise<T> {
    const where = `${what} in namespace ${this.#o.scope.namespace}`;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new KubernetesApiError(`the Kubernetes API server did not answer ${where} within ${this.#o.timeoutMs} ms`, { transient: true })),
        this.#o.timeoutMs,
      );
    });
    try {
      return await Promise.race([request(), timeout]);
    } catch (err) {
      if (err instanceof KubernetesApiError) throw err;
      if (err instanceof this.#o.k8s.ApiException) {
        const status = err.code;
        const detail = apiServerMessage(err.body) ?? `HTTP ${status}`;
        const refused = status === 401 || status === 403 ? ` (the gateway's Kubernetes credentials may not ${what}: check its ServiceAccount and Role)` : '';
        throw new KubernetesApiError(`${where} failed: ${detail}${refused}`, { cause: err, status, transient: TRANSIENT_STATUS(status) });
      }
      const reason = err instanceof Error ? err.message : String(err);
      throw new KubernetesApiError(`the Kubernetes API server cannot be reached to ${where}: ${reason}`, { cause: err, transient: true });
    } finally {
      clearTimeout(timer);
    }
  }
}
