import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { platformRoot } from '@magpie/config';
import { NODE_COMPONENTS, buildEntryFile } from '@magpie/launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildError, buildPlatform, type BuildInfo, type BuildResult } from './build-platform.js';
import { CLI_ENTRY_FILE } from './build-plan.js';
import { DevDependencyBundledError, bundledPackages, lockPathOf } from './production-inputs.js';

const run = promisify(execFile);
const REPO_ROOT = platformRoot(import.meta.url);

describe('npm run build', () => {
  const work = mkdtempSync(join(tmpdir(), 'magpie-build-'));
  const outDir = join(work, 'dist');
  // A copy far from the repository: nothing there to fall back on, no node_modules above it.
  const moved = join(work, 'elsewhere', 'app');
  let result: BuildResult;

  beforeAll(async () => {
    result = await buildPlatform({ repoRoot: REPO_ROOT, outDir });
    mkdirSync(join(work, 'elsewhere'));
    cpSync(outDir, moved, { recursive: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('bundles every Node deployable and the CLI into one flat folder with the files they read at run time', () => {
    const paths = result.files.map((f) => f.path);
    for (const component of NODE_COMPONENTS) expect(paths).toContain(buildEntryFile(component));
    expect(paths).toContain(CLI_ENTRY_FILE);
    expect(paths).toEqual(
      expect.arrayContaining([
        'proto/magpie/v1/magpie.proto',
        'configs/models.json',
        'configs/domains.json',
        'configs/presets.json',
        'vendor/grpc-health-check/proto/health/v1/health.proto',
        'vendor/@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto',
        'package.json',
        'build-info.json',
      ]),
    );
    expect(paths.filter((p) => p.endsWith('.ts') || p.includes('node_modules'))).toEqual([]);
    expect(existsSync(`${outDir}.partial`)).toBe(false);
  });

  it('bundles only production dependencies, and records what it was built from', () => {
    const names = result.packages.map((p) => p.lockPath);
    expect(names).toEqual(expect.arrayContaining(['node_modules/@grpc/grpc-js', 'node_modules/zod', 'node_modules/@nats-io/jetstream']));
    expect(names.filter((n) => /\/(vitest|tsx|typescript|esbuild|eslint|nx)$/.test(n))).toEqual([]);
    const info = JSON.parse(readFileSync(join(outDir, 'build-info.json'), 'utf8')) as BuildInfo;
    expect(Object.keys(info.sources)).toEqual(expect.arrayContaining(['libs/api/src/load-magpie-proto.ts', 'proto/magpie/v1/magpie.proto', 'package-lock.json']));
    expect(info.entries).toContain(CLI_ENTRY_FILE);
  });

  it('runs from a copy with no node_modules and no repository around it', async () => {
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const { stdout: printed } = await run(process.execPath, [join(moved, CLI_ENTRY_FILE), '--version'], { cwd: tmpdir() });
    expect(printed.trim()).toBe(version);
    // The catalog comes from the copy's own configs/.
    const { stdout } = await run(process.execPath, [join(moved, CLI_ENTRY_FILE), 'models', 'validate'], { cwd: tmpdir() });
    expect(stdout).toContain(`${join(moved, 'configs', 'models.json')}: valid`);
  });

  it('never replaces a folder that is not a build (its work stays in <out>.partial)', async () => {
    const other = join(work, 'not-a-build');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'keep me');
    await expect(buildPlatform({ repoRoot: REPO_ROOT, outDir: other })).rejects.toThrow(BuildError);
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(`${other}.partial`)).toBe(true);
  });
});

describe('bundled packages', () => {
  it('names the package of a bundled file as package-lock.json does', () => {
    expect(lockPathOf('node_modules/zod/v4/core/core.js')).toBe('node_modules/zod');
    expect(lockPathOf('node_modules/@grpc/reflection/node_modules/@grpc/proto-loader/build/src/index.js')).toBe(
      'node_modules/@grpc/reflection/node_modules/@grpc/proto-loader',
    );
    expect(lockPathOf('../../elsewhere/node_modules/pino/pino.js')).toBe('node_modules/pino');
    expect(lockPathOf('libs/api/src/index.ts')).toBeUndefined();
  });

  it('refuses a bundle that would contain a development-only package', () => {
    expect(() => bundledPackages(['libs/api/src/index.ts', 'node_modules/vitest/dist/index.js'], REPO_ROOT)).toThrow(DevDependencyBundledError);
    expect(() => bundledPackages(['node_modules/vitest/dist/index.js'], REPO_ROOT)).toThrow(/node_modules\/vitest/);
    expect(bundledPackages(['node_modules/zod/index.js'], REPO_ROOT)).toEqual([{ lockPath: 'node_modules/zod', version: expect.any(String) as string }]);
  });
});
