import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_INFO_FILE, PLATFORM_ROOT_MARKER, PlatformFilesNotFoundError, findUp, platformFile, platformRoot, runsFromBuild } from './platform-files.js';

const work = mkdtempSync(join(tmpdir(), 'platform-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A file URL for a module at `path` under `root`, creating its folder. */
function moduleAt(root: string, path: string): string {
  mkdirSync(join(root, path, '..'), { recursive: true });
  return pathToFileURL(join(root, path)).href;
}

function platformAt(root: string): void {
  mkdirSync(join(root, PLATFORM_ROOT_MARKER, '..'), { recursive: true });
  writeFileSync(join(root, PLATFORM_ROOT_MARKER), 'syntax = "proto3";');
}

describe('platform files', () => {
  it('finds the repository from a module deep in the sources', () => {
    const repo = join(work, 'repo');
    platformAt(repo);
    const url = moduleAt(repo, 'libs/api/src/load-magpie-proto.ts');
    expect(platformRoot(url)).toBe(repo);
    expect(platformFile(url, 'configs')).toBe(join(repo, 'configs'));
    expect(runsFromBuild(url)).toBe(false);
  });

  it('finds a build from a chunk in its flat output folder, before the repository around it', () => {
    const repo = join(work, 'repo-with-build');
    platformAt(repo);
    platformAt(join(repo, 'dist'));
    writeFileSync(join(repo, 'dist', BUILD_INFO_FILE), '{}');
    const url = moduleAt(repo, 'dist/chunk-ABC.js');
    expect(platformRoot(url)).toBe(join(repo, 'dist'));
    expect(runsFromBuild(url)).toBe(true);
  });

  it('says plainly when no folder above holds the platform files', () => {
    const url = moduleAt(work, 'lonely/app/gateway.js');
    expect(findUp(url, PLATFORM_ROOT_MARKER)).toBeUndefined();
    expect(() => platformRoot(url)).toThrow(PlatformFilesNotFoundError);
    expect(() => platformRoot(url)).toThrow(/holds proto\/magpie\/v1\/magpie\.proto/);
  });
});
