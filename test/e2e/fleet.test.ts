import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fleetFromProto, type Fleet } from '@magpie/api';
import { fromBuild } from '@magpie/launcher';
import { KubeApiStandIn, kubeFixtures } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';

// No real Kubernetes cluster is available here. The gateway process reads a stand-in for the
// Kubernetes API over real HTTP (the API's own JSON shapes) through a generated KUBECONFIG; NATS,
// every service (whose durable consumers the fleet view reports) and the magpie CLI are real.
const run = promisify(execFile);
const TOKEN = 'e2e-fleet-token';
const work = mkdtempSync(join(tmpdir(), 'magpie-fleet-e2e-'));
let standIn: KubeApiStandIn;
let platform: E2ePlatform;

async function magpie(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['tools/cli/bin/magpie.js', ...args], { cwd: REPO_ROOT, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(async () => {
  standIn = await KubeApiStandIn.start({ namespace: kubeFixtures.FLEET_NAMESPACE, objects: kubeFixtures.gpuShortRelease(), token: TOKEN });
  platform = await startE2ePlatform({
    // The build output (Nx builds it before these tests): the platform starts in seconds, as in the image.
    entry: fromBuild(process.execPath, join(REPO_ROOT, 'dist')),
    componentEnv: { gateway: { KUBECONFIG: standIn.writeKubeconfig(work), MAGPIE_RELEASE: kubeFixtures.FLEET_RELEASE } },
  });
});
afterAll(async () => {
  await platform?.stop();
  await standIn?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the fleet view against a stand-in Kubernetes API (no real cluster is available here)', () => {
  it("joins the cluster's view of each stage with its real consumers' backlog", async () => {
    const fleet: Fleet = fleetFromProto(await platform.client.getFleet());
    expect(fleet.components.map((c) => c.component)).toEqual(['gateway', 'generator', 'solver', 'sampler', 'reward']);
    for (const stage of fleet.components.filter((c) => c.component !== 'gateway')) {
      // The stage services created their durables at start; nothing is queued without a run.
      expect(stage.consumers.length, stage.component).toBeGreaterThan(0);
      for (const consumer of stage.consumers) expect(consumer, `${stage.component} ${consumer.durable}`).toMatchObject({ exists: true, pending: 0, ackPending: 0 });
    }
    expect(fleet.components.find((c) => c.component === 'generator')?.pendingPods[0]).toMatchObject({ reason: 'unschedulable', message: kubeFixtures.INSUFFICIENT_GPU });
  });

  it('prints it with magpie fleet', async () => {
    const { code, stdout, stderr } = await magpie(['fleet', '--gateway', platform.grpcAddress]);
    console.log(`$ magpie fleet --gateway ${platform.grpcAddress}\n${stdout}`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^release magpie in namespace ml-data, read \d{4}-\d\d-\d\dT[\d:.]+Z; KEDA installed$/);
    expect(lines.find((l) => l.startsWith('generator'))?.split(/\s{2,}/)).toEqual([
      'generator',
      'vllm',
      'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
      '1/2',
      '1',
      '4 (2/pod)',
      '0',
      '1-8, active',
      'vllm 1/2 ready',
    ]);
    expect(lines.find((l) => l.startsWith('total'))?.split(/\s{2,}/)).toEqual(['total', '3/6', '3', '9 GPUs', '0']);
    expect(stdout).toContain('no node can take it (Unschedulable): 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.');
    expect(stdout).toContain('image cannot be pulled (ImagePullBackOff, container vllm): Back-off pulling image "vllm/vllm-openai:v0.32.0"');
    expect(stdout).toMatch(/keeps crashing \(CrashLoopBackOff, container sampler\): .*; last exit: OOMKilled \(exit code 137\)/);
  });
});

describe('the fleet view of a gateway outside any cluster', () => {
  let bare: E2ePlatform;
  beforeAll(async () => {
    bare = await startE2ePlatform({ services: ['gateway'], entry: fromBuild(process.execPath, join(REPO_ROOT, 'dist')) });
  });
  afterAll(async () => {
    await bare?.stop();
  });

  it('answers FAILED_PRECONDITION, and magpie fleet says what to set and exits 2', async () => {
    const { code, stdout, stderr } = await magpie(['fleet', '--gateway', bare.grpcAddress]);
    console.log(`$ magpie fleet --gateway ${bare.grpcAddress}   # exit ${code}\n${stderr}`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toMatch(/^magpie fleet: GetFleet failed: FAILED_PRECONDITION: no Kubernetes cluster is configured for the fleet view: .*KUBECONFIG=<kubeconfig file>/);
  });
});
