import { emptyQualitySummary, type AnyRecord, type RunCounts } from '@magpie/contracts';
import { fixtures } from '@magpie/testing';
import { DatasetWriter, type DatasetSummary } from '../dataset-writer.js';

// Test-only (exported as @magpie/dataset/testing): a dataset written from the record fixtures.

/**
 * Writes a succeeded 4-problem algebra run of the fixtures' model into `dir`: problems 0-2
 * complete, problem 3 with a skipped pair and no solution or samples, and the platform's counts
 * with rejections and a dead letter, unless `records` / `counts` say otherwise.
 */
export async function writeFixtureDataset(
  dir: string,
  records: readonly AnyRecord[] = [...fixtures.completeRun(3), fixtures.problem(3), fixtures.skippedRewards(3)],
  counts: RunCounts = {
    records: { problem: 4, solution: 3, samples: 3, rewards: 4, tags: 0 },
    deadLettered: 1,
    rejections: { too_short: 2, near_duplicate: 5 },
    flags: {},
    quality: emptyQualitySummary(),
  },
): Promise<DatasetSummary> {
  const writer = await DatasetWriter.create({ dir, domain: 'algebra', runId: fixtures.RUN_ID, model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', count: 4, timestamp: 1_764_086_400 });
  for (const record of records) await writer.add(record);
  return writer.finish({
    spec: fixtures.SPEC,
    status: 'succeeded',
    startedAt: '2025-11-25T16:00:00.000Z',
    finishedAt: '2025-11-25T16:05:00.000Z',
    platform: { name: 'magpie-reasoning', version: '0.1.0' },
    counts,
  });
}
