import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DataQualityOptionsInput } from '@magpie/api';
import { REPO_ROOT } from '@magpie/testing';
import { generate, startQualityPlatform, type QualityPlatform } from './quality/quality-platform.js';
import { difficulties, judgeTwins, type TwinReport } from './quality/twin-judge.js';

// `npm run bench:data-quality [-- --count 1000]`: issue 12's data-quality numbers
// against the realistic simulator (zero latency): near-twin pass rates without and with value
// masking and embedding dedup on a mixed and a discrete run, the same with two generator
// replicas, decontamination on the shipped fixture, and tag accuracy against /sim/truth.
// A measurement, not a test: it prints tables and writes bench/results/data-quality-*.json.
const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, seed: { type: 'string', default: '7' } } });
const COUNT = Number(values.count);
const SEED = Number(values.seed);
const DOMAINS = ['algebra', 'calculus', 'geometry', 'statistics', 'number_theory', 'discrete'] as const;
const EMBEDDING = 'sentence-transformers/all-mpnet-base-v2';

const CONFIGS: Record<string, DataQualityOptionsInput> = {
  'MinHash (today)': {},
  'MinHash, values masked': { mask_values: true },
  'embeddings 0.975': { embedding_model: EMBEDDING },
  'masked + embeddings': { mask_values: true, embedding_model: EMBEDDING },
};

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);
const sum = (reports: readonly TwinReport[], key: keyof TwinReport) => reports.reduce((a, r) => a + r[key], 0);
const results: Record<string, unknown> = { count: COUNT, seed: SEED, at: new Date().toISOString() };

/** The mixed run: the count split over the six domains, one run each (dedup is per run). */
async function mixed(q: QualityPlatform, dq: DataQualityOptionsInput): Promise<TwinReport[]> {
  const per = DOMAINS.map((_, i) => Math.floor(COUNT / DOMAINS.length) + (i < COUNT % DOMAINS.length ? 1 : 0));
  const reports: TwinReport[] = [];
  for (const [i, domain] of DOMAINS.entries()) reports.push(await judgeTwins(q.simUrl, (await generate(q, { domain, count: per[i] ?? 0, seed: SEED, dataQuality: dq })).problems));
  return reports;
}

async function twinTable(generators: number): Promise<Record<string, { mixed: TwinReport[]; discrete: TwinReport; rejections: Record<string, number> }>> {
  const q = await startQualityPlatform({ generators });
  const out: Record<string, { mixed: TwinReport[]; discrete: TwinReport; rejections: Record<string, number> }> = {};
  try {
    for (const [name, dq] of Object.entries(CONFIGS)) {
      const started = performance.now();
      const mixedReports = await mixed(q, dq);
      const run = await generate(q, { domain: 'discrete', count: COUNT, seed: SEED, dataQuality: dq });
      out[name] = { mixed: mixedReports, discrete: await judgeTwins(q.simUrl, run.problems), rejections: run.counts.rejections };
      console.error(`quality: ${generators} generator(s), ${name}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await q.stop();
  }
  console.log(`\nNear-twins that passed, ${generators} generator replica(s): share of accepted problems with an earlier twin in the run, judged by the simulator's`);
  console.log('truth (same family, text differing in exactly one number | any numbers), and by its embeddings (cosine ≥ 0.975, Magpie\'s threshold)');
  const head = ['mixed 1-number', 'mixed numbers', 'mixed cos', 'discrete 1-number', 'discrete numbers', 'discrete cos'];
  console.log(`${'dedup'.padEnd(24)} ${head.map((h) => h.padStart(17)).join(' ')}  discrete rejections`);
  for (const [name, r] of Object.entries(out)) {
    const problems = sum(r.mixed, 'problems');
    const cells = [
      pct(sum(r.mixed, 'oneNumberTwins'), problems),
      pct(sum(r.mixed, 'maskedTwins'), problems),
      pct(sum(r.mixed, 'embeddingTwins'), problems),
      pct(r.discrete.oneNumberTwins, r.discrete.problems),
      pct(r.discrete.maskedTwins, r.discrete.problems),
      pct(r.discrete.embeddingTwins, r.discrete.problems),
    ];
    console.log(`${name.padEnd(24)} ${cells.map((c) => c.padStart(17)).join(' ')}  ${JSON.stringify(r.rejections)}`);
  }
  return out;
}

async function decontamination(): Promise<void> {
  const q = await startQualityPlatform({ generators: 1 });
  const rows: Record<string, unknown>[] = [];
  try {
    for (const domain of ['discrete', 'statistics', 'algebra']) {
      for (const mode of ['DECONTAMINATION_MODE_FLAG', 'DECONTAMINATION_MODE_REMOVE'] as const) {
        const run = await generate(q, { domain, count: 300, seed: SEED, dataQuality: { decontamination: mode } });
        rows.push({ domain, mode, problems: run.problems.length, flagged: run.counts.flags.contaminated ?? 0, removed: run.counts.rejections.contaminated ?? 0 });
      }
    }
  } finally {
    await q.stop();
  }
  console.log('\nDecontamination against services/generator/fixtures/decontamination (13-grams), 300 problems per run');
  for (const r of rows) console.log(`${String(r.domain).padEnd(12)} ${String(r.mode).replace('DECONTAMINATION_MODE_', '').padEnd(7)} flagged ${String(r.flagged).padStart(3)}  removed ${String(r.removed).padStart(3)}`);
  results.decontamination = rows;
}

async function tagAccuracy(): Promise<void> {
  const q = await startQualityPlatform({ generators: 1 });
  const byDomain: Record<string, { tagged: number; exact: number; withinOne: number; absError: number }> = {};
  try {
    for (const domain of DOMAINS) {
      const run = await generate(q, { domain, count: Math.ceil(COUNT / DOMAINS.length), seed: SEED, dataQuality: { tags: true, min_quality: 'INPUT_QUALITY_ANY', min_difficulty: 'DIFFICULTY_ANY' } });
      const byId = new Map(run.tags.map((t) => [t.id, t.tags?.difficulty]));
      const truth = await difficulties(q.simUrl, run.problems);
      const stats = { tagged: 0, exact: 0, withinOne: 0, absError: 0 };
      const levels = ['very easy', 'easy', 'medium', 'hard', 'very hard'];
      truth.forEach((level, id) => {
        const tagged = byId.get(id);
        if (level === null || tagged === undefined) return;
        const error = Math.abs(levels.indexOf(tagged) + 1 - level);
        stats.tagged++;
        if (error === 0) stats.exact++;
        if (error <= 1) stats.withinOne++;
        stats.absError += error;
      });
      byDomain[domain] = stats;
    }
  } finally {
    await q.stop();
  }
  const all = Object.values(byDomain).reduce((a, b) => ({ tagged: a.tagged + b.tagged, exact: a.exact + b.exact, withinOne: a.withinOne + b.withinOne, absError: a.absError + b.absError }));
  console.log('\nDifficulty tags against /sim/truth (math problems the simulator knows)');
  for (const [domain, s] of [...Object.entries(byDomain), ['all', all] as const]) {
    console.log(`${domain.padEnd(14)} tagged ${String(s.tagged).padStart(5)}  exact ${pct(s.exact, s.tagged).padStart(7)}  within one level ${pct(s.withinOne, s.tagged).padStart(7)}  mean error ${(s.absError / Math.max(1, s.tagged)).toFixed(2)} levels`);
  }
  results.tags = byDomain;
}

results.oneGenerator = await twinTable(1);
results.twoGenerators = await twinTable(2);
await decontamination();
await tagAccuracy();
const dir = join(REPO_ROOT, 'bench/results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `data-quality-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.error(`quality: results in ${file}`);
