import { describe, expect, it } from 'vitest';
import { AnyRecord, emptyRunCounts } from '@magpie/contracts';
import { ProtoMappingError } from './errors.js';
import { loadMagpieProto } from './load-magpie-proto.js';
import {
  recordFromProto,
  recordToProto,
  runCountsFromProto,
  runSpecFromProto,
  runStatusFromProto,
  runToProto,
} from './mappers.js';
import type { RecordEvent, Run } from './proto-types.js';
import { fixtures } from '@magpie/testing';

const { everyRecordKind, problem, runState, samples, solution } = fixtures;

/** Encodes and decodes through the real proto, as a record would travel from gateway to client. */
function throughWire(event: RecordEvent): RecordEvent {
  const method = loadMagpieProto().service.StreamRecords;
  if (!method) throw new Error('StreamRecords missing');
  return method.responseDeserialize(method.responseSerialize(event)) as RecordEvent;
}

describe('recordToProto / recordFromProto', () => {
  it.each(everyRecordKind().map((r) => [`${r.kind} ${r.recordId}`, r] as const))('round-trips %s exactly', (_name, record) => {
    const event = recordToProto(record, 17);
    const back = recordFromProto(throughWire(event));
    expect(back).toEqual({ cursor: 17, record });
    expect(AnyRecord.parse(back.record)).toEqual(record);
  });

  it('produces exactly the shape the client decodes', () => {
    for (const record of everyRecordKind()) {
      const event = recordToProto(record, 3);
      expect(throughWire(event)).toEqual(event);
    }
  });

  it('sends a null seed as an unset optional and a set seed as an int64 string', () => {
    expect(recordToProto(problem(0, 42), 1).problem?.gen_input_configs).toMatchObject({ seed: '42' });
    expect(throughWire(recordToProto(problem(0, null), 1)).problem?.gen_input_configs).not.toHaveProperty('seed');
  });

  it('sends a null reasoning as an unset optional and null sample reasonings as empty strings', () => {
    expect(throughWire(recordToProto(solution(0, null), 1)).solution).not.toHaveProperty('reasoning');
    expect(recordToProto(samples(0), 1).samples?.reasonings).toEqual(['r1', '', 'r3']);
  });

  it('keeps cursors beyond 32 bits', () => {
    const cursor = 2 ** 40 + 5;
    expect(throughWire(recordToProto(problem(0), cursor)).cursor).toBe(String(cursor));
    expect(recordFromProto(recordToProto(problem(0), cursor)).cursor).toBe(cursor);
  });

  it('rejects an event without a body', () => {
    const event = recordToProto(problem(0), 1);
    delete event.body;
    expect(() => recordFromProto(event)).toThrow(ProtoMappingError);
  });

  it('rejects an event whose record fails the contracts schema', () => {
    const event = recordToProto(solution(0), 1);
    if (event.solution) event.solution.finish_reason = 'exploded';
    expect(() => recordFromProto(event)).toThrow(/is invalid/);
  });

  it('rejects an invalid cursor', () => {
    expect(() => recordFromProto({ ...recordToProto(problem(0), 1), cursor: 'x' })).toThrow(ProtoMappingError);
  });
});

describe('runToProto', () => {
  it('maps a running run with empty optional strings', () => {
    const run = runToProto(runState(), { records: { problem: 3, solution: 2, samples: 1, rewards: 0, tags: 0 }, deadLettered: 4, rejections: { near_duplicate: 2 }, flags: { contaminated: 1 } });
    expect(run).toEqual<Run>({
      run_id: 'run-test_1',
      status: 'RUN_STATUS_RUNNING',
      spec: {
        domain: 'algebra',
        subtopics: ['quadratics'],
        count: 4,
        generator: { model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', sampling: { temperature: 1.2, top_p: 1, max_tokens: 1024 } },
        solver: { model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', sampling: { temperature: 0.1, top_p: 1, max_tokens: 16384 } },
        sampler: { model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', sampling: { temperature: 0.8, top_p: 0.95, max_tokens: 16384 } },
        samples_per_problem: 3,
        reward_model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1',
        seed: 7,
        pair_rule: 'majority',
        min_reward_margin: 0,
        filters: { min_chars: 10, max_chars: 4000, near_duplicate_threshold: 0.85, sanitize: false, require_math: true },
        data_quality: {
          dataset: '',
          mask_values: false,
          embedding_model: '',
          embedding_threshold: 0.975,
          decontamination: 'DECONTAMINATION_MODE_OFF',
          decontamination_ngram: 13,
          tags: false,
          tagger_model: 'meta-llama/Meta-Llama-3-8B-Instruct',
          min_quality: 'INPUT_QUALITY_GOOD',
          min_difficulty: 'DIFFICULTY_MEDIUM',
        },
      },
      counts: { problems: 3, solutions: 2, samples: 1, rewards: 0, dead_lettered: 4, rejections: { near_duplicate: 2 }, tags: 0, flags: { contaminated: 1 } },
      created_at: '2025-11-25T16:00:00.000Z',
      updated_at: '2025-11-25T16:01:00.000Z',
      finished_at: '',
      reason: '',
      client_request_id: '',
    });
  });

  it.each([
    ['succeeded', 'RUN_STATUS_SUCCEEDED'],
    ['failed', 'RUN_STATUS_FAILED'],
    ['cancelled', 'RUN_STATUS_CANCELLED'],
  ] as const)('maps status %s to %s and keeps the optional strings', (status, name) => {
    const state = runState({ status, finishedAt: '2025-11-25T17:00:00.000Z', reason: 'why', clientRequestId: 'req-1' });
    const run = runToProto(state, emptyRunCounts());
    expect(run).toMatchObject({ status: name, finished_at: '2025-11-25T17:00:00.000Z', reason: 'why', client_request_id: 'req-1' });
    expect(runStatusFromProto(run.status)).toBe(status);
  });

  it('survives the wire and maps the spec back', () => {
    const method = loadMagpieProto().service.GetRun;
    if (!method) throw new Error('GetRun missing');
    const run = runToProto(runState(), { records: { problem: 1, solution: 1, samples: 1, rewards: 1, tags: 0 }, deadLettered: 0, rejections: {}, flags: {} });
    const decoded = method.responseDeserialize(method.responseSerialize(run)) as Run;
    expect(decoded).toEqual(run);
    if (!decoded.spec) throw new Error('spec missing');
    expect(runSpecFromProto(decoded.spec)).toEqual(runState().spec);
  });

  it('carries the whole count model there and back, dropping reasons this version does not know', () => {
    const counts = { records: { problem: 5, solution: 4, samples: 3, rewards: 2, tags: 5 }, deadLettered: 1, rejections: { empty: 2, too_long: 1 }, flags: { quality_below_minimum: 2 } };
    const method = loadMagpieProto().service.GetRun;
    if (!method) throw new Error('GetRun missing');
    const decoded = method.responseDeserialize(method.responseSerialize(runToProto(runState(), counts))) as Run;
    expect(runCountsFromProto(decoded.counts)).toEqual(counts);
    expect(runCountsFromProto({ ...decoded.counts, rejections: { empty: 2, cosmic_rays: 9 } } as Run['counts'])).toMatchObject({ rejections: { empty: 2 } });
    expect(runCountsFromProto(null)).toEqual(emptyRunCounts());
  });

  it('rejects RUN_STATUS_UNSPECIFIED', () => {
    expect(() => runStatusFromProto('RUN_STATUS_UNSPECIFIED')).toThrow(ProtoMappingError);
  });
});
