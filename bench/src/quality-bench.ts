import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMagpieClient, recordFromProto, runCountsFromProto, type MagpieClient, type StartRunRequestInput } from '@magpie/api';
import { LocalPlatform, REPO_ROOT } from '@magpie/testing';
import { measureQuality, savingsCheck, type QualityMeasurement, type RunRecords, type RunTruth } from './quality-measure.js';
import { judgeResponses } from './sim-truth.js';

// `npm run bench:quality [-- --count 500 --domain algebra --seed 7 --skip-validation]`: issue 12's
// measurement, not a test. Runs the same seed and spec under the correctness rule, Magpie's rule
// and adaptive sampling (plus a run of 8 fixed samples that checks adaptive sampling's token
// estimate) on the realistic simulator, judges every pair and SFT solution with /sim/truth, prints
// one table and writes the numbers to bench/results/.
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '500' },
    domain: { type: 'string', default: 'algebra' },
    seed: { type: 'string', default: '7' },
    'skip-validation': { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const base = { domain: values.domain, count, seed: Number(values.seed) };
const RUNS: { readonly name: string; readonly request: StartRunRequestInput }[] = [
  { name: 'correctness', request: base },
  { name: 'magpie', request: { ...base, pair_rule: 'PAIR_RULE_MAGPIE' } },
  { name: 'adaptive', request: { ...base, quality: { adaptive_sampling: true } } },
  ...(values['skip-validation'] ? [] : [{ name: 'fixed-8', request: { ...base, samples_per_problem: 8 } }]),
];

async function streamRun(client: MagpieClient, request: StartRunRequestInput): Promise<RunRecords & { seconds: number }> {
  const started = performance.now();
  const { run } = await client.startRun(request);
  const runId = run?.run_id ?? '';
  const records = { problems: new Map(), solutions: new Map(), samples: new Map(), rewards: new Map() } as const;
  for await (const event of client.streamRecords({ run_id: runId, from_cursor: '0' })) {
    const { record } = recordFromProto(event);
    if (record.kind === 'problem') records.problems.set(record.id, record.instruction);
    else if (record.kind === 'solution') records.solutions.set(record.id, record);
    else if (record.kind === 'samples') records.samples.set(record.id, record);
    else records.rewards.set(record.id, record);
  }
  const final = await client.getRun({ run_id: runId });
  if (final.status !== 'RUN_STATUS_SUCCEEDED') throw new Error(`run ${runId} ended ${final.status}: ${final.reason}`);
  return { runId, ...records, summary: runCountsFromProto(final.counts, final.quality).quality, seconds: (performance.now() - started) / 1000 };
}

async function judge(simUrl: string, run: RunRecords): Promise<RunTruth> {
  const solutions = [...run.solutions.values()];
  const solutionVerdicts = await judgeResponses(simUrl, solutions.map((s) => ({ problem: s.instruction, response: s.response })));
  const samples = [...run.samples.values()];
  const sampleVerdicts = await judgeResponses(simUrl, samples.flatMap((s) => s.responses.map((response) => ({ problem: s.instruction, response }))));
  const bySlot = new Map<number, (boolean | null)[]>();
  let next = 0;
  for (const s of samples) {
    bySlot.set(s.id, sampleVerdicts.slice(next, next + s.responses.length));
    next += s.responses.length;
  }
  return { solution: new Map(solutions.map((s, i) => [s.id, solutionVerdicts[i] ?? null])), samples: bySlot };
}

console.error(`quality bench: ${count} ${values.domain} problems per run, seed ${values.seed}, realistic simulator; runs: ${RUNS.map((r) => r.name).join(', ')}`);
const platform = await LocalPlatform.start({
  baseEnv: process.env,
  simEnv: { SIM_PROFILE: 'realistic', LOG_LEVEL: 'warn' },
  serviceEnv: { LOG_LEVEL: 'warn' },
});
const client = createMagpieClient(platform.grpcAddress);
const results: Record<string, { runId: string; seconds: number; measurement: QualityMeasurement; summary: RunRecords['summary'] }> = {};
const streamed: Record<string, RunRecords> = {};
try {
  await client.waitForReady(30_000);
  const simUrl = platform.allSimUrls()[0] ?? '';
  for (const { name, request } of RUNS) {
    const run = await streamRun(client, request);
    streamed[name] = run;
    results[name] = { runId: run.runId, seconds: run.seconds, measurement: measureQuality(run, await judge(simUrl, run)), summary: run.summary };
    console.error(`quality bench: ${name} run ${run.runId} done in ${run.seconds.toFixed(1)} s`);
  }
} finally {
  client.close();
  await platform.stop();
}

const pct = (n: number, of: number): string => (of > 0 ? `${((100 * n) / of).toFixed(1)} %` : 'n/a');
const fmtShare = (x: number | null): string => (x === null ? 'n/a' : `${(100 * x).toFixed(1)} %`);
const reasons = (r: Readonly<Record<string, number>>): string => Object.entries(r).map(([k, n]) => `${k} ${n}`).join(', ') || '-';
const shown = ['correctness', 'magpie', 'adaptive'].filter((n) => results[n]);
const m = (name: string): QualityMeasurement => (results[name] as { measurement: QualityMeasurement }).measurement;
const rows: [string, ...string[]][] = [
  ['pairs kept', ...shown.map((n) => `${m(n).pairsKept} of ${m(n).problems}`)],
  ['  by kind', ...shown.map((n) => reasons(m(n).pairsKeptByKind))],
  ['pairs skipped, by reason', ...shown.map((n) => reasons(m(n).pairsSkippedByReason))],
  ['chosen answer correct', ...shown.map((n) => pct(m(n).chosenCorrect, m(n).pairsJudged))],
  ['rejected answer wrong', ...shown.map((n) => pct(m(n).rejectedWrong, m(n).pairsJudged))],
  ['no signal (both right or both wrong)', ...shown.map((n) => pct(m(n).noSignal, m(n).pairsJudged))],
  ['  both right', ...shown.map((n) => pct(m(n).noSignalBothRight, m(n).pairsJudged))],
  ['  both wrong', ...shown.map((n) => pct(m(n).noSignalBothWrong, m(n).pairsJudged))],
  ['inverted (chosen wrong, rejected right)', ...shown.map((n) => pct(m(n).inverted, m(n).pairsJudged))],
  ['useful pairs (right over wrong)', ...shown.map((n) => `${m(n).usefulPairs} (of ${m(n).problemsWithSignal} problems with a right and a wrong sample)`)],
  ['SFT solutions correct', ...shown.map((n) => pct(m(n).sftCorrect, m(n).sftJudged))],
  ['SFT verified', ...shown.map((n) => pct(m(n).sftVerified, m(n).sftJudged))],
  ['verified SFT precision', ...shown.map((n) => fmtShare(m(n).verifiedPrecision))],
  ['verified SFT recall', ...shown.map((n) => fmtShare(m(n).verifiedRecall))],
  ['sampler completion tokens', ...shown.map((n) => String(m(n).samplerCompletionTokens))],
  ['wall time (s)', ...shown.map((n) => (results[n]?.seconds ?? 0).toFixed(1))],
];
const adaptive = results.adaptive?.summary.adaptiveSampling;
const check = streamed.adaptive && streamed['fixed-8'] ? savingsCheck(streamed.adaptive, streamed['fixed-8']) : undefined;
const width = Math.max(...rows.map((r) => r[0].length));
const colWidth = Math.max(14, ...rows.flatMap((r) => r.slice(1).map((c) => c.length)));
console.log(`${'metric'.padEnd(width)}  ${shown.map((n) => n.padEnd(colWidth)).join('  ')}`);
for (const [name, ...cells] of rows) console.log(`${name.padEnd(width)}  ${cells.map((c) => c.padEnd(colWidth)).join('  ')}`.trimEnd());
if (adaptive) {
  console.log('');
  console.log(`adaptive sampling (3, else 8): stopped early ${adaptive.stoppedEarly}, extended ${adaptive.extended}`);
  console.log(`  estimated completion tokens saved (vs 8 samples each): ${adaptive.completionTokensSaved}; extension prompt tokens: ${adaptive.extensionPromptTokens}`);
  if (check) {
    console.log(`  actual cost of the skipped samples on the ${check.stopped} early stops (fixed-8 run, same seed): ${check.actual} (estimate ${pct(check.estimated, check.actual)} of it)`);
    const full = m('fixed-8').samplerCompletionTokens;
    console.log(`  sampler completion tokens: adaptive ${m('adaptive').samplerCompletionTokens}, fixed 8 ${full} (saved ${pct(full - m('adaptive').samplerCompletionTokens, full)}), fixed 5 ${m('correctness').samplerCompletionTokens}`);
  }
}
const at = new Date().toISOString();
const dir = join(REPO_ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `quality-${at.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ settings: { ...base, runs: RUNS.map((r) => r.name) }, results, savingsCheck: check ?? null, at }, null, 2));
console.log(`results: ${file}`);
process.exit(0);
