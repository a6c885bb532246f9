// Sums the vitest JSON reports every project wrote and prints one closing line
// ("N passed, N failed, N skipped"), so CI sees the whole suite's totals in one place.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [dir, seconds] = process.argv.slice(2);
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.json')) files.push(p);
  }
};
walk(dir);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if ((report.numFailedTests ?? 0) > 0 || report.success === false) {
    console.log(`failures in ${file}`);
    // CI shows only the tail of the log: name each failed test and its first lines here.
    for (const suite of report.testResults ?? []) {
      // A suite can fail outside any test (a hook, an unhandled error): its message says why.
      if (suite.status === 'failed' && suite.message) {
        console.log(`  ✗ ${suite.name}: ${String(suite.message ?? '').split('\n').slice(0, 6).join('\n    ')}`);
      }
      for (const test of suite.assertionResults ?? []) {
        if (test.status !== 'failed') continue;
        console.log(`  ✗ ${suite.name} > ${test.fullName}`);
        const message = (test.failureMessages ?? []).join('\n').split('\n').slice(0, 8);
        for (const line of message) console.log(`    ${line}`);
      }
    }
  }
}
console.log(`test projects: ${files.length}, wall time: ${seconds}s`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
