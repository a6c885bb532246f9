import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file every platform root holds. A platform root is where the files the programs read at run
 * time live (proto/, configs/, package.json): the repository when running from sources, the build's
 * output folder (dist/, the image's /app) when running compiled JavaScript.
 */
export const PLATFORM_ROOT_MARKER = 'proto/magpie/v1/magpie.proto';

/** Written by `npm run build` into its output folder: a platform root holding it is a build. */
export const BUILD_INFO_FILE = 'build-info.json';

/** Thrown when no ancestor folder of a module holds the platform's files. */
export class PlatformFilesNotFoundError extends Error {
  override readonly name = 'PlatformFilesNotFoundError';
}

/**
 * The nearest folder at or above the folder of the module at `moduleUrl` (an `import.meta.url`)
 * that holds `relativePath`, or undefined when none does. Files are found this way, not by a fixed
 * number of `../`, because a module sits at a different depth in the sources (libs/x/src/) than in
 * a bundle (one folder of chunks).
 */
export function findUp(moduleUrl: string, relativePath: string): string | undefined {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(dir, relativePath))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The platform root of the module at `moduleUrl`; throws PlatformFilesNotFoundError when there is none. */
export function platformRoot(moduleUrl: string): string {
  const root = findUp(moduleUrl, PLATFORM_ROOT_MARKER);
  if (root === undefined) {
    throw new PlatformFilesNotFoundError(`no folder above ${fileURLToPath(moduleUrl)} holds ${PLATFORM_ROOT_MARKER}: the build output or the repository is incomplete`);
  }
  return root;
}

/** A file of the platform root of the module at `moduleUrl`, e.g. `platformFile(import.meta.url, 'configs')`. */
export function platformFile(moduleUrl: string, relativePath: string): string {
  return join(platformRoot(moduleUrl), relativePath);
}

/** True when the module at `moduleUrl` runs from a build's output rather than from the sources. */
export function runsFromBuild(moduleUrl: string): boolean {
  return existsSync(join(platformRoot(moduleUrl), BUILD_INFO_FILE));
}
