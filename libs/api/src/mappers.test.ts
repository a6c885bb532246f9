import { describe, expect, it } from 'vitest';
import { AnyRecord, emptyQualitySummary, emptyRunCounts, type QualitySummary } from '@magpie/contracts';
import { ProtoMappingError } from './errors.js';
import { isoFromTimestamp } from './timestamp.js';
import { loadMagpieProto } from './load-magpie-proto.js';
import { runStatusFromProto } from './enum-mappers.js';
import type { Run } from './generated/index.js';
import { recordFromProto, recordToProto, type RecordEvent } from './record-mappers.js';
import { runCountsFromProto, runSpecFromProto, runToProto } from './run-mappers.js';
import { fixtures } from '@magpie/testing';

const { everyRecordKind, problem, runState, samples, solution } = fixtures;

/** Encodes and decodes through the real proto, as a record would travel from gateway to client. */
function throughWire(event: RecordEvent): RecordEvent {
  const method = loadMagpieProto().service.StreamRecords;
  if (!method) throw new Error('StreamRecords missing');
  return method.responseDeserialize(method.responseSerialize(event));
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
    const run = runToProto(runState(), {
      records: { problem: 3, solution: 2, samples: 1, rewards: 0, tags: 0 },
      deadLettered: 4,
      rejections: { near_duplicate: 2 },
      flags: { contaminated: 1 },
      quality: emptyQualitySummary(),
    });
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
        pair_rule: 'PAIR_RULE_CORRECTNESS',
        min_reward_margin: 0,
        filters: { min_chars: 10, max_chars: 4000, near_duplicate_threshold: 0.85, sanitize: false, require_math: true },
        domain_mix: [],
        quality: {
          verify_share: 0.6,
          _verify_share: 'verify_share',
          style_pairs: false,
          _style_pairs: 'style_pairs',
          adaptive_sampling: false,
          _adaptive_sampling: 'adaptive_sampling',
          adaptive_initial_samples: 3,
          _adaptive_initial_samples: 'adaptive_initial_samples',
          adaptive_max_samples: 8,
          _adaptive_max_samples: 'adaptive_max_samples',
          keep_unverified: false,
          _keep_unverified: 'keep_unverified',
        },
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
      counts: {
        problems: 3,
        solutions: 2,
        samples: 1,
        rewards: 0,
        dead_lettered: 4,
        rejections: [{ reason: 'REJECTION_REASON_NEAR_DUPLICATE', count: 2 }],
        tags: 0,
        flags: [{ flag: 'FLAG_REASON_CONTAMINATED', count: 1 }],
      },
      created_at: { seconds: String(Date.parse('2025-11-25T16:00:00.000Z') / 1000), nanos: 0 },
      updated_at: { seconds: String(Date.parse('2025-11-25T16:01:00.000Z') / 1000), nanos: 0 },
      finished_at: null,
      reason: '',
      request_id: '',
      labels: {},
      quality: {
        agreement: { unanimous: 0, strict: 0, plurality: 0, tie: 0, no_answer: 0 },
        sft_verified: 0,
        sft_unverified: 0,
        sft_unverified_by_outcome: {},
        pairs_kept: 0,
        pairs_kept_by_kind: {},
        pairs_skipped: 0,
        pairs_skipped_by_reason: {},
        adaptive_stopped_early: 0,
        adaptive_extended: 0,
        adaptive_completion_tokens_saved: '0',
        adaptive_extension_prompt_tokens: '0',
        exact_duplicates: 0,
        near_duplicates: 0,
        contamination_flagged: 0,
        contamination_removed: 0,
      },
    });
  });

  it.each([
    ['succeeded', 'RUN_STATUS_SUCCEEDED'],
    ['failed', 'RUN_STATUS_FAILED'],
    ['cancelled', 'RUN_STATUS_CANCELLED'],
  ] as const)('maps status %s to %s and keeps the optional strings', (status, name) => {
    const state = runState({ status, finishedAt: '2025-11-25T17:00:00.000Z', reason: 'why', clientRequestId: 'req-1' });
    const run = runToProto(state, emptyRunCounts());
    expect(run).toMatchObject({ status: name, reason: 'why', request_id: 'req-1' });
    expect(isoFromTimestamp(run.finished_at)).toBe('2025-11-25T17:00:00.000Z');
    expect(runStatusFromProto(run.status)).toBe(status);
  });

  it('survives the wire and maps the spec back', () => {
    const method = loadMagpieProto().service.GetRun;
    if (!method) throw new Error('GetRun missing');
    const run = runToProto(runState(), emptyRunCounts());
    const decoded = method.responseDeserialize(method.responseSerialize({ run })).run as Run;
    expect(decoded).toEqual(run);
    if (!decoded.spec) throw new Error('spec missing');
    expect(runSpecFromProto(decoded.spec)).toEqual(runState().spec);
    const adaptive = runState({ spec: { ...runState().spec, quality: { verifyShare: 0.8, stylePairs: true, adaptiveSampling: { initialSamples: 4, maxSamples: 12 }, keepUnverified: true } } });
    const decodedAdaptive = method.responseDeserialize(method.responseSerialize({ run: runToProto(adaptive, emptyRunCounts()) })).run as Run;
    if (!decodedAdaptive.spec) throw new Error('spec missing');
    expect(runSpecFromProto(decodedAdaptive.spec)).toEqual(adaptive.spec);
  });

  it('carries the whole count model there and back, dropping reasons this version does not know', () => {
    const quality: QualitySummary = {
      agreement: { unanimous: 3, strict: 2, plurality: 1, tie: 1, no_answer: 1 },
      sft: { verified: 5, unverified: 3, verifiedShare: 5 / 8, unverifiedByOutcome: { no_answer: 1, majority_below_share: 2 } },
      pairs: { kept: 4, keptByKind: { correctness: 3, style: 1 }, skipped: 4, skippedByReason: { all_agree: 3, truncated: 1 } },
      adaptiveSampling: { stoppedEarly: 5, extended: 3, completionTokensSaved: 5_000_000_000, extensionPromptTokens: 420 },
      duplicates: { exact: 1, near: 2 },
      contamination: { flagged: 1, removed: 0 },
    };
    const counts = {
      records: { problem: 5, solution: 4, samples: 3, rewards: 2, tags: 5 },
      deadLettered: 1,
      rejections: { empty: 2, too_long: 1 },
      flags: { quality_below_minimum: 2 },
      quality,
    };
    const method = loadMagpieProto().service.GetRun;
    if (!method) throw new Error('GetRun missing');
    const decoded = method.responseDeserialize(method.responseSerialize({ run: runToProto(runState(), counts) })).run as Run;
    expect(runCountsFromProto(decoded.counts, decoded.quality)).toEqual(counts);
    const unknown = { ...decoded.counts, rejections: [{ reason: 'REJECTION_REASON_EMPTY', count: 2 }, { reason: 'REJECTION_REASON_COSMIC_RAYS', count: 9 }] } as Run['counts'];
    expect(runCountsFromProto(unknown)).toMatchObject({ rejections: { empty: 2 } });
    const unknownReason = { ...decoded.quality, pairs_skipped_by_reason: { all_agree: 3, sunspots: 2 } } as Run['quality'];
    expect(runCountsFromProto(decoded.counts, unknownReason).quality.pairs.skippedByReason).toEqual({ all_agree: 3 });
    expect(runCountsFromProto(null)).toEqual(emptyRunCounts());
  });

  it('carries a domain mix and labels there and back', () => {
    const base = runState();
    const spec = {
      ...base.spec,
      domain: 'mixed',
      subtopics: [],
      count: 5,
      domainMix: [
        { domain: 'algebra', count: 3, firstSlot: 0, subtopics: ['quadratics'], instructionTemperature: 1.3 },
        { domain: 'geometry', count: 2, firstSlot: 3, subtopics: [], instructionTemperature: 1.1 },
      ],
    };
    const method = loadMagpieProto().service.GetRun;
    const run = runToProto({ ...base, spec, labels: { team: 'math', purpose: 'eval' } }, emptyRunCounts());
    const decoded = method.responseDeserialize(method.responseSerialize({ run })).run as Run;
    expect(decoded.labels).toEqual({ team: 'math', purpose: 'eval' });
    if (!decoded.spec) throw new Error('spec missing');
    expect(runSpecFromProto(decoded.spec)).toEqual(spec);
  });

  it('rejects RUN_STATUS_UNSPECIFIED', () => {
    expect(() => runStatusFromProto('RUN_STATUS_UNSPECIFIED')).toThrow(ProtoMappingError);
  });
});
