import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expectedChartFiles } from './chart-files.js';
import { REPO_ROOT } from './repo-paths.js';
import { readmeWithSizingTable } from './sizing-table.js';
import { README_FILE } from './repo-paths.js';

// Writes the chart's files derived from configs/ and the sizing table of deploy/README.md.
const targets = new Map(expectedChartFiles());
targets.set(README_FILE, readmeWithSizingTable(readFileSync(README_FILE, 'utf8')));
for (const [path, content] of targets) {
  const current = (() => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  })();
  if (current === content) {
    console.log(`unchanged ${relative(REPO_ROOT, path)}`);
    continue;
  }
  writeFileSync(path, content);
  console.log(`wrote     ${relative(REPO_ROOT, path)}`);
}
