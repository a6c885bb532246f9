import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '@magpie/catalog';
import { A100_32B_TIMING } from '@magpie/llm-sim';
import { describe, expect, it } from 'vitest';
import { README_FILE, REPO_ROOT } from './repo-paths.js';
import { readmeWithSizingTable, scaledTiming, sizingRow } from './sizing-table.js';

const catalog = loadCatalog(join(REPO_ROOT, 'configs'));
const reference = { paramsB: 32.8, dtype: 'bfloat16' as const, tensorParallelSize: 1, maxNumSeqs: 256 };

describe("deploy/README.md's sizing table", () => {
  it('is the one the serving settings and the timing model give (else: npm run generate-chart-files -w @magpie/deploy)', () => {
    const readme = readFileSync(README_FILE, 'utf8');
    expect(readme).toBe(readmeWithSizingTable(readme));
  });

  it("reproduces the simulator's A100 figures for the model they describe, and scales the weight reads with tensor parallelism", () => {
    const same = scaledTiming(reference);
    for (const key of ['maxNumSeqs', 'prefillMsPerToken', 'decodeBaseMs', 'decodeMsPerRunningSeq'] as const) expect(same[key], key).toBeCloseTo(A100_32B_TIMING[key], 9);
    const tp2 = scaledTiming({ ...reference, tensorParallelSize: 2 });
    expect(tp2.decodeBaseMs).toBeCloseTo(A100_32B_TIMING.decodeBaseMs / 2);
    expect(tp2.prefillMsPerToken).toBeCloseTo(A100_32B_TIMING.prefillMsPerToken / 2);
    expect(scaledTiming({ ...reference, quantization: 'fp8' }).decodeBaseMs).toBeCloseTo(A100_32B_TIMING.decodeBaseMs / 2);
  });

  it('puts the five-sample stage as the bottleneck of a reasoning pipeline, and sends two-node models outside the chart', () => {
    const r1 = sizingRow(catalog.models.get('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B'), catalog);
    expect(r1).toMatchObject({ gpusPerReplica: 2, gpusPerPipeline: 7, multiNode: false });
    expect(r1.pipeline).toBe(r1.sampler);
    expect(r1.solver / r1.sampler).toBeCloseTo(5);
    expect(sizingRow(catalog.models.get('deepseek-ai/DeepSeek-R1'), catalog)).toMatchObject({ gpusPerReplica: 16, multiNode: true });
  });
});
