import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, resolved from this file so the CLI works from any working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

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
