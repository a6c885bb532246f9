import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** Objects of one namespace, in the API's JSON shapes (as `kubectl get -o json` prints them). */
export interface KubeObjects {
  readonly deployments: readonly object[];
  readonly pods: readonly object[];
  readonly events: readonly object[];
  /** Undefined: the cluster has no KEDA (its resource answers 404). */
  readonly scaledObjects?: readonly object[];
}

/** One request the stand-in answered. */
export interface KubeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authorization: string | undefined;
}

export interface KubeApiStandInOptions {
  readonly namespace: string;
  readonly objects: KubeObjects;
  /** The bearer token the stand-in accepts. */
  readonly token: string;
  /** Resources answered 403 Forbidden, as for a service account without the Role (e.g. `pods`). */
  readonly forbidden?: readonly string[];
}

const COLLECTIONS: readonly { readonly pattern: RegExp; readonly kind: string; readonly apiVersion: string; readonly key: keyof KubeObjects; readonly resource: string }[] = [
  { pattern: /^\/apis\/apps\/v1\/namespaces\/([^/]+)\/deployments$/, kind: 'DeploymentList', apiVersion: 'apps/v1', key: 'deployments', resource: 'deployments' },
  { pattern: /^\/api\/v1\/namespaces\/([^/]+)\/pods$/, kind: 'PodList', apiVersion: 'v1', key: 'pods', resource: 'pods' },
  { pattern: /^\/api\/v1\/namespaces\/([^/]+)\/events$/, kind: 'EventList', apiVersion: 'v1', key: 'events', resource: 'events' },
  { pattern: /^\/apis\/keda\.sh\/v1alpha1\/namespaces\/([^/]+)\/scaledobjects$/, kind: 'ScaledObjectList', apiVersion: 'keda.sh/v1alpha1', key: 'scaledObjects', resource: 'scaledobjects' },
];

/** The value at a dotted path (`involvedObject.kind`), as a field selector names it. */
function at(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], object);
}

/** Equality-based selectors (`a=b,c=d`), what the fleet view sends; `!=` and set syntax are answered 400. */
function matcher(selector: string | undefined, read: (object: unknown, key: string) => unknown): ((object: unknown) => boolean) | 'unsupported' {
  if (!selector) return () => true;
  const terms = selector.split(',').map((t) => /^([^=!]+)==?([^=!]*)$/.exec(t.trim()));
  if (terms.some((t) => t === null)) return 'unsupported';
  return (object) =>
    terms.every((t) => {
      const value = read(object, t?.[1] ?? '');
      return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '') === t?.[2];
    });
}

function status(res: ServerResponse, code: number, reason: string, message: string): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }));
}

/**
 * Test-only: a stand-in for the Kubernetes API server over real HTTP (no real cluster is available
 * here). It serves the list endpoints the fleet view reads for one namespace, in the API's real
 * shapes (`kind: PodList`, `metadata.resourceVersion`, `items`), honours equality label and field
 * selectors, checks the bearer token (401 Status otherwise), answers 404 for KEDA's resource when
 * the cluster has none and 403 for resources the service account may not list. Every request is
 * recorded.
 */
export class KubeApiStandIn {
  readonly requests: KubeRequest[] = [];
  readonly #server: Server;
  readonly #o: KubeApiStandInOptions;

  private constructor(server: Server, options: KubeApiStandInOptions) {
    this.#server = server;
    this.#o = options;
  }

  static async start(options: KubeApiStandInOptions): Promise<KubeApiStandIn> {
    const server = createServer();
    const standIn = new KubeApiStandIn(server, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => standIn.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /**
   * Writes a kubeconfig for this server with the accepted token and `namespace` as the context's
   * namespace; returns its path. Plain HTTP needs `insecure-skip-tls-verify` in the client.
   */
  writeKubeconfig(dir: string, namespace = this.#o.namespace, token = this.#o.token): string {
    const path = join(dir, 'kubeconfig.yaml');
    writeFileSync(
      path,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '  - name: stand-in',
        '    cluster:',
        `      server: ${this.url}`,
        '      insecure-skip-tls-verify: true',
        'users:',
        '  - name: gateway',
        '    user:',
        `      token: ${token}`,
        'contexts:',
        '  - name: stand-in',
        '    context:',
        '      cluster: stand-in',
        '      user: gateway',
        `      namespace: ${namespace}`,
        'current-context: stand-in',
        '',
      ].join('\n'),
    );
    return path;
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const query = Object.fromEntries(url.searchParams);
    this.requests.push({ method: req.method ?? '', path: url.pathname, query, authorization: req.headers.authorization });
    if (req.headers.authorization !== `Bearer ${this.#o.token}`) return status(res, 401, 'Unauthorized', 'Unauthorized');
    const collection = COLLECTIONS.find((c) => c.pattern.test(url.pathname));
    if (!collection || req.method !== 'GET') return status(res, 404, 'NotFound', 'the server could not find the requested resource');
    const namespace = collection.pattern.exec(url.pathname)?.[1] ?? '';
    if (this.#o.forbidden?.includes(collection.resource)) {
      return status(res, 403, 'Forbidden', `${collection.resource} is forbidden: User "system:serviceaccount:${namespace}:gateway" cannot list resource "${collection.resource}" in the namespace "${namespace}"`);
    }
    const items = this.#o.objects[collection.key];
    if (items === undefined) return status(res, 404, 'NotFound', 'the server could not find the requested resource');
    const labels = matcher(query.labelSelector, (o, key) => (at(o, 'metadata.labels') as Record<string, string> | undefined)?.[key]);
    const fields = matcher(query.fieldSelector, at);
    if (labels === 'unsupported' || fields === 'unsupported') return status(res, 400, 'BadRequest', 'unable to parse requirement');
    const inNamespace = namespace === this.#o.namespace ? items : [];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ kind: collection.kind, apiVersion: collection.apiVersion, metadata: { resourceVersion: '4711' }, items: inNamespace.filter((o) => labels(o) && fields(o)) }));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
