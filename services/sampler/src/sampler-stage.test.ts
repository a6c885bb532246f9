import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { recordIdFor, type SamplesRecord } from '@magpie/contracts';
import { createInferencePool } from '@magpie/llm';
import { LlmSimulator, ProblemRegistry, Rng } from '@magpie/llm-sim';
import { handleOnce } from '@magpie/stage';
import { SIM_IDEAL, fixtures } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplerStage } from './sampler-stage.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const sim = new LlmSimulator({ catalog, seed: 8, accuracy: 0.5, ...SIM_IDEAL });
let base: string;
beforeAll(async () => {
  base = `http://127.0.0.1:${await sim.start()}`;
});
afterAll(() => sim.stop());

/** Samples for one simulator problem with `n` samples per problem, and the simulator's request count. */
async function sample(n: number, temperature = 0.8): Promise<{ records: SamplesRecord[]; requests: number }> {
  const requestsSoFar = async () => ((await (await fetch(`${base}/sim/stats`)).json()) as { requests: number }).requests;
  const before = await requestsSoFar();
  const pool = await createInferencePool({ baseUrls: [`${base}/v1`], apiKey: 'EMPTY', timeoutMs: 10_000, window: 64, minWindow: 1, probeIntervalMs: 0 });
  const spec = { ...fixtures.SPEC, sampler: { ...fixtures.SPEC.sampler, samplesPerProblem: n, sampling: { ...fixtures.SPEC.sampler.sampling, temperature } } };
  const runId = `run-sampler-${n}`;
  const problem = { ...fixtures.problem(1), runId, recordId: recordIdFor(runId, 'problem', 1), instruction: new ProblemRegistry().generate(new Rng(n), 'number_theory').text };
  const handled = await handleOnce(samplerStage({ catalog }), problem, { run: fixtures.runState({ runId, spec }), pool });
  return { records: handled.records as SamplesRecord[], requests: (await requestsSoFar()) - before };
}

describe('samplerStage', () => {
  it.each([2, 5, 16])('asks for all %i samples of a problem in one request and keeps them in order', async (n) => {
    const { records, requests } = await sample(n);
    expect(requests).toBe(1);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({ kind: 'samples', recordId: `run-sampler-${n}:samples:1`, problemRecordId: `run-sampler-${n}:problem:1` });
    expect(record?.responses).toHaveLength(n);
    expect(record?.reasonings).toHaveLength(n);
    expect(record?.finishReasons).toEqual(Array.from({ length: n }, () => 'stop'));
    for (const response of record?.responses ?? []) expect(response).not.toContain('<think>');
  });

  it('samples different responses at temperature, with the run\'s sampling in the response configs', async () => {
    const { records } = await sample(5, 1.1);
    const [record] = records;
    expect(new Set(record?.reasonings).size).toBeGreaterThan(1);
    expect(record?.gen_response_configs).toMatchObject({ temperature: 1.1, top_p: fixtures.SPEC.sampler.sampling.topP, output_generator: fixtures.SPEC.sampler.model });
    expect(record?.usage.completionTokens).toBeGreaterThan(0);
  });
});
