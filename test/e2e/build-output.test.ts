import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUILD_INFO_FILE } from '@magpie/config';
import { fromBuild } from '@magpie/launcher';
import { SERVICE_NAMES } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeRun } from '../support/complete-run.js';
import { REPO_ROOT, startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';

// The platform as the image runs it: every service and the simulator from `npm run build`'s
// output (Nx builds it before this project's tests), plain node on compiled JavaScript.
const run = promisify(execFile);
const DIST = join(REPO_ROOT, 'dist');
let platform: E2ePlatform;

beforeAll(async () => {
  if (!existsSync(join(DIST, BUILD_INFO_FILE))) throw new Error(`no build in ${DIST}: run npm run build (npm test builds it first)`);
  platform = await startE2ePlatform({ entry: fromBuild(process.execPath, DIST) });
});
afterAll(async () => {
  await platform?.stop();
});

describe('the platform from the build output', () => {
  it('runs every service and the simulator as node on its bundle, without tsx', () => {
    for (const name of [...SERVICE_NAMES, 'llm-sim']) {
      const pid = platform.platform.pidOf(name);
      const argv = readFileSync(`/proc/${pid ?? 0}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(argv.slice(1)).toEqual([join(DIST, `${name}.js`)]);
    }
  });

  it('completes a domain run: every problem solved, sampled and rewarded', async () => {
    const final = await completeRun(platform.client, 12);
    expect(final.status).toBe('RUN_STATUS_SUCCEEDED');
    expect(final.counts).toMatchObject({ problems: 12, solutions: 12, samples: 12, rewards: 12, dead_lettered: 0 });
  });

  it('is what tools/cli/bin/magpie.js runs while the build is current', async () => {
    const info = JSON.parse(readFileSync(join(DIST, BUILD_INFO_FILE), 'utf8')) as { sources: Record<string, number> };
    const changed = Object.entries(info.sources).filter(([file, mtimeMs]) => !existsSync(join(REPO_ROOT, file)) || statSync(join(REPO_ROOT, file)).mtimeMs !== mtimeMs);
    expect(changed, 'files changed since the build (run npm run build)').toEqual([]);
    const { stdout } = await run(process.execPath, ['tools/cli/bin/magpie.js', 'models', 'validate'], { cwd: REPO_ROOT });
    // The compiled CLI reads the build's copy of the catalog; from the sources it would read configs/.
    expect(stdout).toContain(`${join(DIST, 'configs', 'models.json')}: valid`);
  });
});
