import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyRunCounts } from '@magpie/contracts';
import { fixtures } from '@magpie/testing';
import type { DatasetInfo } from './dataset-info.js';
import { writeRunDataset } from './write-run-dataset.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'write-run-dataset-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeRunDataset', () => {
  it("names the files from the run's model, count and start, and takes keep_unverified and the status from the stored run", async () => {
    const base = fixtures.runState({ status: 'failed', reason: 'dead letters' });
    const state = { ...base, spec: { ...base.spec, quality: { ...base.spec.quality, keepUnverified: true } } };
    const records = fixtures.completeRun(2);
    const { summary, fileNames, records: read } = await writeRunDataset({ dir, state, records, platform: { name: 'p', version: '1' }, counts: emptyRunCounts() });
    expect(read).toBe(records.length);
    expect(fileNames.ins).toBe(`Magpie_DeepSeek-R1-Distill-Qwen-32B_${state.spec.count}_${Date.parse(state.createdAt) / 1000}_ins.json`);
    const info = JSON.parse(await readFile(join(dir, fileNames.info), 'utf8')) as DatasetInfo;
    expect(info).toMatchObject({ status: 'failed', reason: 'dead letters', started_at: state.createdAt, finished_at: state.finishedAt, exports: { keep_unverified: true } });
    expect(summary.files.map((f) => f.name)).toContain(fileNames.card);
  });
});
