import {
  RunSpec,
  RunState,
  ProblemRecord,
  RewardsRecord,
  SamplesRecord,
  SolutionRecord,
  TagsRecord,
  recordIdFor,
  type AnyRecord,
  type GenResponseConfigs,
} from '@magpie/contracts';

// Test-only record builders shared by the api, dataset and cli tests: every record passes its contracts schema, so a test starts from valid data.

export const RUN_ID = 'run-test_1';

const responseConfigs = (prompt: string | null): GenResponseConfigs => ({
  prompt,
  temperature: 0.1,
  top_p: 1,
  repetition_penalty: 1,
  max_tokens: 16384,
  stop_tokens: ['<｜end▁of▁sentence｜>', '<｜User｜>'],
  output_generator: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
  engine: 'vllm',
});

export function problem(id: number, seed: number | null = 42): ProblemRecord {
  return ProblemRecord.parse({
    schemaVersion: 1,
    runId: RUN_ID,
    recordId: recordIdFor(RUN_ID, 'problem', id),
    id,
    kind: 'problem',
    domain: 'algebra',
    subtopic: id % 2 === 0 ? 'quadratics' : 'polynomials',
    pre_query_template: '<｜begin▁of▁sentence｜><｜User｜>',
    instruction: `Solve x^2 - ${id + 1} = 0. Ünïcode ✓`,
    response: null,
    created: 1_732_550_000 + id,
    gen_input_configs: { temperature: 1.2, top_p: 1, input_generator: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', seed },
    gen_response_configs: null,
    finishReason: 'stop',
    usage: { promptTokens: 12, completionTokens: 30 + id },
  });
}

export function solution(id: number, reasoning: string | null = 'think hard'): SolutionRecord {
  return SolutionRecord.parse({
    schemaVersion: 2,
    runId: RUN_ID,
    recordId: recordIdFor(RUN_ID, 'solution', id),
    id,
    kind: 'solution',
    problemRecordId: recordIdFor(RUN_ID, 'problem', id),
    instruction: `Solve x^2 - ${id + 1} = 0. Ünïcode ✓`,
    response: `x = ±√${id + 1}`,
    reasoning,
    finishReason: 'stop',
    answer: reasoning === null ? null : `\\pm\\sqrt{${id + 1}}`,
    seed: 1_000 + id,
    gen_response_configs: responseConfigs(reasoning === null ? null : 'rendered prompt'),
    usage: { promptTokens: 40, completionTokens: 400 },
  });
}

export function samples(id: number): SamplesRecord {
  return SamplesRecord.parse({
    schemaVersion: 2,
    runId: RUN_ID,
    recordId: recordIdFor(RUN_ID, 'samples', id),
    id,
    kind: 'samples',
    problemRecordId: recordIdFor(RUN_ID, 'problem', id),
    instruction: `Solve x^2 - ${id + 1} = 0. Ünïcode ✓`,
    responses: ['a', 'b', 'c'],
    reasonings: ['r1', null, 'r3'],
    finishReasons: ['stop', 'length', 'stop'],
    seeds: [2_000 + id],
    adaptive: null,
    gen_response_configs: { ...responseConfigs(null), temperature: 0.8, top_p: 0.95 },
    usage: { promptTokens: 120, completionTokens: 1200 },
  });
}

export function rewards(id: number): RewardsRecord {
  return RewardsRecord.parse({
    schemaVersion: 2,
    runId: RUN_ID,
    recordId: recordIdFor(RUN_ID, 'rewards', id),
    id,
    kind: 'rewards',
    problemRecordId: recordIdFor(RUN_ID, 'problem', id),
    samplesRecordId: recordIdFor(RUN_ID, 'samples', id),
    rewards_armorm: [{ score: 0.11 }, { score: -0.5 }, { score: 0.25 }],
    answers: ['2', null, '3'],
    // Samples 0 and 2 and the solution (voter 3): '2' has 2 of 3 votes.
    agreement: {
      level: 'strict',
      voters: 4,
      votesCast: 3,
      distinctAnswers: 2,
      majorityAnswer: '2',
      majorityVotes: 2,
      majorityShare: 2 / 3,
      strict: true,
      tie: false,
      groups: [
        { answer: '2', members: [0, 3], votes: 2, sampleVotes: 1 },
        { answer: '3', members: [2], votes: 1, sampleVotes: 1 },
      ],
    },
    sft: {
      solutionRecordId: recordIdFor(RUN_ID, 'solution', id),
      answer: '2',
      finishReason: 'stop',
      verified: false,
      outcome: 'majority_below_share',
      agreeingSamples: 1,
      samples: 3,
      requiredShare: 0.6,
    },
    pair: {
      rule: 'correctness',
      kind: 'correctness',
      chosenIndex: 0,
      rejectedIndex: 2,
      chosenAnswer: '2',
      rejectedAnswer: '3',
      chosenVotes: 2,
      rejectedVotes: 1,
      margin: -0.14,
      majorityAnswer: '2',
      majorityVotes: 2,
      votesCast: 3,
      verified: false,
      skipReason: null,
    },
    chosen: [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'a' },
    ],
    rejected: [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'c' },
    ],
    reward_model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1',
    lineage: { solverSeed: 1_000 + id, samplerSeeds: [2_000 + id] },
  });
}

/** A rewards record whose SFT solution and pair are verified: every sample and the solution agree on `2`. */
export function verifiedRewards(id: number): RewardsRecord {
  const base = rewards(id);
  return RewardsRecord.parse({
    ...base,
    answers: ['2', '2', '2'],
    agreement: {
      ...base.agreement,
      level: 'unanimous',
      votesCast: 4,
      distinctAnswers: 1,
      majorityVotes: 4,
      majorityShare: 1,
      groups: [{ answer: '2', members: [0, 1, 2, 3], votes: 4, sampleVotes: 3 }],
    },
    sft: { ...base.sft, verified: true, outcome: 'verified', agreeingSamples: 3 },
    pair: { ...base.pair, kind: 'style', chosenIndex: 2, rejectedIndex: 1, rejectedAnswer: '2', chosenVotes: 4, rejectedVotes: 4, margin: 0.75, majorityVotes: 4, votesCast: 4, verified: true },
    chosen: [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'c' },
    ],
    rejected: [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: 'b' },
    ],
  });
}

/** A problem the run flagged as overlapping a benchmark item. */
export function contaminatedProblem(id: number): ProblemRecord {
  return ProblemRecord.parse({
    ...problem(id),
    contamination: { file: 'gsm8k.jsonl', line: 3, itemId: 'gsm8k-test-3', ngram: 'a b c d e f g h i j k l m', n: 13 },
  });
}

/** Tags of a problem; `failed` leaves the quality mission unparsed (null fields and its error). */
export function tags(id: number, options: { failed?: boolean } = {}): TagsRecord {
  const tagger = 'meta-llama/Meta-Llama-3-8B-Instruct';
  return TagsRecord.parse({
    schemaVersion: 1,
    runId: RUN_ID,
    recordId: recordIdFor(RUN_ID, 'tags', id),
    id,
    kind: 'tags',
    problemRecordId: recordIdFor(RUN_ID, 'problem', id),
    intent: 'The user wants to solve a quadratic equation',
    knowledge: 'To solve this problem, the models need to know square roots',
    difficulty: id % 2 === 0 ? 'medium' : 'easy',
    difficulty_generator: tagger,
    input_quality: options.failed ? null : 'good',
    quality_explanation: options.failed ? null : 'The query is clear and specific.',
    quality_generator: tagger,
    task_category: 'Math',
    other_task_category: id % 2 === 0 ? ['Reasoning'] : [],
    task_category_generator: tagger,
    tagErrors: options.failed ? { quality: 'quality answer is not JSON' } : {},
    tagFilter: id % 2 === 0 && !options.failed ? { passed: true, reasons: [] } : { passed: false, reasons: [...(options.failed ? ['quality_below_minimum'] : []), ...(id % 2 === 0 ? [] : ['difficulty_below_minimum'])] },
    usage: { promptTokens: 300, completionTokens: 60 },
  });
}

/** One record of every kind and every nullable variant. */
export function everyRecordKind(): AnyRecord[] {
  return [
    problem(0),
    problem(1, null),
    contaminatedProblem(2),
    solution(0),
    solution(1, null),
    samples(0),
    adaptiveSamples(1),
    rewards(0),
    skippedRewards(1),
    verifiedRewards(2),
    tags(0),
    tags(1, { failed: true }),
  ];
}

export const SPEC: RunSpec = RunSpec.parse({
  domain: 'algebra',
  subtopics: ['quadratics'],
  count: 4,
  generator: { model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', sampling: { temperature: 1.2, topP: 1, maxTokens: 1024 } },
  solver: { model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B', sampling: { temperature: 0.1, topP: 1, maxTokens: 16384 } },
  sampler: {
    model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
    sampling: { temperature: 0.8, topP: 0.95, maxTokens: 16384 },
    samplesPerProblem: 3,
  },
  reward: { model: 'RLHFlow/ArmoRM-Llama3-8B-v0.1', pairRule: 'correctness', minRewardMargin: 0 },
  filters: { minChars: 10, maxChars: 4000, nearDuplicateThreshold: 0.85, sanitize: false, requireMath: true },
  quality: { verifyShare: 0.6, stylePairs: false, adaptiveSampling: null },
  seed: 7,
});

/** A rewards record whose pair was skipped: chosen and rejected are null. */
export function skippedRewards(id: number): RewardsRecord {
  return RewardsRecord.parse({
    ...rewards(id),
    pair: {
      ...rewards(id).pair,
      rule: 'magpie',
      kind: null,
      chosenIndex: null,
      rejectedIndex: null,
      chosenAnswer: null,
      rejectedAnswer: null,
      chosenVotes: 0,
      rejectedVotes: 0,
      margin: 0,
      skipReason: 'chosen_equals_rejected',
    },
    chosen: null,
    rejected: null,
  });
}

/** Every record of a complete run of `count` problems, each solution and pair verified. */
export function completeRun(count: number): AnyRecord[] {
  return Array.from({ length: count }, (_, id) => [problem(id), solution(id), samples(id), verifiedRewards(id)]).flat();
}

/** Samples drawn adaptively: 3 that agreed, 5 more estimated and not drawn. */
export function adaptiveSamples(id: number): SamplesRecord {
  return SamplesRecord.parse({
    ...samples(id),
    finishReasons: ['stop', 'stop', 'stop'],
    adaptive: { initialSamples: 3, maxSamples: 8, extended: false, completionTokensSaved: 2_000, extensionPromptTokens: 0 },
  });
}

/** A stored run; terminal statuses get a finishedAt unless the overrides set one. */
export function runState(overrides: Partial<RunState> = {}): RunState {
  const status = overrides.status ?? 'running';
  return RunState.parse({
    schemaVersion: 1,
    runId: RUN_ID,
    spec: SPEC,
    status,
    createdAt: '2025-11-25T16:00:00.000Z',
    updatedAt: '2025-11-25T16:01:00.000Z',
    ...(status === 'running' ? {} : { finishedAt: '2025-11-25T16:05:00.000Z' }),
    ...overrides,
  });
}
