import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root package.json name and version: the platform that wrote a dataset. */
export function platformPackage(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8')) as { name?: unknown; version?: unknown };
    return { name: typeof pkg.name === 'string' ? pkg.name : 'magpie-reasoning', version: typeof pkg.version === 'string' ? pkg.version : '0.0.0' };
  } catch {
    // A build that ships without the root package.json: MAGPIE_VERSION names the version.
    return { name: 'magpie-reasoning', version: '0.0.0' };
  }
}
