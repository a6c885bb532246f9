import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { recordIdFor, type ProblemRecord, type SolutionRecord } from '@magpie/contracts';
import { createInferencePool, type BackendPool, type InferenceClient } from '@magpie/llm';
import { LlmSimulator, ProblemRegistry, Rng } from '@magpie/llm-sim';
import { handleOnce } from '@magpie/stage';
import { SIM_IDEAL, fixtures } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solverStage } from './solver-stage.js';

// The handler against the simulator over real HTTP, outside NATS (handleOnce keeps what it publishes).
const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const sim = new LlmSimulator({ catalog, seed: 21, accuracy: 1, ...SIM_IDEAL });
let pool: BackendPool<InferenceClient>;
const runId = 'run-solver';
const run = fixtures.runState({ runId });
const generated = new ProblemRegistry().generate(new Rng(3), 'algebra');
const problem: ProblemRecord = { ...fixtures.problem(3), runId, recordId: recordIdFor(runId, 'problem', 3), instruction: generated.text };

beforeAll(async () => {
  pool = await createInferencePool({ baseUrls: [`http://127.0.0.1:${await sim.start()}/v1`], apiKey: 'EMPTY', timeoutMs: 10_000, window: 4, minWindow: 1, probeIntervalMs: 0 });
});
afterAll(() => sim.stop());

async function solution(options: { run?: typeof run; signal?: AbortSignal } = {}): Promise<SolutionRecord[]> {
  const handled = await handleOnce(solverStage({ catalog }), problem, { run: options.run ?? run, pool, ...(options.signal ? { signal: options.signal } : {}) });
  return handled.records as SolutionRecord[];
}

describe('solverStage', () => {
  it("writes one solution with the reasoning apart, the boxed final answer and Magpie's response configs", async () => {
    const [record, ...more] = await solution();
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      kind: 'solution',
      runId,
      recordId: `${runId}:solution:3`,
      id: 3,
      problemRecordId: problem.recordId,
      instruction: generated.text,
      finishReason: 'stop',
      gen_response_configs: {
        temperature: run.spec.solver.sampling.temperature,
        max_tokens: run.spec.solver.sampling.maxTokens,
        output_generator: run.spec.solver.model,
        stop_tokens: catalog.models.get(run.spec.solver.model).stopTokens,
        engine: 'vllm',
      },
    });
    // DeepSeek-R1 thinks in <think>: the trace goes to `reasoning`, the answer stays in `response`.
    expect(record?.reasoning?.length).toBeGreaterThan(0);
    expect(record?.response).not.toContain('<think>');
    expect(record?.answer).not.toBeNull();
    expect(record?.response).toContain(`\\boxed{${record?.answer ?? ''}}`);
    expect(record?.usage.completionTokens).toBeGreaterThan(0);
  });

  it('gives the same solution for the same problem and run seed, and another for another seed', async () => {
    const again = await solution();
    expect(again).toEqual(await solution());
    const reseeded = await solution({ run: { ...run, spec: { ...run.spec, seed: run.spec.seed + 1 } } });
    expect(reseeded[0]?.reasoning).not.toBe(again[0]?.reasoning);
  });

  it('derives its seed from the run seed, the solver settings and the slot, never the run id, and records it', async () => {
    const [first] = await solution();
    const rerun = fixtures.runState({ runId: 'run-solver-rerun' });
    const again = { ...problem, runId: rerun.runId, recordId: recordIdFor(rerun.runId, 'problem', problem.id) };
    const [second] = (await handleOnce(solverStage({ catalog }), again, { run: rerun, pool })).records as SolutionRecord[];
    expect(second?.seed).toBe(first?.seed);
    expect(second?.reasoning).toBe(first?.reasoning);
    expect(second?.recordId).toBe(`${rerun.runId}:solution:3`);
    // Another pair rule does not change the solver's requests.
    const magpie = { ...run, spec: { ...run.spec, reward: { ...run.spec.reward, pairRule: 'magpie' as const } } };
    expect((await solution({ run: magpie }))[0]?.seed).toBe(first?.seed);
  });

  it('marks a solution cut off inside its reasoning as truncated', async () => {
    const short = { ...run, spec: { ...run.spec, solver: { ...run.spec.solver, sampling: { ...run.spec.solver.sampling, maxTokens: 8 } } } };
    const [record] = await solution({ run: short });
    expect(record?.finishReason).toBe('length');
    expect(record?.answer).toBeNull();
  });

  it('publishes nothing when the run ends while the call is made', async () => {
    const ended = new AbortController();
    ended.abort(new Error('run cancelled'));
    expect(await solution({ signal: ended.signal })).toEqual([]);
  });
});
