import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasetFileNamesForPrefix } from '@magpie/dataset';
import { writeFixtureDataset } from '@magpie/dataset/testing';
import { ReportError } from './errors.js';
import { readReportData } from './report-data.js';
import { writeReport } from './write-report.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const dataset = () => writeFixtureDataset(dir);

describe('writeReport', () => {
  it('writes report.html with a chart per measure and says "not recorded" for agreement and verified share the rows lack', async () => {
    await dataset();
    const path = await writeReport(dir, { currency: 'USD' });
    const html = await readFile(path, 'utf8');
    for (const chart of ['stages', 'rejections', 'skipped-pairs', 'reward-scores', 'margins', 'mix']) expect(html).toContain(`data-chart="${chart}"`);
    expect(html).toContain('not recorded: these records carry no agreement field');
    expect(html).toContain('not recorded: these SFT records carry no verified field');
    expect(html).toContain('cost not computed');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('reads agreement, verified and difficulty fields when the records carry them, and prices tokens', async () => {
    const summary = await dataset();
    const names = datasetFileNamesForPrefix(summary.info.file_prefix);
    const sft = (await readFile(join(dir, names.insResJsonl), 'utf8')).trim().split('\n');
    await writeFile(join(dir, names.insResJsonl), sft.map((l, i) => JSON.stringify({ ...JSON.parse(l), verified: i !== 0 })).join('\n'));
    const pref = (await readFile(join(dir, names.ins5resArmormJsonl), 'utf8')).trim().split('\n');
    await writeFile(join(dir, names.ins5resArmormJsonl), pref.map((l) => JSON.stringify({ ...JSON.parse(l), agreement: { share: 0.8 } })).join('\n'));
    const problems = JSON.parse(await readFile(join(dir, names.ins), 'utf8')) as object[];
    await writeFile(join(dir, names.ins), JSON.stringify(problems.map((p, i) => ({ ...p, difficulty: i % 2 ? 'hard' : 'easy' }))));
    const data = await readReportData(dir, { promptPerMillion: 1, completionPerMillion: 2, currency: 'USD' });
    expect(data.verified).toEqual({ verified: 2, total: 3 });
    // Problem 3 has rewards but no samples, so it has no preference row.
    expect(data.agreement).toEqual([0.8, 0.8, 0.8]);
    expect(data.mix).toEqual({ by: 'difficulty', domains: [{ domain: 'algebra', tally: [['easy', 2], ['hard', 2]] }] });
    expect(data.rejections).toEqual([['near_duplicate', 5], ['too_short', 2]]);
    expect(data.cost.cost).toBeCloseTo((data.cost.promptTokens + 2 * data.cost.completionTokens) / 1e6, 12);
    const html = await readFile(await writeReport(dir, { promptPerMillion: 1, completionPerMillion: 2, currency: 'USD' }), 'utf8');
    expect(html).toContain('data-chart="agreement"');
    expect(html).toContain('Verified SFT solutions: 66.7%');
    expect(html).toContain('Difficulty mix per domain');
  });

  it('refuses a directory without a dataset', async () => {
    await expect(writeReport(dir, { currency: 'USD' })).rejects.toThrow(ReportError);
  });
});
