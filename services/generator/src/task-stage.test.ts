import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PermanentError, TransientError, connectNats, type NatsConnection } from '@magpie/bus';
import { DEFAULT_CONFIG_DIR, loadCatalog, renderPreQuery } from '@magpie/catalog';
import { recordIdFor, type FlaggedRecord, type GenerationTask, type ProblemRecord, type RejectedInstruction, type RunSpec } from '@magpie/contracts';
import { createInferencePool, type BackendPool, type InferenceClient } from '@magpie/llm';
import { LlmSimulator } from '@magpie/llm-sim';
import { handleOnce, type HandledMessage } from '@magpie/stage';
import { NatsServerFixture, SIM_IDEAL, fixtures } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBenchmarkDir } from './decontamination/benchmark-files.js';
import { Decontaminator } from './decontamination/decontaminator.js';
import { KvDedupLog } from './dedup/dedup-log-store.js';
import { indexProblem } from './dedup/indexed-problem.js';
import { SharedDedupIndex } from './dedup/shared-dedup-index.js';
import { taskStage, topicForTask } from './task-stage.js';

// fillTask against the simulator's /v1/completions over HTTP (half of its choices come back
// empty, as real models' do, so every task has to top up) and the duplicate index in a real
// nats-server's KV.
const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const sims = { someEmpty: new LlmSimulator({ catalog, seed: 4, emptyRate: 0.5, ...SIM_IDEAL }), allEmpty: new LlmSimulator({ catalog, seed: 4, emptyRate: 1, ...SIM_IDEAL }) };
const pools = {} as Record<keyof typeof sims, BackendPool<InferenceClient>>;
const runId = 'run-generator';
const run = fixtures.runState({ runId, spec: { ...fixtures.SPEC, subtopics: [], count: 20 } });
const task: GenerationTask = { schemaVersion: 1, runId, taskIndex: 2, slotStart: 10, slotCount: 5 };

let nats: NatsServerFixture;
let nc: NatsConnection;
let log: KvDedupLog;
let runs = 0;

beforeAll(async () => {
  nats = await NatsServerFixture.start();
  nc = await connectNats({ servers: nats.url, name: 'task-stage-test' });
  log = await KvDedupLog.open(nc, { retentionMs: 3_600_000 });
  for (const name of Object.keys(sims) as (keyof typeof sims)[]) {
    const port = await sims[name].start();
    pools[name] = await createInferencePool({ baseUrls: [`http://127.0.0.1:${port}/v1`], apiKey: 'EMPTY', timeoutMs: 10_000, window: 256, minWindow: 1, probeIntervalMs: 0 });
  }
});
afterAll(async () => {
  await Promise.all(Object.values(sims).map((s) => s.stop()));
  await nc.close();
  await nats.stop();
});

/** A generator's duplicate index over the shared KV log (a new one is a restarted generator). */
function registry(): SharedDedupIndex {
  return new SharedDedupIndex({ log });
}

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/decontamination');

interface FillOptions {
  readonly pool?: keyof typeof sims;
  readonly dedup?: SharedDedupIndex;
  readonly maxAttempts?: number;
  readonly isActive?: () => Promise<boolean>;
  readonly decontaminator?: Decontaminator;
  /** Another run id (each test its own scope unless it shares one on purpose). */
  readonly runId?: string;
  readonly spec?: Partial<RunSpec>;
}

function fill(options: FillOptions = {}): Promise<HandledMessage> {
  const stage = taskStage({ catalog, dedup: options.dedup ?? registry(), decontaminator: options.decontaminator, maxAttempts: options.maxAttempts ?? 8, slotsPerTask: 25 });
  const id = options.runId ?? runId;
  const state = fixtures.runState({ runId: id, spec: { ...run.spec, ...options.spec } });
  return handleOnce(stage, { ...task, runId: id }, { run: state, pool: pools[options.pool ?? 'someEmpty'], ...(options.isActive ? { isActive: options.isActive } : {}) });
}

/** A fresh run id, so a test's problems start from an empty duplicate index. */
const freshRun = () => `run-generator-${++runs}`;

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

  it('rejects twins that another replica already accepted for the run and tops the slots up from later attempts', async () => {
    const runId = freshRun();
    // What attempt 0 of this task will generate, learnt under a throwaway dataset's index.
    const probe = (await fill({ runId, spec: { dataset: `probe-${runId}` } })).records as ProblemRecord[];
    // Another replica accepted the same texts for slots 0-4 of the run.
    await registry().screen({
      scope: `run.${runId}`,
      settings: { jaccardThreshold: 0.85, maskValues: false, embeddingModel: null, embeddingThreshold: 0.975 },
      candidates: probe.map((p, i) => indexProblem(`c${i}`, p.instruction)),
      slots: [0, 1, 2, 3, 4].map((i) => recordIdFor(runId, 'problem', i)),
    });
    const handled = await fill({ runId });
    const duplicates = rejectionsOf(handled).filter((r) => r.reason === 'exact_duplicate');
    // The same request seeds give the probe's choices again: each is rejected, naming its slot.
    expect(duplicates.length).toBeGreaterThan(0);
    const twinIds = [0, 1, 2, 3, 4].map((i) => recordIdFor(runId, 'problem', i));
    for (const d of duplicates) expect(d.evidence).toEqual({ twinRecordId: twinIds[probe.findIndex((p) => p.instruction === d.instruction.trim())], similarity: 1, method: 'exact' });
    const problems = handled.records as ProblemRecord[];
    expect(problems.map((p) => p.id)).toEqual([10, 11, 12, 13, 14]);
    for (const p of problems) expect(probe.map((s) => s.instruction)).not.toContain(p.instruction);
  });

  it('removes problems that overlap a benchmark, with the item as evidence, and refills their slots', async () => {
    const runId = freshRun();
    const probe = (await fill({ runId, spec: { dataset: `probe-${runId}` } })).records as ProblemRecord[];
    const benchmark = new Decontaminator([{ file: 'bench.jsonl', line: 7, itemId: 'b-7', text: (probe[0] as ProblemRecord).instruction }], 'test');
    const handled = await fill({ runId, decontaminator: benchmark, spec: { decontamination: { mode: 'remove', ngram: 13 } } });
    const contaminated = rejectionsOf(handled).filter((r) => r.reason === 'contaminated');
    expect(contaminated).toHaveLength(1);
    expect(contaminated[0]?.evidence.contamination).toMatchObject({ file: 'bench.jsonl', line: 7, itemId: 'b-7', n: 13 });
    expect(handled.messages.find((m) => m.subject === `rejections.v1.${runId}.contaminated`)).toBeDefined();
    expect((handled.records as ProblemRecord[]).map((p) => p.instruction)).not.toContain((probe[0] as ProblemRecord).instruction);
    expect(handled.records).toHaveLength(5);
  });

  it('in flag mode keeps the problem with its evidence and publishes a contaminated flag', async () => {
    const runId = freshRun();
    const probe = (await fill({ runId, spec: { dataset: `probe-${runId}` } })).records as ProblemRecord[];
    const benchmark = new Decontaminator([{ file: 'bench.jsonl', line: 2, itemId: null, text: (probe[1] as ProblemRecord).instruction }], 'test');
    const handled = await fill({ runId, decontaminator: benchmark, spec: { decontamination: { mode: 'flag', ngram: 13 } } });
    const problems = handled.records as ProblemRecord[];
    expect(problems.map((p) => p.instruction)).toEqual(probe.map((p) => p.instruction));
    expect(problems[1]?.contamination).toMatchObject({ file: 'bench.jsonl', line: 2, itemId: null });
    expect(problems.filter((p) => p.contamination)).toHaveLength(1);
    const flags = handled.messages.filter((m) => m.subject === `flags.v1.${runId}.contaminated`);
    expect(flags.map((m) => [m.msgId, (m.payload as FlaggedRecord).recordId])).toEqual([[`${problems[1]?.recordId}:flag:contaminated`, problems[1]?.recordId]]);
  });

  it('fails the run at once when it asks for decontamination and no benchmark is loaded', async () => {
    const error = await fill({ runId: freshRun(), spec: { decontamination: { mode: 'remove', ngram: 13 } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect(String(error)).toMatch(/DECONTAMINATION_DIR/);
    // The shipped fixture loads, and does not overlap the ideal profile's problems.
    const clean = await fill({ runId: freshRun(), decontaminator: new Decontaminator(readBenchmarkDir(FIXTURE), FIXTURE), spec: { decontamination: { mode: 'remove', ngram: 13 } } });
    expect(rejectionsOf(clean).filter((r) => r.reason === 'contaminated')).toEqual([]);
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
