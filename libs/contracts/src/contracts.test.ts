import { describe, expect, it } from 'vitest';
import { AnyRecord, recordIdFor } from './records.js';
import { RunSpec } from './run-spec.js';
import { RunFinished } from './run-events.js';
import { emptyQualitySummary } from './quality-summary.js';
import { seedScope } from './seed-scope.js';
import { MsgIds, Subjects, rewardJoinKey, runIdOfSubject } from './subjects.js';

const problem = {
  schemaVersion: 1,
  kind: 'problem',
  runId: 'run-1',
  recordId: recordIdFor('run-1', 'problem', 3),
  id: 3,
  domain: 'algebra',
  subtopic: 'quadratics',
  pre_query_template: '<bos><User>',
  instruction: 'Solve x^2 = 4.',
  response: null,
  created: 1_700_000_000,
  gen_input_configs: { temperature: 1.2, top_p: 1, input_generator: 'm', seed: 42 },
  gen_response_configs: null,
  finishReason: 'stop',
  usage: { promptTokens: 10, completionTokens: 8 },
};

describe('records', () => {
  it("accept a problem with Magpie's fields", () => {
    expect(AnyRecord.parse(problem)).toMatchObject({ kind: 'problem', id: 3 });
  });

  it('reject an empty instruction, a wrong schema version and an unknown kind', () => {
    expect(AnyRecord.safeParse({ ...problem, instruction: '' }).success).toBe(false);
    expect(AnyRecord.safeParse({ ...problem, schemaVersion: 2 }).success).toBe(false);
    expect(AnyRecord.safeParse({ ...problem, kind: 'other' }).success).toBe(false);
  });

  it('require exactly two messages in a preference pair', () => {
    const rewards = {
      schemaVersion: 1,
      kind: 'rewards',
      runId: 'run-1',
      recordId: 'run-1:rewards:3',
      id: 3,
      problemRecordId: 'run-1:problem:3',
      samplesRecordId: 'run-1:samples:3',
      rewards_armorm: [{ score: 1 }],
      chosen: [{ role: 'user', content: 'q' }],
      rejected: [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: 'a' },
      ],
      reward_model: 'r',
    };
    expect(AnyRecord.safeParse(rewards).success).toBe(false);
  });

  it('have deterministic ids', () => {
    expect(recordIdFor('run-1', 'solution', 7)).toBe('run-1:solution:7');
  });
});

const sampling = { temperature: 1, topP: 1, maxTokens: 10 };
/** A minimal valid spec (contracts cannot use the testing lib's fixtures: it depends on them). */
const SPEC_INPUT = {
  domain: 'algebra',
  subtopics: [],
  count: 1,
  generator: { model: 'm', sampling },
  solver: { model: 'm', sampling },
  sampler: { model: 'm', sampling, samplesPerProblem: 5 },
  reward: { model: 'r', pairRule: 'correctness', minRewardMargin: 0 },
  filters: { minChars: 10, maxChars: 4000, nearDuplicateThreshold: 0.85, sanitize: false, requireMath: true },
  quality: { verifyShare: 0.6, stylePairs: false, adaptiveSampling: null },
  seed: 1,
};

describe('run spec', () => {
  it('refuses a count below one and a seed beyond 31 bits', () => {
    const spec = SPEC_INPUT;
    expect(RunSpec.safeParse(spec).success).toBe(true);
    expect(RunSpec.safeParse({ ...spec, count: 0 }).success).toBe(false);
    expect(RunSpec.safeParse({ ...spec, seed: 2 ** 31 }).success).toBe(false);
    expect(RunSpec.safeParse({ ...spec, quality: { ...spec.quality, verifyShare: 0 } }).success).toBe(false);
    expect(RunSpec.safeParse({ ...spec, quality: { ...spec.quality, adaptiveSampling: { initialSamples: 3, maxSamples: 8 } } }).success).toBe(true);
    const inverted = RunSpec.safeParse({ ...spec, quality: { ...spec.quality, adaptiveSampling: { initialSamples: 8, maxSamples: 8 } } });
    expect(inverted.error?.issues[0]?.path).toEqual(['quality', 'adaptiveSampling', 'initialSamples']);
    expect(RunSpec.safeParse({ ...spec, reward: { ...spec.reward, pairRule: 'majority' } }).success).toBe(false);
  });

  it('scopes seeds by the fields that shape each stage, never by run-specific ones', () => {
    const spec = RunSpec.parse({ ...SPEC_INPUT, count: 10 });
    const other = { ...spec, count: 500, reward: { ...spec.reward, pairRule: 'magpie' as const }, quality: { ...spec.quality, stylePairs: true } };
    // A copy with its keys in another order is the same spec.
    const reordered = Object.fromEntries(Object.entries(spec).reverse()) as typeof spec;
    for (const stage of ['generator', 'solver', 'sampler'] as const) {
      expect(seedScope(other, stage)).toBe(seedScope(spec, stage));
      expect(seedScope(reordered, stage)).toBe(seedScope(spec, stage));
    }
    expect(seedScope({ ...spec, sampler: { ...spec.sampler, samplesPerProblem: 8 } }, 'sampler')).toBe(seedScope(spec, 'sampler'));
    expect(seedScope({ ...spec, domain: 'calculus' }, 'generator')).not.toBe(seedScope(spec, 'generator'));
    expect(seedScope({ ...spec, solver: { ...spec.solver, sampling: { ...sampling, temperature: 0.5 } } }, 'solver')).not.toBe(seedScope(spec, 'solver'));
    expect(seedScope(spec, 'solver')).not.toBe(seedScope(spec, 'sampler'));
  });

  it('never reports a finished run as running', () => {
    const counts = { records: { problem: 1, solution: 1, samples: 1, rewards: 1 }, deadLettered: 0, rejections: { empty: 2 }, quality: emptyQualitySummary() };
    const base = { schemaVersion: 2, runId: 'run-1', counts, finishedAt: new Date().toISOString() };
    expect(RunFinished.safeParse({ ...base, status: 'succeeded' }).success).toBe(true);
    expect(RunFinished.safeParse({ ...base, status: 'running' }).success).toBe(false);
  });
});

describe('subject catalog', () => {
  it('puts the run id in a fixed token of every per-run subject', () => {
    for (const subject of [
      Subjects.record('run-9', 'problem'),
      Subjects.runEvent('run-9', 'finished'),
      Subjects.genTask('run-9'),
      Subjects.deadLetter('run-9', 'solver'),
      Subjects.qualityCounter('run-9', { facet: 'pair_skipped', value: 'all_agree' }),
    ]) {
      expect(runIdOfSubject(subject)).toBe('run-9');
    }
  });

  it('builds wildcard filters per kind and per run', () => {
    expect(Subjects.recordsOfKind('samples')).toBe('records.v1.*.samples');
    expect(Subjects.recordsOfRun('run-9')).toBe('records.v1.run-9.>');
  });

  it('derives message ids from identity, never from time', () => {
    expect(MsgIds.runEvent('run-9', 'finished')).toBe('run-9:finished');
    expect(MsgIds.genTask('run-9', 2)).toBe(MsgIds.genTask('run-9', 2));
    expect(MsgIds.qualityCounter('run-9', 4, { facet: 'sft', value: 'verified' })).toBe('run-9:quality:4:sft');
    expect(MsgIds.qualityCounter('run-9', 4, { facet: 'sft', value: 'no_answer' })).toBe('run-9:quality:4:sft');
    expect(MsgIds.qualityCounter('run-9', 4, { facet: 'tokens', value: 'saved' })).toBe('run-9:quality:4:tokens.saved');
    expect(rewardJoinKey('run-9', 4)).toBe('run-9.4');
  });
});
