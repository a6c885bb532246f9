import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { platformRoot } from '@magpie/config';
import { buildPlatform } from './build-platform.js';
import { formatBuildSummary } from './build-summary.js';

// `npm run build [-- --out <dir>]`: the compiled platform in dist/ (or <dir>).
const repoRoot = platformRoot(import.meta.url);
const { values } = parseArgs({ options: { out: { type: 'string' }, quiet: { type: 'boolean', default: false } } });
const outDir = values.out === undefined ? join(repoRoot, 'dist') : resolve(values.out);
try {
  const result = await buildPlatform({ repoRoot, outDir });
  console.log(formatBuildSummary(result, { relativeTo: repoRoot, detail: !values.quiet }));
} catch (err) {
  console.error(`build: ${err instanceof Error ? err.message : String(err)}`);
  console.error(`build: output folder ${relative(process.cwd(), outDir) || '.'} is incomplete`);
  process.exitCode = 1;
}
