import { relative } from 'node:path';
import type { BuildResult } from './build-platform.js';

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

/** The build's report: the output folder, its size by kind of file, each entry's size and the time taken. */
export function formatBuildSummary(result: BuildResult, options: { relativeTo: string; detail: boolean }): string {
  const groups = new Map<string, { files: number; bytes: number }>();
  const kind = (path: string): string => {
    if (path.endsWith('.js.map')) return 'source maps';
    if (/^chunk-.*\.js$/.test(path)) return 'shared chunks';
    if (path.endsWith('.js')) return 'entries';
    return path.split('/')[0] === path ? 'metadata' : `${path.split('/')[0] ?? ''}/`;
  };
  for (const file of result.files) {
    const group = groups.get(kind(file.path)) ?? { files: 0, bytes: 0 };
    groups.set(kind(file.path), { files: group.files + 1, bytes: group.bytes + file.bytes });
  }
  const lines = [
    `build: ${relative(options.relativeTo, result.outDir) || '.'}/ — ${result.files.length} files, ${mib(result.totalBytes)}, ${result.packages.length} npm packages bundled, in ${(result.elapsedMs / 1000).toFixed(2)} s`,
    ...[...groups.entries()].map(([name, g]) => `  ${name.padEnd(14)} ${String(g.files).padStart(4)} files  ${kib(g.bytes).padStart(12)}`),
  ];
  if (options.detail) {
    lines.push('  entries:');
    for (const file of result.files.filter((f) => kind(f.path) === 'entries')) lines.push(`    ${file.path.padEnd(14)} ${kib(file.bytes).padStart(12)}`);
  }
  return lines.join('\n');
}
