import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMagpieClient } from '@magpie/api';
import { LocalPlatform, REPO_ROOT } from '@magpie/testing';
import { quantile, readLoad, seedRuns } from '@magpie/system-tests/read-load';

// `npm run bench:read-load [-- --runs 500 --list-runs 400 --get-runs 100 --rounds 5]`: the
// gateway under read load (issue 13), a benchmark, not a test: it asserts nothing, prints GetRun
// and ListRuns latencies per round and overall, and writes them to bench/results/.
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '500' },
    'list-runs': { type: 'string', default: '400' },
    'get-runs': { type: 'string', default: '100' },
    rounds: { type: 'string', default: '5' },
  },
});
const settings = { runs: Number(values.runs), listRuns: Number(values['list-runs']), getRuns: Number(values['get-runs']), rounds: Number(values.rounds) };

const platform = await LocalPlatform.start({
  baseEnv: process.env,
  services: ['gateway'],
  serviceEnv: { MAX_CALLS_PER_CLIENT: String(settings.listRuns + settings.getRuns + 100), CLIENT_RATE_PER_SECOND: '100000', LOG_LEVEL: 'warn' },
});
const client = createMagpieClient(platform.grpcAddress);
try {
  await client.waitForReady(30_000);
  const runIds = await seedRuns(platform.natsUrl, settings.runs, platform.natsCredentials('admin'));
  while ((await client.listRuns({ page_size: 1_000 })).runs.length < Math.min(settings.runs, 1_000)) await new Promise((r) => setTimeout(r, 100));
  // One round to warm the counts cache and the JIT, as a gateway that has been up for a while is.
  await readLoad(client, runIds, { listRuns: settings.listRuns, getRuns: settings.getRuns });
  const rounds = [];
  for (let i = 0; i < settings.rounds; i++) rounds.push(await readLoad(client, runIds, { listRuns: settings.listRuns, getRuns: settings.getRuns }));
  const getRunMs = rounds.flatMap((r) => r.getRunMs).sort((a, b) => a - b);
  const listRunsMs = rounds.flatMap((r) => r.listRunsMs).sort((a, b) => a - b);
  const byStatus: Record<string, number> = {};
  for (const r of rounds) for (const [k, n] of Object.entries(r.byStatus)) byStatus[k] = (byStatus[k] ?? 0) + n;
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`read load: ${settings.runs} stored runs; ${settings.rounds} rounds of ${settings.listRuns} ListRuns + ${settings.getRuns} GetRun at once`);
  for (const [i, r] of rounds.entries()) {
    console.log(`  round ${i + 1}: ${JSON.stringify(r.byStatus)} in ${ms(r.wallMs)}; GetRun p50 ${ms(quantile(r.getRunMs, 0.5))} p99 ${ms(quantile(r.getRunMs, 0.99))}; ListRuns p50 ${ms(quantile(r.listRunsMs, 0.5))} p99 ${ms(quantile(r.listRunsMs, 0.99))}`);
  }
  const summary = {
    settings,
    statuses: byStatus,
    getRun: { p50Ms: quantile(getRunMs, 0.5), p90Ms: quantile(getRunMs, 0.9), p99Ms: quantile(getRunMs, 0.99), maxMs: getRunMs.at(-1) ?? 0 },
    listRuns: { p50Ms: quantile(listRunsMs, 0.5), p90Ms: quantile(listRunsMs, 0.9), p99Ms: quantile(listRunsMs, 0.99), maxMs: listRunsMs.at(-1) ?? 0 },
  };
  console.log(`  all: ${JSON.stringify(byStatus)}; GetRun p50 ${ms(summary.getRun.p50Ms)} p99 ${ms(summary.getRun.p99Ms)}; ListRuns p50 ${ms(summary.listRuns.p50Ms)} p99 ${ms(summary.listRuns.p99Ms)}`);
  const dir = join(REPO_ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `read-load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`  written to ${file}`);
} finally {
  client.close();
  await platform.stop();
}
