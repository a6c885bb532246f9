import { readFile } from 'node:fs/promises';
import { basename, dirname, sep } from 'node:path';
import type { Plugin } from 'esbuild';
import { VENDOR_FOLDER } from './build-plan.js';

/** The variable the bundle banner defines in every output file: the output folder's vendor/ path. */
export const VENDOR_DIR_VARIABLE = '__magpieVendorDir';

/**
 * Code at the top of every output file. CommonJS packages bundled into ES modules still call
 * `require` for Node's built-ins, so each file gets one from `createRequire`; and it knows where
 * the vendored package files lie, relative to itself (every output file sits in the output folder).
 */
export const BUNDLE_BANNER = [
  "import { createRequire as __magpieCreateRequire } from 'node:module';",
  "import { fileURLToPath as __magpieFileUrlToPath } from 'node:url';",
  'const require = __magpieCreateRequire(import.meta.url);',
  `const ${VENDOR_DIR_VARIABLE} = __magpieFileUrlToPath(new URL('./${VENDOR_FOLDER}', import.meta.url));`,
].join('\n');

const USES_MODULE_PATH = /\b__(dirname|filename)\b/;
const DECLARES_MODULE_PATH = /\b(var|let|const)\s+__(dirname|filename)\b/;

/** `node_modules/@grpc/reflection/build/src/x.js` → `@grpc/reflection/build/src`: the path below the outermost node_modules. */
export function pathBelowNodeModules(file: string): string {
  const parts = file.split(sep);
  const at = parts.indexOf('node_modules');
  if (at < 0) throw new RangeError(`${file} is not inside node_modules`);
  return parts.slice(at + 1).join('/');
}

/**
 * Gives every bundled package file that uses `__dirname`/`__filename` the folder it would have
 * under `vendor/` in the output folder. Bundled into one ES module, those names would otherwise
 * not exist at all (a ReferenceError at import). The packages' run-time files (VENDOR_ASSETS) are
 * copied to exactly those folders, so `${__dirname}/../../proto` finds them there.
 */
export function vendorDirnamePlugin(): Plugin {
  return {
    name: 'magpie-vendor-dirname',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, async (args) => {
        const contents = await readFile(args.path, 'utf8');
        if (!USES_MODULE_PATH.test(contents) || DECLARES_MODULE_PATH.test(contents)) return undefined;
        const below = pathBelowNodeModules(dirname(args.path));
        const prologue =
          `var __dirname = ${VENDOR_DIR_VARIABLE} + ${JSON.stringify(`/${below}`)}, ` +
          `__filename = __dirname + ${JSON.stringify(`/${basename(args.path)}`)};\n`;
        return { contents: prologue + contents, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** The vendor folder of a package directory (absolute), relative to the output folder. */
export function vendorPathOf(packageDir: string): string {
  return `${VENDOR_FOLDER}/${pathBelowNodeModules(packageDir)}`;
}
