import { recordFromProto, type MagpieClient } from '@magpie/api';
import type { AnyRecord, RewardsRecord, SamplesRecord, SolutionRecord } from '@magpie/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2ePlatform, type E2ePlatform } from '../support/e2e-platform.js';

// Issue 12.9: the same seed and spec give the same problems and the same pairs in a new run — the
// run id never enters a seed. On the realistic simulator, so the pairs are real decisions (an
// imperfect reward model, wrong and truncated samples) and not an oracle's.

let platform: E2ePlatform;

beforeAll(async () => {
  platform = await startE2ePlatform({ simEnv: { SIM_PROFILE: 'realistic' } });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

interface RunRecords {
  readonly runId: string;
  readonly problems: Map<number, string>;
  readonly solutions: Map<number, SolutionRecord>;
  readonly samples: Map<number, SamplesRecord>;
  readonly rewards: Map<number, RewardsRecord>;
}

async function runOnce(client: MagpieClient, request: { domain: string; count: number; seed: number }): Promise<RunRecords> {
  const { run } = await client.startRun(request);
  const runId = run?.run_id ?? '';
  const out: RunRecords = { runId, problems: new Map(), solutions: new Map(), samples: new Map(), rewards: new Map() };
  for await (const event of client.streamRecords({ run_id: runId, from_cursor: '0' })) {
    const record: AnyRecord = recordFromProto(event).record;
    if (record.kind === 'problem') out.problems.set(record.id, record.instruction);
    if (record.kind === 'solution') out.solutions.set(record.id, record);
    if (record.kind === 'samples') out.samples.set(record.id, record);
    if (record.kind === 'rewards') out.rewards.set(record.id, record);
  }
  expect((await client.getRun({ run_id: runId })).status).toBe('RUN_STATUS_SUCCEEDED');
  return out;
}

const byId = <T>(m: Map<number, T>): T[] => [...m.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
/** What a pair decides, without the run's ids. */
const decision = (r: RewardsRecord) => ({ pair: r.pair, chosen: r.chosen, rejected: r.rejected, agreement: r.agreement, sft: { ...r.sft, solutionRecordId: undefined } });

describe('two runs with the same seed and spec', () => {
  it('get the same problems, solutions, samples, pairs and verdicts, under different run ids', async () => {
    const request = { domain: 'number_theory', count: 16, seed: 4_242 };
    const first = await runOnce(platform.client, request);
    const second = await runOnce(platform.client, request);
    expect(second.runId).not.toBe(first.runId);
    expect(first.problems.size).toBe(16);
    expect(byId(second.problems)).toEqual(byId(first.problems));
    expect(byId(second.solutions).map((s) => [s.seed, s.response, s.answer])).toEqual(byId(first.solutions).map((s) => [s.seed, s.response, s.answer]));
    expect(byId(second.samples).map((s) => [s.seeds, s.responses, s.finishReasons])).toEqual(byId(first.samples).map((s) => [s.seeds, s.responses, s.finishReasons]));
    expect(byId(second.rewards).map(decision)).toEqual(byId(first.rewards).map(decision));
    // The pairs are real decisions: some kept, and their chosen answers are the majority's.
    const kept = byId(first.rewards).filter((r) => r.pair.skipReason === null);
    expect(kept.length).toBeGreaterThan(0);
    for (const r of kept) expect(r.pair.chosenAnswer).toBe(r.agreement.majorityAnswer);

    // Another seed is another run.
    const reseeded = await runOnce(platform.client, { ...request, seed: 4_243 });
    expect(byId(reseeded.problems)).not.toEqual(byId(first.problems));
  });
});
