import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fleetFromProto } from '@magpie/api';
import { emulatePlatformImage, type EmulatedImage } from '@magpie/build';
import { NODE_COMPONENTS } from '@magpie/launcher';
import { KubeApiStandIn, kubeFixtures } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeRun } from '../support/complete-run.js';
import { REPO_ROOT, startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';
import { SANDBOX_VOLUME, imageEntry, imageEnv, sandboxUnavailable, sandboxed } from '../support/image-sandbox.js';

// No container runtime here: the image's file tree comes from deploy/Dockerfile's stages carried
// out on the files (tools/build emulatePlatformImage), and each component starts with the image's
// exact ENTRYPOINT and ENV, as its USER (10001), with / read-only and only a tmpfs /tmp writable.
const run = promisify(execFile);
const unavailable = sandboxUnavailable();
const work = mkdtempSync(join(tmpdir(), 'magpie-image-e2e-'));
let image: EmulatedImage;
let platform: E2ePlatform | undefined;
let standIn: KubeApiStandIn | undefined;

function procStatus(pid: number | undefined, field: string): string[] {
  const line = readFileSync(`/proc/${pid ?? 0}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return line?.split(/\s+/).slice(1) ?? [];
}

describe.skipIf(unavailable !== undefined)(`the platform image's entrypoint on a read-only root as UID 10001${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  beforeAll(async () => {
    image = await emulatePlatformImage(REPO_ROOT, work);
    // The gateway's kubeconfig comes in a volume, as a mounted Secret would; no real cluster is
    // available here, so it points at a stand-in for the Kubernetes API over HTTP.
    standIn = await KubeApiStandIn.start({ namespace: kubeFixtures.FLEET_NAMESPACE, objects: kubeFixtures.gpuShortRelease(), token: 'image-test-token' });
    const volume = join(work, 'volume');
    mkdirSync(volume);
    standIn.writeKubeconfig(volume);
    chmodSync(volume, 0o755);
    const serviceOf = Object.fromEntries(NODE_COMPONENTS.map((name) => [name, { SERVICE: name }]));
    platform = await startE2ePlatform({
      entry: imageEntry(image, volume),
      // Only the platform's own variables on top of the image's: no NODE_OPTIONS, no tsx, no PATH to the repository.
      baseEnv: imageEnv(image),
      componentEnv: { ...serviceOf, gateway: { SERVICE: 'gateway', KUBECONFIG: `${SANDBOX_VOLUME}/kubeconfig.yaml`, MAGPIE_RELEASE: kubeFixtures.FLEET_RELEASE } },
    });
  });
  afterAll(async () => {
    await platform?.stop();
    await standIn?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('sandboxes like the pod: the image files and / are read-only, /tmp is writable', async () => {
    const probe = 'id -u; touch ./x 2>/dev/null && echo app-writable; touch /var/x 2>/dev/null && echo root-writable; touch /tmp/x && echo tmp-writable';
    const { command, args } = sandboxed(image, ['sh', '-c', probe]);
    const { stdout } = await run(command, args);
    expect(stdout.trim().split('\n')).toEqual(['10001', 'tmp-writable']);
  });

  it('runs every service and the simulator as node on its bundle, as 10001, in production mode', () => {
    for (const name of NODE_COMPONENTS) {
      const pid = platform?.platform.pidOf(name);
      expect(procStatus(pid, 'Uid'), name).toEqual(['10001', '10001', '10001', '10001']);
      expect(procStatus(pid, 'Gid'), name).toEqual(['10001', '10001', '10001', '10001']);
      expect(readFileSync(`/proc/${pid ?? 0}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(1)).toEqual(['--enable-source-maps', `./${name}.js`]);
      expect(readFileSync(`/proc/${pid ?? 0}/environ`, 'utf8').split('\0')).toContain('NODE_ENV=production');
    }
  });

  it('completes a domain run, and no component met the read-only filesystem', async () => {
    const final = await completeRun(platform?.client ?? expect.fail('no platform'), 10);
    expect(final.status).toBe('RUN_STATUS_SUCCEEDED');
    expect(final.counts).toMatchObject({ problems: 10, solutions: 10, samples: 10, rewards: 10, dead_lettered: 0 });
    const logDir = platform?.platform.logDir ?? '';
    for (const log of readdirSync(logDir)) expect(readFileSync(join(logDir, log), 'utf8'), log).not.toMatch(/EROFS|read-only file system|EACCES/i);
  });

  it("serves GetFleet through the bundled Kubernetes client, with the stages' real consumers", async () => {
    const fleet = fleetFromProto(await (platform?.client ?? expect.fail('no platform')).getFleet());
    expect(fleet.components.map((c) => [c.component, c.gpusRequested])).toEqual([
      ['gateway', 0],
      ['generator', 4],
      ['solver', 2],
      ['sampler', 2],
      ['reward', 1],
    ]);
    expect(fleet.components.flatMap((c) => c.consumers).every((k) => k.exists)).toBe(true);
  });

  it('refuses an unknown SERVICE, naming the ones it knows', async () => {
    const { command, args } = sandboxed(image, image.entrypoint);
    const failed = await run(command, args, { env: { ...imageEnv(image), SERVICE: 'scheduler' } }).then(
      () => undefined,
      (error: unknown) => error as { code?: number; stderr?: string },
    );
    expect(failed?.code).toBe(64);
    expect(failed?.stderr).toContain("SERVICE must be gateway, generator, solver, sampler, reward, tagger or llm-sim, not 'scheduler'");
  });
});
