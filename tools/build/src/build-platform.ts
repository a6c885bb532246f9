import { cpSync, existsSync, readdirSync, renameSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUILD_INFO_FILE } from '@magpie/config';
import { build } from 'esbuild';
import { LEFT_OUT_OPTIONAL_PEERS, PLATFORM_ASSETS, VENDOR_ASSETS, bundleEntries } from './build-plan.js';
import { bundledPackages, lockPathOf, type BundledPackage } from './production-inputs.js';
import { BUNDLE_BANNER, vendorDirnamePlugin, vendorPathOf } from './vendor-dirname-plugin.js';

/** The oldest Node the bundles run on (the repository's engines field); images run Node 22. */
export const NODE_TARGET = 'node20.11';

/** Thrown when the build cannot run or its output would be incomplete. */
export class BuildError extends Error {
  override readonly name = 'BuildError';
}

export interface BuildOptions {
  /** The repository: sources, node_modules, package-lock.json. */
  readonly repoRoot: string;
  /**
   * Replaced at the end, when everything was built (only when it is empty or an earlier build's
   * output); the build fills `<outDir>.partial` until then, so a failed build leaves no half output.
   */
  readonly outDir: string;
}

/** One file of the output folder. */
export interface BuiltFile {
  readonly path: string;
  readonly bytes: number;
}

export interface BuildResult {
  readonly outDir: string;
  readonly files: readonly BuiltFile[];
  readonly totalBytes: number;
  /** The node_modules packages inside the bundles, all production dependencies. */
  readonly packages: readonly BundledPackage[];
  readonly elapsedMs: number;
}

/**
 * What `build-info.json` records: the platform's version and, per file the build read (sources,
 * copied assets, the lockfile), its modification time, so a launcher can tell whether the build
 * is still current (tools/cli/bin/magpie.js does).
 */
export interface BuildInfo {
  readonly name: string;
  readonly version: string;
  readonly builtAt: string;
  readonly nodeTarget: string;
  readonly entries: readonly string[];
  readonly sources: Readonly<Record<string, number>>;
}

/**
 * Replaces `outDir` with the finished `partialDir`, refusing to delete a folder that is not a
 * build. Two renames, so a CLI starting meanwhile sees the old build whole, the new one whole, or
 * (for an instant) none, and then runs the sources.
 */
function replaceOutDir(partialDir: string, outDir: string): void {
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !existsSync(join(outDir, BUILD_INFO_FILE))) {
    throw new BuildError(`${outDir} is not empty and holds no ${BUILD_INFO_FILE}: refusing to replace something that is not a build`);
  }
  const previous = `${outDir}.previous-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(partialDir, outDir);
  rmSync(previous, { recursive: true, force: true });
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

/** Copies the platform's run-time folders (docs left out) and the vendored package files; returns what it copied, relative to repoRoot. */
function copyAssets(repoRoot: string, outDir: string, bundledLockPaths: readonly string[]): string[] {
  const copied: string[] = [];
  for (const folder of PLATFORM_ASSETS) {
    for (const file of listFiles(join(repoRoot, folder)).filter((f) => !f.endsWith('.md'))) {
      cpSync(join(repoRoot, folder, file), join(outDir, folder, file));
      copied.push(join(folder, file));
    }
  }
  for (const { packageName, folder } of VENDOR_ASSETS) {
    const copies = bundledLockPaths.filter((p) => p === `node_modules/${packageName}` || p.endsWith(`/node_modules/${packageName}`));
    if (copies.length === 0) throw new BuildError(`VENDOR_ASSETS names ${packageName}, which no bundle contains: remove it from build-plan.ts`);
    for (const lockPath of copies) {
      const source = join(repoRoot, lockPath, folder);
      for (const file of listFiles(source)) {
        cpSync(join(source, file), join(outDir, vendorPathOf(join(repoRoot, lockPath)), folder, file));
        copied.push(join(lockPath, folder, file));
      }
    }
  }
  return copied;
}

/**
 * Bundles every Node deployable (gateway, generator, solver, sampler, reward, llm-sim) and the
 * CLI with esbuild into one flat folder of ES modules (entries by name, shared chunks, linked
 * source maps) that needs no node_modules, then copies what they read at run time (proto/,
 * configs/, vendored protos) and writes package.json and build-info.json. Throws BuildError or
 * esbuild's error listing every problem; DevDependencyBundledError when a bundle would contain a
 * development-only package.
 */
export async function buildPlatform(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const { repoRoot } = options;
  const outDir = `${options.outDir}.partial`;
  rmSync(outDir, { recursive: true, force: true });
  const entries = bundleEntries();
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: entries,
    outdir: outDir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: NODE_TARGET,
    // Error classes and loggers print constructor names; bundling must not rename them.
    keepNames: true,
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    banner: { js: BUNDLE_BANNER },
    external: [...LEFT_OUT_OPTIONAL_PEERS],
    plugins: [vendorDirnamePlugin()],
    logLevel: 'silent',
  });
  if (result.warnings.length > 0) {
    throw new BuildError(`esbuild warned: ${result.warnings.map((w) => `${w.location?.file ?? ''}:${w.location?.line ?? ''} ${w.text}`).join('; ')}`);
  }
  const inputs = Object.keys(result.metafile.inputs);
  const packages = bundledPackages(inputs, repoRoot);
  const copied = copyAssets(repoRoot, outDir, packages.map((p) => p.lockPath));

  const rootPackage = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; description?: string };
  writeFileSync(
    join(outDir, 'package.json'),
    `${JSON.stringify({ name: rootPackage.name, version: rootPackage.version, description: rootPackage.description, private: true, type: 'module' }, null, 2)}\n`,
  );
  const read = [...inputs.filter((i) => lockPathOf(i) === undefined && existsSync(join(repoRoot, i))), ...copied, 'package.json', 'package-lock.json'];
  const info: BuildInfo = {
    name: rootPackage.name,
    version: rootPackage.version,
    builtAt: new Date().toISOString(),
    nodeTarget: NODE_TARGET,
    entries: Object.keys(entries).map((e) => `${e}.js`),
    sources: Object.fromEntries(read.sort().map((file) => [file, statSync(join(repoRoot, file)).mtimeMs])),
  };
  writeFileSync(join(outDir, BUILD_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);

  const files = listFiles(outDir)
    .sort()
    .map((path) => ({ path, bytes: statSync(join(outDir, path)).size }));
  replaceOutDir(outDir, options.outDir);
  return { outDir: options.outDir, files, totalBytes: files.reduce((sum, f) => sum + f.bytes, 0), packages, elapsedMs: performance.now() - started };
}
