import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '@magpie/testing';
import { benchRun, type BenchSettings, type RunResult } from './bench-run.js';

// `npm run bench [-- --count 1000 --time-scale 20 --replicas 2 --slots 64]`: a benchmark, not a
// test; it asserts nothing and prints one table, and writes the numbers to bench/results/.
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    'time-scale': { type: 'string', default: '20' },
    replicas: { type: 'string', default: '2' },
    slots: { type: 'string', default: '64' },
    domain: { type: 'string', default: 'algebra' },
    'skip-sequential': { type: 'boolean', default: false },
  },
});
const settings: BenchSettings = {
  count: Number(values.count),
  timeScale: Number(values['time-scale']),
  replicas: Number(values.replicas),
  slotsPerReplica: Number(values.slots),
  domain: values.domain,
};

const fmt = (n: number | undefined, digits = 2) => (n === undefined ? 'n/a' : n.toFixed(digits));
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

console.error(`bench: ${settings.count} problems, ${settings.replicas} replicas × ${settings.slotsPerReplica} slots per stage, time scale ${settings.timeScale}`);
const streaming = await benchRun(settings, 'streaming');
console.error(`bench: streaming run done in ${fmt(streaming.wallSeconds)} s`);
const sequential = values['skip-sequential'] ? undefined : await benchRun(settings, 'sequential');
if (sequential) console.error(`bench: sequential run done in ${fmt(sequential.wallSeconds)} s`);
const zero = await benchRun({ ...settings, timeScale: 0 }, 'streaming');
console.error(`bench: zero-latency run done in ${fmt(zero.wallSeconds)} s`);

const rows: [string, string, string][] = [
  ['wall time (s)', fmt(streaming.wallSeconds), sequential ? fmt(sequential.wallSeconds) : 'skipped'],
  ['capacity lower bound (s)', fmt(streaming.boundSeconds), sequential ? fmt(sequential.boundSeconds) : ''],
  ['efficiency = bound / wall', fmt(streaming.efficiency, 3), sequential ? fmt(sequential.efficiency, 3) : ''],
  ...(['generator', 'solver', 'sampler', 'reward'] as const).map(
    (st): [string, string, string] => [`utilisation ${st}`, pct(streaming.stages[st].utilisation), sequential ? pct(sequential.stages[st].utilisation) : ''],
  ),
  ['time to first pair (s)', fmt(streaming.firstPairSeconds), sequential ? fmt(sequential.firstPairSeconds) : ''],
  ['one call latency (s)', fmt(streaming.oneCallSeconds), ''],
  ['first pair / one call', fmt(streaming.firstPairSeconds !== undefined && streaming.oneCallSeconds ? streaming.firstPairSeconds / streaming.oneCallSeconds : undefined), ''],
  ['orchestration CPU per problem (ms)', fmt(streaming.cpuSecondsPerProblem * 1000, 1), sequential ? fmt(sequential.cpuSecondsPerProblem * 1000, 1) : ''],
  ['problems/s, zero-latency backend', fmt(zero.problemsPerSecond, 1), ''],
  ...Object.entries(zero.cpuMsPerProblemByService).map(([name, ms]): [string, string, string] => [`  zero-latency CPU ms/problem, ${name}`, fmt(ms, 1), '']),
  ['streaming speed-up over sequential', sequential ? `${fmt(sequential.wallSeconds / streaming.wallSeconds)} ×` : 'n/a', ''],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'metric'.padEnd(width)}  ${'streaming'.padStart(12)}  ${'sequential'.padStart(12)}`);
for (const [name, a, b] of rows) console.log(`${name.padEnd(width)}  ${a.padStart(12)}  ${b.padStart(12)}`);

const results: { settings: BenchSettings; streaming: RunResult; sequential: RunResult | undefined; zeroLatency: RunResult; at: string } = {
  settings,
  streaming,
  sequential,
  zeroLatency: zero,
  at: new Date().toISOString(),
};
const dir = join(REPO_ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `bench-${results.at.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`results: ${file}`);
process.exit(0);
