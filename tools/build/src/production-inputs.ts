import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when a bundle would contain a package that only development needs. */
export class DevDependencyBundledError extends Error {
  override readonly name = 'DevDependencyBundledError';
}

interface LockPackage {
  readonly dev?: boolean;
  readonly version?: string;
}

/** A bundled package: its path in node_modules as package-lock.json names it, and its version. */
export interface BundledPackage {
  readonly lockPath: string;
  readonly version: string;
}

/**
 * The package a bundled file belongs to, as package-lock.json names it:
 * `node_modules/a/node_modules/@b/c/lib/x.js` → `node_modules/a/node_modules/@b/c`. Anything before
 * the first node_modules (a linked install elsewhere) is dropped; undefined for the repository's own files.
 */
export function lockPathOf(input: string): string | undefined {
  const parts = input.split('/');
  let at = parts.indexOf('node_modules');
  if (at < 0) return undefined;
  const path: string[] = [];
  while (parts[at] === 'node_modules' && at + 1 < parts.length) {
    const length = parts[at + 1]?.startsWith('@') ? 3 : 2;
    path.push(...parts.slice(at, at + length));
    at += length;
  }
  return path.join('/');
}

/**
 * The packages of node_modules the bundles contain (from esbuild's metafile inputs, which are
 * relative to the repository root), checked against package-lock.json: every one must be a
 * production dependency. Throws DevDependencyBundledError naming each package npm marks `dev`
 * (reachable only through devDependencies), which `npm ci --omit=dev` would not install.
 */
export function bundledPackages(inputs: readonly string[], repoRoot: string): BundledPackage[] {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
  const paths = new Set(inputs.map(lockPathOf).filter((p): p is string => p !== undefined));
  const packages: BundledPackage[] = [];
  const dev: string[] = [];
  for (const lockPath of [...paths].sort()) {
    const entry = lock.packages[lockPath];
    if (entry === undefined) throw new DevDependencyBundledError(`${lockPath} is bundled but package-lock.json does not list it: run npm ci`);
    if (entry.dev === true) dev.push(lockPath);
    packages.push({ lockPath, version: entry.version ?? '' });
  }
  if (dev.length > 0) {
    throw new DevDependencyBundledError(`the bundles import packages that only devDependencies bring in: ${dev.join(', ')}; declare them as dependencies or stop importing them at run time`);
  }
  return packages;
}
