import { Readable } from 'node:stream';
import { TransientError } from '@magpie/bus';
import { DEFAULT_CONFIG_DIR, loadCatalog, renderPreQuery } from '@magpie/catalog';
import { recordIdFor, type GenerationTask, type ProblemRecord, type RejectedInstruction } from '@magpie/contracts';
import { createInferencePool, type BackendPool, type InferenceClient } from '@magpie/llm';
import { LlmSimulator } from '@magpie/llm-sim';
import { handleOnce, type HandledMessage } from '@magpie/stage';
import { SIM_IDEAL, fixtures } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunDedupRegistry } from './run-dedup-registry.js';
import { taskStage, topicForTask } from './task-stage.js';

// fillTask against the simulator's /v1/completions over HTTP: half of its choices come back
// empty, as real models' do, so every task has to top up.
const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const sims = { someEmpty: new LlmSimulator({ catalog, seed: 4, emptyRate: 0.5, ...SIM_IDEAL }), allEmpty: new LlmSimulator({ catalog, seed: 4, emptyRate: 1, ...SIM_IDEAL }) };
const pools = {} as Record<keyof typeof sims, BackendPool<InferenceClient>>;
const runId = 'run-generator';
const run = fixtures.runState({ runId, spec: { ...fixtures.SPEC, subtopics: [], count: 20 } });
const task: GenerationTask = { schemaVersion: 1, runId, taskIndex: 2, slotStart: 10, slotCount: 5 };

beforeAll(async () => {
  for (const name of Object.keys(sims) as (keyof typeof sims)[]) {
    const port = await sims[name].start();
    pools[name] = await createInferencePool({ baseUrls: [`http://127.0.0.1:${port}/v1`], apiKey: 'EMPTY', timeoutMs: 10_000, window: 256, minWindow: 1, probeIntervalMs: 0 });
  }
});
afterAll(() => Promise.all(Object.values(sims).map((s) => s.stop())));

/** A registry whose "stored" problems are `stored`, as a restarted generator would rebuild it. */
function registry(stored: readonly ProblemRecord[] = []): RunDedupRegistry {
  return new RunDedupRegistry({ storedProblems: () => Readable.from(stored.map((record) => ({ record }))) });
}

function fill(options: { pool?: keyof typeof sims; dedup?: RunDedupRegistry; maxAttempts?: number; isActive?: () => Promise<boolean> } = {}): Promise<HandledMessage> {
  const stage = taskStage({ catalog, dedup: options.dedup ?? registry(), maxAttempts: options.maxAttempts ?? 8, slotsPerTask: 25 });
  return handleOnce(stage, task, { run, pool: pools[options.pool ?? 'someEmpty'], ...(options.isActive ? { isActive: options.isActive } : {}) });
}

const rejectionsOf = (handled: HandledMessage) => handled.messages.map((m) => m.payload as RejectedInstruction);

describe('fillTask', () => {
  it("fills exactly its slots with Magpie's problem records, steering the task's subtopic", async () => {
    const handled = await fill();
    const problems = handled.records as ProblemRecord[];
    expect(problems.map((p) => p.id)).toEqual([10, 11, 12, 13, 14]);
    expect(problems.map((p) => p.recordId)).toEqual([10, 11, 12, 13, 14].map((id) => recordIdFor(runId, 'problem', id)));
    const subtopic = topicForTask(run.spec, catalog, task);
    const model = catalog.models.get(run.spec.generator.model);
    for (const p of problems) {
      expect(p).toMatchObject({ kind: 'problem', domain: 'algebra', subtopic: subtopic.name, response: null, gen_response_configs: null, finishReason: 'stop' });
      expect(p.pre_query_template).toBe(renderPreQuery(model, subtopic.systemPrompt).prompt);
      expect(p.gen_input_configs).toMatchObject({ temperature: run.spec.generator.sampling.temperature, top_p: run.spec.generator.sampling.topP, input_generator: model.id });
      expect(p.instruction.trim().length).toBeGreaterThan(run.spec.filters.minChars);
    }
    expect(new Set(problems.map((p) => p.instruction)).size).toBe(5);
    expect(handled.usage).toHaveLength(5);
  });

  it("takes a mixed run's domain, subtopics and instruction temperature from the share holding the task's slots", () => {
    const spec = {
      ...run.spec,
      domain: 'mixed',
      subtopics: [],
      domainMix: [
        { domain: 'algebra', count: 10, firstSlot: 0, subtopics: ['quadratics'], instructionTemperature: 1.3 },
        { domain: 'geometry', count: 10, firstSlot: 10, subtopics: [], instructionTemperature: 1.1 },
      ],
    };
    expect(topicForTask(spec, catalog, { taskIndex: 0, slotStart: 5 })).toMatchObject({ domain: 'algebra', name: 'quadratics', temperature: 1.3 });
    const geometry = catalog.domains.get('geometry').subtopics.map((s) => s.name);
    expect(topicForTask(spec, catalog, { taskIndex: 3, slotStart: 10 })).toMatchObject({ domain: 'geometry', name: geometry[3 % geometry.length], temperature: 1.1 });
  });

  it('records every dropped choice with its reason under a deterministic id', async () => {
    const handled = await fill();
    const rejected = rejectionsOf(handled);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((r) => r.reason === 'empty' && r.taskIndex === 2)).toBe(true);
    expect(handled.messages.map((m) => m.subject)).toEqual(rejected.map(() => `rejections.v1.${runId}.empty`));
    expect(handled.messages.map((m) => m.msgId)).toEqual(rejected.map((r) => `${runId}:rejected:2:${r.attempt}:${r.choiceIndex}`));
  });

  it('writes the same records again when the task is redelivered, so the publishes are deduplicated', async () => {
    const dedup = registry();
    const first = await fill({ dedup });
    const again = await fill({ dedup });
    const strip = (h: HandledMessage) => (h.records as ProblemRecord[]).map(({ created: _created, ...p }) => p);
    expect(strip(again)).toEqual(strip(first));
    expect(again.messages.map((m) => m.msgId)).toEqual(first.messages.map((m) => m.msgId));
  });

  it('rejects twins of problems the run already stored and tops the slots up from later attempts', async () => {
    const first = (await fill()).records as ProblemRecord[];
    // The same texts stored under other slots: every choice of attempt 0 repeats one of them.
    const stored = first.map((p, i) => ({ ...p, id: i, recordId: recordIdFor(runId, 'problem', i) }));
    const handled = await fill({ dedup: registry(stored) });
    const duplicates = rejectionsOf(handled).filter((r) => r.reason === 'exact_duplicate');
    expect(duplicates.map((r) => r.evidence.twinRecordId)).toEqual(expect.arrayContaining(stored.map((p) => p.recordId)));
    // Attempt 0 repeats the first run's request, so none of its five choices could be kept.
    expect(rejectionsOf(handled).filter((r) => r.attempt === 0)).toHaveLength(5);
    const problems = handled.records as ProblemRecord[];
    expect(problems.map((p) => p.id)).toEqual([10, 11, 12, 13, 14]);
    for (const p of problems) expect(stored.map((s) => s.instruction)).not.toContain(p.instruction);
  });

  it('gives up with a retryable error naming what it filled when every attempt is rejected', async () => {
    const error = await fill({ pool: 'allEmpty', maxAttempts: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(String(error)).toMatch(/task 2 of run-generator filled 0\/5 slots after 2 attempts \(rejected: \{"empty":\d+\}\)/);
  });

  it('stops asking the backend once the run is no longer active', async () => {
    const handled = await fill({ isActive: () => Promise.resolve(false) });
    expect(handled.records).toEqual([]);
    expect(handled.messages).toEqual([]);
  });
});
