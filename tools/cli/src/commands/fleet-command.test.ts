import * as grpc from '@grpc/grpc-js';
import { fleetToProto, loadMagpieProto, type Fleet, type MagpieServiceHandlers } from '@magpie/api';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCliConfig } from '../config.js';
import { runCli } from '../run-cli.js';
import { fakeIo } from '../testing/fake-io.js';

// `magpie fleet` in this process against a real gRPC server with the real proto, answering GetFleet
// with a fixed fleet (or the gateway's FAILED_PRECONDITION); the gateway's own reading of
// Kubernetes is tested in services/gateway and test/e2e.
const FLEET: Fleet = {
  namespace: 'ml-data',
  release: 'magpie',
  observedAt: '2026-12-01T09:30:00.000Z',
  kedaInstalled: true,
  components: [
    { component: 'gateway', deployment: 'magpie-gateway', desiredReplicas: 1, readyReplicas: 1, availableReplicas: 1, gpusPerPod: 0, gpusRequested: 0, pendingPods: [], sidecars: [], consumers: [] },
    {
      component: 'generator',
      deployment: 'magpie-generator',
      backend: 'vllm',
      model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
      desiredReplicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
      gpusPerPod: 2,
      gpusRequested: 4,
      pendingPods: [
        {
          pod: 'magpie-generator-x2m4q',
          phase: 'Pending',
          reason: 'unschedulable',
          kubernetesReason: 'Unschedulable',
          message: '0/3 nodes are available: 3 Insufficient nvidia.com/gpu.',
          createdAt: '2026-12-01T09:00:00.000Z',
        },
      ],
      sidecars: [
        { pod: 'magpie-generator-a1b2c', container: 'vllm', image: 'vllm/vllm-openai:v0.32.0', ready: true, started: true, restarts: 0 },
        { pod: 'magpie-generator-x2m4q', container: 'vllm', image: 'vllm/vllm-openai:v0.32.0', ready: false, started: false, restarts: 0 },
      ],
      consumers: [
        { stream: 'RUNS', durable: 'generator-planner', pending: 1, ackPending: 0, exists: true },
        { stream: 'GEN_TASKS', durable: 'generator-tasks', pending: 5, ackPending: 2, exists: true },
      ],
      autoscaling: { scaledObject: 'magpie-generator', minReplicas: 1, maxReplicas: 8, active: true, ready: true },
    },
    {
      component: 'solver',
      deployment: 'magpie-solver',
      backend: 'vllm',
      model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
      desiredReplicas: 1,
      readyReplicas: 0,
      availableReplicas: 0,
      gpusPerPod: 2,
      gpusRequested: 2,
      pendingPods: [
        { pod: 'magpie-solver-k7d2p', phase: 'Pending', reason: 'image_pull', kubernetesReason: 'ImagePullBackOff', container: 'vllm', message: 'Back-off pulling image "vllm/vllm-openai:v0.32.0"' },
      ],
      sidecars: [{ pod: 'magpie-solver-k7d2p', container: 'vllm', image: 'vllm/vllm-openai:v0.32.0', ready: false, started: false, restarts: 0, waitingReason: 'ImagePullBackOff' }],
      consumers: [{ stream: 'RECORDS', durable: 'solver', pending: 40, ackPending: 0, exists: true }],
      autoscaling: { scaledObject: 'magpie-solver', minReplicas: 1, maxReplicas: 8, active: true, ready: false, message: 'error getting consumer info' },
    },
  ],
};

let server: grpc.Server | undefined;
afterEach(() => server?.forceShutdown());

async function gatewayAnswering(getFleet: MagpieServiceHandlers['GetFleet']): Promise<string> {
  server = new grpc.Server();
  server.addService(loadMagpieProto().service, { GetFleet: getFleet });
  const port = await new Promise<number>((resolve, reject) =>
    server?.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))),
  );
  return `127.0.0.1:${port}`;
}

async function magpieFleet(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = fakeIo();
  const code = await runCli(['fleet', ...args], { config: () => loadCliConfig({}), io, version: 'test' });
  return { code, out: io.outLines, err: io.errLines };
}

describe('magpie fleet', () => {
  it('prints one row per component, a total, and every pod not serving with its reason in words', async () => {
    const gateway = await gatewayAnswering((_call, callback) => callback(null, fleetToProto(FLEET)));
    const { code, out } = await magpieFleet(['--gateway', gateway]);
    expect(code).toBe(0);
    expect(out[0]).toBe('release magpie in namespace ml-data, read 2026-12-01T09:30:00.000Z; KEDA installed');
    const rows = out.slice(2, 7).map((line) => line.split(/\s{2,}/));
    expect(rows[0]).toEqual(['COMPONENT', 'BACKEND', 'MODEL', 'READY', 'AVAILABLE', 'GPUS', 'LAG', 'AUTOSCALING', 'SIDECARS']);
    expect(rows[1]).toEqual(['gateway', '-', '-', '1/1', '1', '-', '-', '-', '-']);
    expect(rows[2]).toEqual(['generator', 'vllm', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', '1/2', '1', '4 (2/pod)', '8', '1-8, active', 'vllm 1/2 ready']);
    expect(rows[3]).toEqual(['solver', 'vllm', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', '0/1', '0', '2 (2/pod)', '40', '1-8, not ready', 'vllm 0/1 ready']);
    expect(rows[4]).toEqual(['total', '2/4', '2', '6 GPUs', '48']);
    expect(out).toContain('Pods not serving (2):');
    expect(out.find((l) => l.includes('magpie-generator-x2m4q'))).toMatch(
      /generator\s+magpie-generator-x2m4q\s+Pending\s+no node can take it \(Unschedulable\): 0\/3 nodes are available: 3 Insufficient nvidia\.com\/gpu\.$/,
    );
    expect(out.find((l) => l.includes('magpie-solver-k7d2p'))).toMatch(/image cannot be pulled \(ImagePullBackOff, container vllm\): Back-off pulling image "vllm\/vllm-openai:v0\.32\.0"$/);
    expect(out.slice(-2)).toEqual(['Autoscaling not ready:', '  solver  magpie-solver  error getting consumer info']);
  });

  it('prints the fleet as JSON with --json', async () => {
    const gateway = await gatewayAnswering((_call, callback) => callback(null, fleetToProto(FLEET)));
    const { code, out } = await magpieFleet(['--gateway', gateway, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual(FLEET);
  });

  it("exits 2 with the gateway's reason when it has no cluster", async () => {
    const details = 'no Kubernetes cluster is configured for the fleet view: the gateway runs outside a cluster';
    const gateway = await gatewayAnswering((_call, callback) => callback({ code: grpc.status.FAILED_PRECONDITION, details }, null));
    const { code, out, err } = await magpieFleet(['--gateway', gateway]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([`magpie fleet: GetFleet failed: FAILED_PRECONDITION: ${details}`]);
  });

  it('exits 2 when the gateway cannot be reached in time', async () => {
    const { code, err } = await magpieFleet(['--gateway', '127.0.0.1:1', '--timeout-ms', '300']);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^magpie fleet: GetFleet failed: (UNAVAILABLE|DEADLINE_EXCEEDED): /);
  });
});
