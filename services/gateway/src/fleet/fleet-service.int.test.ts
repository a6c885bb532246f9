import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { createMagpieClient, fleetFromProto, isGrpcError, type Fleet, type MagpieClient } from '@magpie/api';
import { connectNats, consumerBacklog, jetstream, jetstreamManager, provisionStreams, type JetStreamManager, type NatsConnection } from '@magpie/bus';
import { platformFile } from '@magpie/config';
import { STAGE_CONSUMERS, Streams, Subjects } from '@magpie/contracts';
import { AckPolicy } from '@nats-io/jetstream';
import { createLogger } from '@magpie/logging';
import { KubeApiStandIn, NatsServerFixture, kubeFixtures, type KubeObjects } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../testing/start-test-gateway.js';
import type { FleetEnv } from './fleet-env.js';
import { FleetService } from './fleet-service.js';

// No real Kubernetes cluster is available here: the API server is a stand-in over real HTTP
// (KubeApiStandIn) answering in the API's own JSON shapes, reached through a generated kubeconfig
// by @kubernetes/client-node. NATS and the gateway's gRPC server are real.
const TOKEN = 'fleet-reader-token';
const logger = createLogger({ name: 'fleet-test', level: 'silent' });
const work = mkdtempSync(join(tmpdir(), 'fleet-test-'));
let nats: NatsServerFixture;
let nc: NatsConnection;
let jsm: JetStreamManager;
const started: { standIn: KubeApiStandIn; gateway: TestGateway; client: MagpieClient }[] = [];

const env = (over: Partial<FleetEnv>): FleetEnv => ({ FLEET_TIMEOUT_MS: 5_000, ...over });

/** A gateway serving GetFleet against a stand-in API server holding `objects`. */
async function gatewayAgainst(objects: KubeObjects, over: Partial<FleetEnv> = {}, forbidden: string[] = []) {
  const standIn = await KubeApiStandIn.start({ namespace: kubeFixtures.FLEET_NAMESPACE, objects, token: TOKEN, forbidden });
  const dir = mkdtempSync(join(work, 'kube-'));
  let fleetService: FleetService | undefined;
  const gateway = await startTestGateway({
    fleetService: (guard) => (fleetService = new FleetService({ env: env({ KUBECONFIG: standIn.writeKubeconfig(dir), MAGPIE_RELEASE: kubeFixtures.FLEET_RELEASE, ...over }), jsm, guard, logger })),
  });
  await fleetService?.connect();
  const client = createMagpieClient(`127.0.0.1:${gateway.port}`);
  started.push({ standIn, gateway, client });
  return { standIn, client };
}

async function grpcError(call: Promise<unknown>): Promise<grpc.ServiceError> {
  const error = await call.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isGrpcError(error)) throw new Error(`expected a gRPC error, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  nats = await NatsServerFixture.start();
  nc = await connectNats({ servers: nats.url, name: 'fleet-test' });
  jsm = await jetstreamManager(nc);
  await provisionStreams(jsm, { duplicateWindowMs: 60_000, retentionMs: 3_600_000 });
  // The consumers the stages create, with work waiting: three problems, one of them taken by a
  // solver replica and not acknowledged yet. generator-tasks was never created (no task yet).
  const durable = (name: string, filter: string) => ({ durable_name: name, ack_policy: AckPolicy.Explicit, filter_subject: filter });
  await jsm.consumers.add(Streams.runs.name, durable('generator-planner', Subjects.runEventsOfKind('requested')));
  await jsm.consumers.add(Streams.records.name, durable('solver', Subjects.recordsOfKind('problem')));
  await jsm.consumers.add(Streams.records.name, durable('sampler', Subjects.recordsOfKind('problem')));
  await jsm.consumers.add(Streams.records.name, durable('reward', Subjects.recordsOfKind('samples')));
  const js = jetstream(nc);
  for (let slot = 0; slot < 3; slot++) await js.publish(Subjects.record('run-fleet', 'problem'), JSON.stringify({ slot }));
  const taken = await (await js.consumers.get(Streams.records.name, 'solver')).next({ expires: 5_000 });
  expect(taken).not.toBeNull();
});

afterAll(async () => {
  for (const { standIn, gateway, client } of started) {
    client.close();
    await gateway.stop();
    await standIn.stop();
  }
  await nc?.close();
  await nats?.stop();
});

describe('GetFleet against a stand-in Kubernetes API over HTTP (no real cluster is available here)', () => {
  let fleet: Fleet;
  let standIn: KubeApiStandIn;

  beforeAll(async () => {
    const served = await gatewayAgainst(kubeFixtures.gpuShortRelease());
    standIn = served.standIn;
    fleet = fleetFromProto(await served.client.getFleet());
  });

  it('lists the gateway and the stages of the release, in pipeline order, with replicas and GPUs', () => {
    expect(fleet).toMatchObject({ namespace: 'ml-data', release: 'magpie', kedaInstalled: true });
    expect(fleet.components.map((c) => [c.component, c.desiredReplicas, c.readyReplicas, c.availableReplicas, c.gpusPerPod, c.gpusRequested])).toEqual([
      ['gateway', 1, 1, 1, 0, 0],
      ['generator', 2, 1, 1, 2, 4],
      ['solver', 1, 0, 0, 2, 2],
      ['sampler', 1, 0, 0, 2, 2],
      ['reward', 1, 1, 1, 1, 1],
    ]);
    expect(fleet.components.find((c) => c.component === 'reward')).toMatchObject({ backend: 'reward-server', model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1' });
  });

  it('says why each pod is not serving: no GPU, an image that cannot be pulled, a crash loop', () => {
    const pending = Object.fromEntries(fleet.components.map((c) => [c.component, c.pendingPods]));
    expect(pending.gateway).toEqual([]);
    expect(pending.generator).toEqual([
      expect.objectContaining({ pod: 'magpie-generator-x2m4q', phase: 'Pending', reason: 'unschedulable', kubernetesReason: 'Unschedulable', message: kubeFixtures.INSUFFICIENT_GPU }),
    ]);
    expect(pending.solver).toEqual([
      expect.objectContaining({ reason: 'image_pull', kubernetesReason: 'ImagePullBackOff', container: 'vllm', message: 'Back-off pulling image "vllm/vllm-openai:v0.32.0"' }),
    ]);
    expect(pending.sampler).toEqual([expect.objectContaining({ reason: 'crash_loop', kubernetesReason: 'CrashLoopBackOff', container: 'sampler' })]);
    expect(pending.sampler?.[0]?.message).toContain('last exit: OOMKilled (exit code 137)');
    expect(pending.reward).toEqual([]);
  });

  it('reports every sidecar per pod, ready or not', () => {
    const generator = fleet.components.find((c) => c.component === 'generator');
    expect(generator?.sidecars).toEqual([{ pod: 'magpie-generator-a1b2c', container: 'vllm', image: 'vllm/vllm-openai:v0.32.0', ready: true, started: true, restarts: 0 }, expect.objectContaining({ pod: 'magpie-generator-x2m4q', ready: false, started: false })]);
    expect(fleet.components.find((c) => c.component === 'solver')?.sidecars).toEqual([expect.objectContaining({ container: 'vllm', ready: false, waitingReason: 'ImagePullBackOff' })]);
    expect(fleet.components.find((c) => c.component === 'reward')?.sidecars).toEqual([expect.objectContaining({ container: 'reward-server', ready: true })]);
  });

  it("reads each stage's durable consumers from JetStream, as KEDA does", () => {
    const consumers = Object.fromEntries(fleet.components.map((c) => [c.component, c.consumers]));
    expect(consumers.gateway).toEqual([]);
    expect(consumers.generator).toEqual([
      { stream: 'RUNS', durable: 'generator-planner', pending: 0, ackPending: 0, exists: true },
      { stream: 'GEN_TASKS', durable: 'generator-tasks', pending: 0, ackPending: 0, exists: false },
    ]);
    expect(consumers.solver).toEqual([{ stream: 'RECORDS', durable: 'solver', pending: 2, ackPending: 1, exists: true }]);
    expect(consumers.sampler).toEqual([{ stream: 'RECORDS', durable: 'sampler', pending: 3, ackPending: 0, exists: true }]);
  });

  it("reports each stage's ScaledObject: bounds, and whether KEDA is active and ready", () => {
    const scaling = Object.fromEntries(fleet.components.map((c) => [c.component, c.autoscaling]));
    expect(scaling.gateway).toBeUndefined();
    expect(scaling.generator).toEqual({ scaledObject: 'magpie-generator', minReplicas: 1, maxReplicas: 8, active: true, ready: true });
    expect(scaling.solver).toMatchObject({ active: false, ready: true });
    expect(scaling.sampler).toMatchObject({ ready: false, message: 'error getting consumer info: nats: no responders available for request' });
  });

  it("asks for the release's objects only, with the service account's token", () => {
    const paths = standIn.requests.map((r) => r.path).sort();
    expect(paths).toEqual([
      '/api/v1/namespaces/ml-data/events',
      '/api/v1/namespaces/ml-data/pods',
      '/apis/apps/v1/namespaces/ml-data/deployments',
      '/apis/keda.sh/v1alpha1/namespaces/ml-data/scaledobjects',
    ]);
    const pods = standIn.requests.find((r) => r.path.endsWith('/pods'));
    expect(pods?.query.labelSelector).toBe('app.kubernetes.io/part-of=magpie,app.kubernetes.io/instance=magpie');
    expect(standIn.requests.find((r) => r.path.endsWith('/events'))?.query.fieldSelector).toBe('involvedObject.kind=Pod,reason=FailedScheduling');
    expect(new Set(standIn.requests.map((r) => r.authorization))).toEqual(new Set([`Bearer ${TOKEN}`]));
  });
});

describe('GetFleet when it cannot read the cluster', () => {
  it('answers FAILED_PRECONDITION, saying what to set, when no cluster is configured', async () => {
    const gateway = await startTestGateway({ fleetService: (guard) => new FleetService({ env: env({}), jsm, guard, logger }) });
    const client = createMagpieClient(`127.0.0.1:${gateway.port}`);
    try {
      const error = await grpcError(client.getFleet());
      expect(error.code).toBe(grpc.status.FAILED_PRECONDITION);
      expect(error.details).toMatch(/^no Kubernetes cluster is configured for the fleet view: .*KUBECONFIG is not set\. Deploy the gateway with the Helm chart/);
      expect(error.details).toContain('KUBE_NAMESPACE=<namespace of the release>');
    } finally {
      client.close();
      await gateway.stop();
    }
  });

  it('reports a cluster without KEDA as such, with no autoscaling per stage', async () => {
    const { scaledObjects: _none, ...withoutKeda } = kubeFixtures.gpuShortRelease();
    const { client } = await gatewayAgainst(withoutKeda);
    const fleet = fleetFromProto(await client.getFleet());
    expect(fleet.kedaInstalled).toBe(false);
    expect(fleet.components.filter((c) => c.autoscaling !== undefined)).toEqual([]);
  });

  it("answers FAILED_PRECONDITION naming the refused list when the gateway's Role lacks it", async () => {
    const { client } = await gatewayAgainst(kubeFixtures.gpuShortRelease(), {}, ['pods']);
    const error = await grpcError(client.getFleet());
    expect(error.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(error.details).toMatch(/^list pods in namespace ml-data failed: pods is forbidden: .*check its ServiceAccount and Role\)$/);
  });

  it('answers UNAVAILABLE when the API server cannot be reached', async () => {
    const { client, standIn } = await gatewayAgainst(kubeFixtures.gpuShortRelease());
    await standIn.stop();
    const error = await grpcError(client.getFleet());
    expect(error.code).toBe(grpc.status.UNAVAILABLE);
    expect(error.details).toMatch(/^the Kubernetes API server cannot be reached to list \w+ in namespace ml-data/);
  });
});

describe("the gateway's NATS user (configs/nats/nats-server.conf)", () => {
  it("may read every stage's consumer info, as GetFleet does", async () => {
    const passwords = { gateway: randomBytes(12).toString('hex'), admin: randomBytes(12).toString('hex') };
    const secured = await NatsServerFixture.start({
      configFile: platformFile(import.meta.url, 'configs/nats/nats-server.conf'),
      env: { ...process.env, GATEWAY_NATS_PASS: passwords.gateway, ADMIN_NATS_PASS: passwords.admin, ...Object.fromEntries(['GENERATOR', 'SOLVER', 'SAMPLER', 'REWARD', 'TAGGER'].map((u) => [`${u}_NATS_PASS`, 'unused'])) },
    });
    const admin = await connectNats({ servers: secured.url, user: 'admin', pass: passwords.admin, name: 'fleet-admin' });
    const gateway = await connectNats({ servers: secured.url, user: 'gateway', pass: passwords.gateway, name: 'fleet-gateway' });
    try {
      const adminJsm = await jetstreamManager(admin);
      await provisionStreams(adminJsm, { duplicateWindowMs: 60_000, retentionMs: 3_600_000 });
      const all = Object.values(STAGE_CONSUMERS).flat();
      for (const { stream, durable } of all) await adminJsm.consumers.add(stream, { durable_name: durable, ack_policy: AckPolicy.Explicit });
      const gatewayJsm = await jetstreamManager(gateway, { timeout: 2_000 });
      const backlogs = await Promise.all(all.map(({ stream, durable }) => consumerBacklog(gatewayJsm, stream, durable)));
      expect(backlogs).toEqual(all.map(() => ({ pending: 0, ackPending: 0 })));
    } finally {
      await gateway.close();
      await admin.close();
      await secured.stop();
    }
  });
});
