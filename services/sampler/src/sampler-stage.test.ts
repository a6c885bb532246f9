import { createAnswerChecker, finalAnswerOf } from '@magpie/answers';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { RUN_SPEC_DEFAULTS, Subjects, recordIdFor, type RunSpec, type SamplesRecord } from '@magpie/contracts';
import { createInferencePool } from '@magpie/llm';
import { LlmSimulator, ProblemRegistry, Rng } from '@magpie/llm-sim';
import { handleOnce, type HandledMessage } from '@magpie/stage';
import { SIM_IDEAL, fixtures } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplerStage } from './sampler-stage.js';

const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const checker = createAnswerChecker();
// Two simulators: one right half of the time, one always right (so its samples always agree).
const sims = { half: new LlmSimulator({ catalog, seed: 8, accuracy: 0.5, ...SIM_IDEAL }), right: new LlmSimulator({ catalog, seed: 8, accuracy: 1, ...SIM_IDEAL }) };
const base: Record<keyof typeof sims, string> = { half: '', right: '' };
beforeAll(async () => {
  base.half = `http://127.0.0.1:${await sims.half.start()}`;
  base.right = `http://127.0.0.1:${await sims.right.start()}`;
});
afterAll(async () => {
  await sims.half.stop();
  await sims.right.stop();
});

interface Sampled {
  readonly records: SamplesRecord[];
  readonly handled: HandledMessage;
  readonly requests: number;
}

/** Samples for one simulator problem under `spec`, and the simulator's request count. */
async function sample(spec: RunSpec, options: { sim?: keyof typeof sims; problemSeed?: number; runId?: string } = {}): Promise<Sampled> {
  const url = base[options.sim ?? 'half'];
  const requestsSoFar = async () => ((await (await fetch(`${url}/sim/stats`)).json()) as { requests: number }).requests;
  const before = await requestsSoFar();
  const pool = await createInferencePool({ baseUrls: [`${url}/v1`], apiKey: 'EMPTY', timeoutMs: 10_000, window: 64, minWindow: 1, probeIntervalMs: 0 });
  const runId = options.runId ?? 'run-sampler';
  const instruction = new ProblemRegistry().generate(new Rng(options.problemSeed ?? spec.sampler.samplesPerProblem), 'number_theory').text;
  const problem = { ...fixtures.problem(1), runId, recordId: recordIdFor(runId, 'problem', 1), instruction };
  const handled = await handleOnce(samplerStage({ catalog, checker }), problem, { run: fixtures.runState({ runId, spec }), pool });
  return { records: handled.records as SamplesRecord[], handled, requests: (await requestsSoFar()) - before };
}

function withSamples(n: number, temperature = 0.8): RunSpec {
  return { ...fixtures.SPEC, sampler: { ...fixtures.SPEC.sampler, samplesPerProblem: n, sampling: { ...fixtures.SPEC.sampler.sampling, temperature } } };
}

const adaptive: RunSpec = { ...fixtures.SPEC, quality: { ...fixtures.SPEC.quality, adaptiveSampling: RUN_SPEC_DEFAULTS.adaptiveSampling } };

describe('samplerStage', () => {
  it.each([2, 5, 16])('asks for all %i samples of a problem in one request and keeps them in order', async (n) => {
    const { records, requests } = await sample(withSamples(n), { runId: `run-sampler-${n}` });
    expect(requests).toBe(1);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({ kind: 'samples', recordId: `run-sampler-${n}:samples:1`, problemRecordId: `run-sampler-${n}:problem:1`, adaptive: null });
    expect(record?.responses).toHaveLength(n);
    expect(record?.reasonings).toHaveLength(n);
    expect(record?.seeds).toHaveLength(1);
    expect(record?.finishReasons).toEqual(Array.from({ length: n }, () => 'stop'));
    for (const response of record?.responses ?? []) expect(response).not.toContain('<think>');
  });

  it("samples different responses at temperature, with the run's sampling in the response configs", async () => {
    const { records } = await sample(withSamples(5, 1.1));
    const [record] = records;
    expect(new Set(record?.reasonings).size).toBeGreaterThan(1);
    expect(record?.gen_response_configs).toMatchObject({ temperature: 1.1, top_p: fixtures.SPEC.sampler.sampling.topP, output_generator: fixtures.SPEC.sampler.model });
    expect(record?.usage.completionTokens).toBeGreaterThan(0);
  });

  it('draws the same samples in a new run with the same seed and spec: the seed comes from the slot, not the run id', async () => {
    const [a] = (await sample(withSamples(5), { runId: 'run-sampler-a' })).records;
    const [b] = (await sample(withSamples(5), { runId: 'run-sampler-b' })).records;
    expect(b?.seeds).toEqual(a?.seeds);
    expect(b?.responses).toEqual(a?.responses);
  });
});

describe('adaptive sampling', () => {
  it('stops after 3 samples that agree, estimating the 5 it did not draw at the mean of the 3', async () => {
    const { records, handled, requests } = await sample(adaptive, { sim: 'right' });
    const [record] = records;
    expect(requests).toBe(1);
    expect(record?.responses).toHaveLength(3);
    const saved = Math.round((5 * (record?.usage.completionTokens ?? 0)) / 3);
    expect(record?.adaptive).toEqual({ initialSamples: 3, maxSamples: 8, extended: false, completionTokensSaved: saved, extensionPromptTokens: 0 });
    const runId = 'run-sampler';
    expect([...handled.increments.values()]).toEqual([
      { subject: Subjects.qualityCounter(runId, { facet: 'sampling', value: 'stopped' }), delta: 1 },
      { subject: Subjects.qualityCounter(runId, { facet: 'tokens', value: 'saved' }), delta: saved },
    ]);
    // The adaptive run's first samples are the fixed run's first samples: same seed, same choices.
    const fixed = (await sample(withSamples(8), { sim: 'right', problemSeed: 3 })).records[0];
    expect(fixed?.responses.slice(0, 3)).toEqual(record?.responses);
  });

  it('extends to 8 samples in one more request, with its own seed, when the first 3 do not all agree', async () => {
    // Find a problem whose first three samples disagree on the half-right simulator.
    let found: Sampled | undefined;
    for (let problemSeed = 1; problemSeed < 40 && !found; problemSeed++) {
      const attempt = await sample(adaptive, { problemSeed });
      if (attempt.records[0]?.adaptive?.extended) found = attempt;
    }
    const record = found?.records[0];
    expect(found?.requests).toBe(2);
    expect(record?.responses).toHaveLength(8);
    expect(record?.finishReasons).toHaveLength(8);
    expect(new Set(record?.seeds).size).toBe(2);
    const firstThree = (record?.responses ?? []).slice(0, 3).map((r, i) => finalAnswerOf(r, record?.finishReasons[i]));
    expect(firstThree.every((a) => a !== null && checker.equal(a, firstThree[0] ?? ''))).toBe(false);
    expect(record?.adaptive).toMatchObject({ initialSamples: 3, maxSamples: 8, extended: true, completionTokensSaved: 0 });
    expect(record?.adaptive?.extensionPromptTokens).toBeGreaterThan(0);
    expect([...(found?.handled.increments.values() ?? [])].map((i) => i.subject)).toEqual([
      Subjects.qualityCounter('run-sampler', { facet: 'sampling', value: 'extended' }),
      Subjects.qualityCounter('run-sampler', { facet: 'tokens', value: 'extension_prompt' }),
    ]);
  });
});
