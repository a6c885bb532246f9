import { NODE_COMPONENTS, SOURCE_ENTRIES, buildEntryFile, type NodeComponent } from '@magpie/launcher';

/** The CLI's bundle in the output folder; tools/cli/bin/magpie.js runs it when it is current. */
export const CLI_ENTRY_FILE = 'magpie.js';

/** What `npm run build` bundles: each entry's output name (without `.js`) and its TypeScript source. */
export function bundleEntries(): Record<string, string> {
  const services = Object.fromEntries(NODE_COMPONENTS.map((c: NodeComponent) => [buildEntryFile(c).replace(/\.js$/, ''), SOURCE_ENTRIES[c]]));
  return { ...services, [CLI_ENTRY_FILE.replace(/\.js$/, '')]: 'tools/cli/src/main.ts' };
}

/**
 * Folders of the repository the programs read at run time, copied into the output folder so that
 * it is a platform root of its own (see @magpie/config platformRoot): the proto the gateway and the
 * CLI load, the catalog (models, domains, presets) and the NATS config `magpie up` passes on.
 */
export const PLATFORM_ASSETS: readonly string[] = ['proto', 'configs'];

/**
 * Files of bundled packages that read them at run time from their own folder (`__dirname`), copied
 * to `vendor/<package path>/` where the bundle's `__dirname` of those packages points (see
 * vendorDirnamePlugin): the health service's proto, loaded when grpc-health-check is imported, and
 * the reflection service's protos, loaded when the gateway adds reflection.
 */
export const VENDOR_ASSETS: readonly { readonly packageName: string; readonly folder: string }[] = [
  { packageName: 'grpc-health-check', folder: 'proto' },
  { packageName: '@grpc/reflection', folder: 'build/proto/grpc/reflection' },
];

/** Where bundled packages' `__dirname` points inside the output folder. */
export const VENDOR_FOLDER = 'vendor';

/**
 * Optional peer dependencies of bundled packages that the repository has only for development
 * (npm marks them `dev`): left out of the bundles, so in production the package takes its own
 * fallback, as it would after `npm ci --omit=dev`. debug (under @kubernetes/client-node) colours
 * its output with supports-color when it can load it; eslint and nx bring it here.
 */
export const LEFT_OUT_OPTIONAL_PEERS: readonly string[] = ['supports-color'];
