import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_CONFIG_DIR, loadCatalog, renderPreQuery } from '@magpie/catalog';
import { recordIdFor, type FlaggedRecord, type ProblemRecord, type RunSpec, type TagsRecord } from '@magpie/contracts';
import { createInferencePool, type BackendPool, type InferenceClient } from '@magpie/llm';
import { LlmSimulator } from '@magpie/llm-sim';
import { handleOnce } from '@magpie/stage';
import { SIM_IDEAL, fixtures } from '@magpie/testing';
import { DIFFICULTY_LEVELS } from '@magpie/unitag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taggerStage } from './tagger-stage.js';

// The tagger against the simulator's chat endpoint over HTTP (its ideal profile tags from the truth
// without noise), and against a server whose answers are not tag JSON.
const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const sim = new LlmSimulator({ catalog, seed: 9, ...SIM_IDEAL });
let simUrl: string;
let pool: BackendPool<InferenceClient>;
let garbled: Server;
let garbledPool: BackendPool<InferenceClient>;
const TAGGER = 'meta-llama/Meta-Llama-3-8B-Instruct';

beforeAll(async () => {
  simUrl = `http://127.0.0.1:${await sim.start()}`;
  pool = await createInferencePool({ baseUrls: [`${simUrl}/v1`], apiKey: 'EMPTY', timeoutMs: 10_000, window: 64, minWindow: 1, probeIntervalMs: 0 });
  garbled = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: TAGGER, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'I would rate this query as quite good overall.' } }], usage: { prompt_tokens: 5, completion_tokens: 9 } }));
    });
  });
  await new Promise<void>((resolve) => garbled.listen(0, '127.0.0.1', resolve));
  garbledPool = await createInferencePool({ baseUrls: [`http://127.0.0.1:${(garbled.address() as AddressInfo).port}/v1`], apiKey: 'EMPTY', timeoutMs: 10_000, window: 8, minWindow: 1, probeIntervalMs: 0 });
});
afterAll(async () => {
  await sim.stop();
  await new Promise<void>((resolve) => garbled.close(() => resolve()));
});

/** Problems the simulator wrote for Magpie's pre-query template, as the generator would store them. */
async function problems(count: number): Promise<ProblemRecord[]> {
  const model = catalog.models.get('deepseek-ai/DeepSeek-R1-Distill-Qwen-32B');
  const prompt = renderPreQuery(model, catalog.domains.subtopic('algebra', 'quadratics').systemPrompt);
  const res = await fetch(`${simUrl}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: model.id, prompt: prompt.prompt, n: count, temperature: 1, max_tokens: 1024, seed: 1, stop: prompt.stop }),
  });
  const body = (await res.json()) as { choices: { text: string }[] };
  return body.choices.map((c, id) => ({ ...fixtures.problem(id), instruction: c.text.trim() }));
}

const specWith = (tags: Partial<RunSpec['tags']>): RunSpec => ({ ...fixtures.SPEC, tags: { ...fixtures.SPEC.tags, ...tags } });
const tag = (problem: ProblemRecord, spec: RunSpec, on = pool) => handleOnce(taggerStage(), problem, { run: fixtures.runState({ spec }), pool: on });

describe('tagger stage', () => {
  it('leaves runs without tags alone', async () => {
    const [problem] = await problems(1);
    const handled = await tag(problem as ProblemRecord, fixtures.SPEC);
    expect(handled).toEqual({ records: [], usage: [], messages: [], increments: new Map() });
  });

  it("writes Magpie's unitag fields with the tagging model as lineage, and difficulty as the simulator knows it", async () => {
    const batch = await problems(8);
    const truth = (await (await fetch(`${simUrl}/sim/truth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ problems: batch.map((p) => p.instruction) }) })).json()) as { data: { difficulty: number | null }[] };
    let compared = 0;
    for (const [i, problem] of batch.entries()) {
      const handled = await tag(problem, specWith({ enabled: true, minQuality: null, minDifficulty: null }));
      const record = handled.records[0] as TagsRecord;
      expect(record).toMatchObject({
        kind: 'tags',
        recordId: recordIdFor(problem.runId, 'tags', problem.id),
        problemRecordId: problem.recordId,
        difficulty_generator: TAGGER,
        quality_generator: TAGGER,
        task_category_generator: TAGGER,
        task_category: 'Math',
        tagErrors: {},
        tagFilter: { passed: true, reasons: [] },
      });
      expect(record.intent).toMatch(/^The user wants to /);
      expect(record.input_quality).not.toBeNull();
      const level = truth.data[i]?.difficulty;
      if (level !== null && level !== undefined) {
        expect(record.difficulty).toBe(DIFFICULTY_LEVELS[level - 1]);
        compared++;
      }
      expect(record.usage.completionTokens).toBeGreaterThan(0);
      expect(handled.messages).toEqual([]);
    }
    expect(compared).toBeGreaterThan(4);
  });

  it("applies the run's minimums and flags what fails them", async () => {
    const [problem] = await problems(1);
    const handled = await tag(problem as ProblemRecord, specWith({ enabled: true, minQuality: 'excellent', minDifficulty: 'very hard' }));
    const record = handled.records[0] as TagsRecord;
    expect(record.tagFilter.passed).toBe(false);
    expect(record.tagFilter.reasons).toContain('difficulty_below_minimum');
    expect(handled.messages.map((m) => m.subject)).toEqual(record.tagFilter.reasons.map((r) => `flags.v1.${problem?.runId}.${r}`));
    expect(handled.messages.map((m) => (m.payload as FlaggedRecord).recordId)).toEqual(record.tagFilter.reasons.map(() => problem?.recordId));
  });

  it('keeps an unparseable answer as null fields with its error, failing the minimums as Magpie does', async () => {
    const [problem] = await problems(1);
    const handled = await tag(problem as ProblemRecord, specWith({ enabled: true }), garbledPool);
    const record = handled.records[0] as TagsRecord;
    expect(record).toMatchObject({ difficulty: null, input_quality: null, task_category: null, intent: null, other_task_category: [] });
    expect(Object.keys(record.tagErrors).sort()).toEqual(['classification', 'difficulty', 'quality']);
    expect(record.tagErrors.quality).toMatch(/quality answer/);
    expect(record.tagFilter).toEqual({ passed: false, reasons: ['quality_below_minimum', 'difficulty_below_minimum'] });
  });
});
