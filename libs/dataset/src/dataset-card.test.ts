import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emptyQualitySummary } from '@magpie/contracts';
import { fixtures } from '@magpie/testing';
import { writeFixtureDataset } from './testing/write-fixture-dataset.js';
import { buildDatasetCard } from './dataset-card.js';
import { datasetFileNames } from './dataset-file-names.js';
import type { DatasetInfo } from './dataset-info.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dataset-card-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The fixture run's counts, with the rejections and dead letter the card must show.
const writeRun = () =>
  writeFixtureDataset(dir, [...fixtures.completeRun(2), fixtures.problem(2), fixtures.skippedRewards(2)], {
    records: { problem: 3, solution: 2, samples: 2, rewards: 3, tags: 0 },
    deadLettered: 1,
    rejections: { too_short: 4, empty: 2 },
    flags: {},
    quality: emptyQualitySummary(),
  });

describe('the dataset card', () => {
  it('declares a config per row kind over its Parquet file, sft by default, with typed features', async () => {
    const summary = await writeRun();
    const text = await readFile(join(dir, 'README.md'), 'utf8');
    const [, yaml = ''] = /^---\n([\s\S]*?)\n---\n/.exec(text) ?? [];
    const meta = parse(yaml) as { configs: { config_name: string; default?: boolean; data_files: { path: string }[] }[]; dataset_info: { config_name: string; features: { name: string }[] }[] };
    expect(meta.configs.map((c) => c.config_name)).toEqual(['sft', 'preference', 'problems', 'sharegpt', 'messages', 'dpo']);
    expect(meta.configs.filter((c) => c.default).map((c) => c.config_name)).toEqual(['sft']);
    const fileNames = summary.files.map((f) => f.name);
    for (const config of meta.configs) expect(fileNames).toContain(config.data_files[0]?.path);
    const preference = meta.dataset_info.find((c) => c.config_name === 'preference');
    expect(preference?.features.find((f) => f.name === 'pair')).toEqual({
      name: 'pair',
      struct: [
        { name: 'rule', dtype: 'string' },
        { name: 'kind', dtype: 'string' },
        { name: 'chosen_index', dtype: 'int64' },
        { name: 'rejected_index', dtype: 'int64' },
        { name: 'chosen_answer', dtype: 'string' },
        { name: 'rejected_answer', dtype: 'string' },
        { name: 'chosen_votes', dtype: 'int64' },
        { name: 'rejected_votes', dtype: 'int64' },
        { name: 'margin', dtype: 'float64' },
        { name: 'majority_answer', dtype: 'string' },
        { name: 'majority_votes', dtype: 'int64' },
        { name: 'votes_cast', dtype: 'int64' },
        { name: 'verified', dtype: 'bool' },
        { name: 'skip_reason', dtype: 'string' },
      ],
    });
    expect(preference?.features.find((f) => f.name === 'rewards_armorm')).toEqual({ name: 'rewards_armorm', list: [{ name: 'score', dtype: 'float64' }] });
    expect(preference?.features.find((f) => f.name === 'answers')).toEqual({ name: 'answers', list: 'string' });
  });

  it('summarises models, sampling and quality: rejections and skipped pairs by reason, dead letters', async () => {
    const summary = await writeRun();
    const text = await readFile(join(dir, 'README.md'), 'utf8');
    expect(text).toContain('| generator | deepseek-ai/DeepSeek-R1-Distill-Qwen-32B |');
    expect(text).toContain('| rejections.too_short | 4 |');
    expect(text).toContain('| dead_lettered | 1 |');
    expect(text).toContain(`| ${Object.keys(summary.info.skipped_pairs)[0]} | 1 |`);
    expect(text).toContain('| pairs_emitted | 2 |');
  });

  it('lists any summary dataset_info.json gains after the known sections', async () => {
    const summary = await writeRun();
    const info = { ...summary.info, quality: { ...summary.info.quality, sft: { ...summary.info.quality?.sft, verified_share: 0.8 }, agreement: { strict: 2 } } } as DatasetInfo;
    const card = buildDatasetCard(info, datasetFileNames({ model: 'm', count: 3, timestamp: 1 }));
    expect(card).toContain('**quality**');
    expect(card).toContain('| sft.verified_share | 0.8 |');
    expect(card).toContain('| agreement.strict | 2 |');
  });
});
