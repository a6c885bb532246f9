import { createAnswerChecker } from '@magpie/answers';
import { FailureCounter, connectNats, type NatsConnection } from '@magpie/bus';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { AnyRecord, Subjects, recordIdFor, type RewardsRecord, type RunSpec } from '@magpie/contracts';
import { createRewardPool, type BackendPool, type RewardClient } from '@magpie/llm';
import { LlmSimulator } from '@magpie/llm-sim';
import { createLogger } from '@magpie/logging';
import { openPlatform, type Platform } from '@magpie/runs';
import { createMetricsRegistry } from '@magpie/runtime';
import { NoBackendError, StageMetrics, StageService, handleOnce } from '@magpie/stage';
import { NatsServerFixture, SIM_IDEAL, fixtures, waitFor } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RewardJoinStore } from './reward-join-store.js';
import { rewardStage } from './reward-stage.js';
import { solutionJoinStage } from './solution-join-stage.js';

// The reward stage's two halves as services on a real nats-server, scoring on the simulator over
// HTTP: whichever of a problem's solution and samples arrives second writes its rewards record,
// exactly once, also with two replicas racing.
const catalog = loadCatalog(DEFAULT_CONFIG_DIR);
const logger = createLogger({ name: 'reward-test', level: 'silent' });
let nats: NatsServerFixture;
let sim: LlmSimulator;
let simPort: number;
const connections: NatsConnection[] = [];
const services: StageService<RewardClient>[] = [];
let platform: Platform;

async function startReplica(): Promise<void> {
  const nc = await connectNats({ servers: nats.url, name: `reward-test-${connections.length}` });
  connections.push(nc);
  const replica = await openPlatform({ nc, logger, duplicateWindowMs: 60_000, retentionMs: 3_600_000 });
  const pool: BackendPool<RewardClient> = await createRewardPool({ baseUrls: [`http://127.0.0.1:${simPort}`], apiKey: 'EMPTY', timeoutMs: 10_000, window: 32, minWindow: 1, probeIntervalMs: 0 });
  const deps = { catalog, checker: createAnswerChecker(), joins: () => RewardJoinStore.open(replica.js, 3_600_000), log: replica.log };
  const service = new StageService<RewardClient>({
    ...replica,
    logger,
    metrics: new StageMetrics(createMetricsRegistry(`reward-test-${services.length}`)),
    pool,
    failures: await FailureCounter.open(nc),
    notes: replica.store.notes,
    settings: { ackWaitMs: 5_000, maxFailures: 5, maxDeliveries: 100, retry: { baseMs: 50, maxMs: 200 } },
    stages: [rewardStage(deps), solutionJoinStage(deps)],
  });
  await service.start();
  services.push(service);
  if (!platform) platform = replica;
}

beforeAll(async () => {
  nats = await NatsServerFixture.start();
  sim = new LlmSimulator({ catalog, seed: 3, ...SIM_IDEAL });
  simPort = await sim.start();
  await startReplica();
  await startReplica();
}, 60_000);

afterAll(async () => {
  for (const service of services) await service.stop(1_000);
  for (const nc of connections) await nc.close();
  await sim?.stop();
  await nats?.stop();
});

const spec = (count: number): RunSpec => ({ ...fixtures.SPEC, count });

/** The slot's three records: a solution answering `solution`, samples answering `answers` (null: truncated). */
function recordsOf(runId: string, id: number, answers: (string | null)[], solution: string | null) {
  const problem = { ...fixtures.problem(id), runId, recordId: recordIdFor(runId, 'problem', id) };
  const solutionRecord = {
    ...fixtures.solution(id),
    runId,
    recordId: recordIdFor(runId, 'solution', id),
    problemRecordId: problem.recordId,
    response: solution === null ? 'Step 1. Let us' : `So the answer is $\\boxed{${solution}}$.`,
    finishReason: solution === null ? ('length' as const) : ('stop' as const),
    answer: solution,
  };
  const samples = {
    ...fixtures.samples(id),
    runId,
    recordId: recordIdFor(runId, 'samples', id),
    problemRecordId: problem.recordId,
    responses: answers.map((a, i) => (a === null ? `**Step ${i + 1}.** We` : `Work ${i}: the answer is $\\boxed{${a}}$.`)),
    reasonings: answers.map(() => null),
    finishReasons: answers.map((a) => (a === null ? ('length' as const) : ('stop' as const))),
  };
  return { problem, solution: solutionRecord, samples };
}

async function publish(record: AnyRecord): Promise<void> {
  await platform.publisher.publish(Subjects.record(record.runId, record.kind), AnyRecord, record, record.recordId);
}

async function stored(runId: string): Promise<RewardsRecord[]> {
  const out: RewardsRecord[] = [];
  for await (const r of platform.log.readStored(runId, 'rewards')) out.push(r.record as RewardsRecord);
  return out;
}

describe('the reward join', () => {
  it.each([
    ['samples first', ['samples', 'solution']],
    ['solution first', ['solution', 'samples']],
  ] as const)('writes the rewards record once both halves are in (%s), with the agreement, the verdict and the pair', async (_name, order) => {
    const runId = `join-${order[0]}`;
    await platform.store.create(fixtures.runState({ runId, spec: spec(1) }));
    const records = recordsOf(runId, 0, ['12', '12', '12', '13', null], '12');
    await publish(records.problem);
    await publish(records[order[0]]);
    // Only one half: nothing is written until the other arrives.
    await waitFor('the first half joined', async () => (await (await RewardJoinStore.open(platform.js, 3_600_000)).get(runId, 0)) !== undefined, 10_000, 20);
    expect(await stored(runId)).toEqual([]);
    await publish(records[order[1]]);
    await waitFor('the run to succeed', async () => (await platform.store.get(runId))?.status === 'succeeded', 20_000, 50);
    const [rewards, ...more] = await stored(runId);
    expect(more).toEqual([]);
    expect(rewards).toMatchObject({
      recordId: `${runId}:rewards:0`,
      answers: ['12', '12', '12', '13', null],
      agreement: { level: 'strict', voters: 6, votesCast: 5, majorityAnswer: '12', majorityVotes: 4, distinctAnswers: 2 },
      sft: { solutionRecordId: `${runId}:solution:0`, answer: '12', verified: true, outcome: 'verified', agreeingSamples: 3, samples: 5 },
      pair: { rule: 'correctness', rejectedAnswer: '13', chosenAnswer: '12', majorityVotes: 4, votesCast: 5 },
      lineage: { solverSeed: records.solution.seed, samplerSeeds: records.samples.seeds },
    });
    expect(rewards?.rewards_armorm).toHaveLength(5);
    // The simulator's reward decides the margin: kept when the majority answer scored higher, skipped (with the margin) otherwise.
    const scores = rewards?.rewards_armorm.map((r) => r.score) ?? [];
    const margin = Math.max(...[0, 1, 2].map((i) => scores[i] as number)) - (scores[3] as number);
    expect(rewards?.pair.margin).toBeCloseTo(margin);
    expect(rewards?.pair.skipReason).toBe(margin >= 0 ? null : 'margin_below_minimum');
    expect(rewards?.chosen === null).toBe(margin < 0);
    const { quality, records: counts } = await platform.log.counts(runId);
    expect(counts.rewards).toBe(1);
    expect(quality.agreement.strict).toBe(1);
    expect(quality.sft).toMatchObject({ verified: 1, unverified: 0, verifiedShare: 1 });
    expect(quality.pairs.kept + quality.pairs.skipped).toBe(1);
  });

  it('writes every record exactly once while two replicas race on both halves of 24 problems', async () => {
    const runId = 'join-race';
    const count = 24;
    await platform.store.create(fixtures.runState({ runId, spec: spec(count) }));
    const slots = Array.from({ length: count }, (_, id) => recordsOf(runId, id, id % 3 === 0 ? ['1', '2', '3', null, '1'] : ['5', '5', '5', '5', '6'], id % 4 === 0 ? null : '5'));
    // Solutions and samples of a slot published back to back, so both replicas see both halves at once.
    await Promise.all(slots.flatMap((s) => [publish(s.problem), publish(s.solution), publish(s.samples)]));
    await waitFor('the run to succeed', async () => (await platform.store.get(runId))?.status === 'succeeded', 60_000, 100);
    const rewards = await stored(runId);
    expect(rewards.map((r) => r.id).sort((a, b) => a - b)).toEqual(slots.map((_, id) => id));
    const { quality } = await platform.log.counts(runId);
    const levels = Object.values(quality.agreement).reduce((a, b) => a + b, 0);
    expect(levels).toBe(count);
    expect(quality.sft.verified + quality.sft.unverified).toBe(count);
    expect(quality.pairs.kept + quality.pairs.skipped).toBe(count);
    // Slots 1, 2, 5… agree on 5 (verified unless the solution was cut off); slots 0, 3, 6… have no strict majority.
    const noMajority = slots.filter((_, id) => id % 3 === 0).length;
    expect(quality.pairs.skippedByReason.no_strict_majority).toBe(noMajority);
    expect(quality.sft.unverifiedByOutcome.no_answer).toBe(slots.filter((_, id) => id % 4 === 0).length);
  });

  it('scores a first delivery without reading the join, and a redelivery reuses the scores already joined', async () => {
    const runId = 'join-redelivery';
    const run = fixtures.runState({ runId, spec: spec(1) });
    const { samples } = recordsOf(runId, 0, ['4', '4', '4', '4', '4'], '4');
    const joins = await RewardJoinStore.open(platform.js, 3_600_000);
    await joins.merge(runId, 0, { samples: { recordId: samples.recordId, streamSequence: 1, scores: [0.1, 0.2, 0.3, 0.4, 0.5] } });
    const stage = rewardStage({ catalog, checker: createAnswerChecker(), joins: () => Promise.resolve(joins), log: platform.log });
    // No backend: a handler that asked for scores would fail with NoBackendError.
    await expect(handleOnce(stage, samples, { run, deliveryCount: 2 })).resolves.toMatchObject({ records: [] });
    await expect(handleOnce(stage, samples, { run, deliveryCount: 1 })).rejects.toBeInstanceOf(NoBackendError);
  });
});
