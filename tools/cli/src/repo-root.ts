import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { platformRoot } from '@magpie/config';

/**
 * The platform root the CLI runs from: the repository (sources) or the build's output folder; found
 * from this module so the CLI works from any working directory.
 */
export const REPO_ROOT = platformRoot(import.meta.url);

export interface PlatformInfo {
  readonly name: string;
  readonly version: string;
}

/** The platform's name and version from the root package.json; throws when it cannot be read. */
export function readPlatformInfo(repoRoot: string = REPO_ROOT): PlatformInfo {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
  return {
    name: typeof pkg.name === 'string' ? pkg.name : 'magpie-reasoning',
    version: typeof pkg.version === 'string' ? pkg.version : '0.0.0',
  };
}
