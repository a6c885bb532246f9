import { connectNats, type NatsConnection } from '@magpie/bus';
import { DEFAULT_CONFIG_DIR, loadCatalog } from '@magpie/catalog';
import { LlmSimulator } from '@magpie/llm-sim';
import { NatsServerFixture, SIM_IDEAL } from '@magpie/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddingClient } from './embedding-client.js';
import { KvDedupLog } from './dedup-log-store.js';
import { indexProblem } from './indexed-problem.js';
import type { DedupSettings } from './scope-index.js';
import { SharedDedupIndex, type ScreenVerdict } from './shared-dedup-index.js';

// Two "replicas" (each its own NATS connection, log client and in-memory mirror) over one real
// nats-server, and the simulator's /v1/embeddings over HTTP.
let nats: NatsServerFixture;
const connections: NatsConnection[] = [];
let sim: LlmSimulator;
let embedder: EmbeddingClient;

async function replica(): Promise<SharedDedupIndex> {
  const nc = await connectNats({ servers: nats.url, name: `dedup-test-${connections.length}` });
  connections.push(nc);
  return new SharedDedupIndex({ log: await KvDedupLog.open(nc, { retentionMs: 3_600_000 }), embedder });
}

beforeAll(async () => {
  nats = await NatsServerFixture.start();
  sim = new LlmSimulator({ catalog: loadCatalog(DEFAULT_CONFIG_DIR), seed: 3, ...SIM_IDEAL });
  const port = await sim.start();
  embedder = new EmbeddingClient({ baseUrls: [`http://127.0.0.1:${port}/v1`], apiKey: 'EMPTY', timeoutMs: 10_000 });
});
afterAll(async () => {
  await Promise.all(connections.map((nc) => nc.close()));
  await sim.stop();
  await nats.stop();
});

const PLAIN: DedupSettings = { jaccardThreshold: 0.85, maskValues: false, embeddingModel: null, embeddingThreshold: 0.975 };
const slots = (run: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => `${run}:problem:${from + i}`);
const candidates = (texts: readonly string[]) => texts.map((t, i) => indexProblem(`candidate:${i}`, t));
const status = (verdicts: readonly ScreenVerdict[]) => verdicts.map((v) => v.status);

/** A word problem from one family: `k` picks its numbers and its person. */
function family(k: number): string {
  const people = ['Maya', 'Ben', 'Rosa', 'Hiro', 'Vera', 'Omar'];
  return `${people[k % people.length]} buys ${10 + k} pencils at ${2 + (k % 5)} dollars each and gives ${3 + (k % 4)} of them to a friend. How many dollars did the pencils that were kept cost in total?`;
}

describe('SharedDedupIndex', () => {
  it('accepts in order, rejects twins within a batch and against the index, naming the twin and its similarity', async () => {
    const index = await replica();
    const a = 'A farmer fences a rectangular field along a straight river, using the river as one side. He has 600 metres of fence for the other three sides. Find the largest area he can enclose and report the dimensions of that field.';
    const first = await index.screen({ scope: 'run.r1', settings: PLAIN, candidates: candidates([a, a.toUpperCase(), 'How many subsets of a 10-element set have an even number of elements?']), slots: slots('r1', 5) });
    expect(first).toEqual([
      { status: 'accepted', recordId: 'r1:problem:0' },
      { status: 'duplicate', verdict: { duplicate: true, method: 'exact', twinRecordId: 'r1:problem:0', similarity: 1 } },
      { status: 'accepted', recordId: 'r1:problem:1' },
    ]);
    const near = a.replace('report the dimensions of that field', 'report the dimensions of that rectangle');
    const second = await index.screen({ scope: 'run.r1', settings: PLAIN, candidates: candidates([near]), slots: slots('r1', 3, 2) });
    expect(second[0]).toMatchObject({ status: 'duplicate', verdict: { method: 'minhash', twinRecordId: 'r1:problem:0' } });
    expect((second[0] as { verdict: { similarity: number } }).verdict.similarity).toBeGreaterThanOrEqual(0.85);
  });

  it('gives surplus candidates no slot, and accepts a redelivered batch again without indexing it twice', async () => {
    const index = await replica();
    const texts = [family(0), 'Compute the determinant of the 2x2 matrix with rows (3, 1) and (4, 2).', 'How many primes are there between 50 and 90?'];
    const first = await index.screen({ scope: 'run.r2', settings: PLAIN, candidates: candidates(texts), slots: slots('r2', 2) });
    expect(status(first)).toEqual(['accepted', 'accepted', 'surplus']);
    const again = await index.screen({ scope: 'run.r2', settings: PLAIN, candidates: candidates(texts), slots: slots('r2', 2) });
    expect(again).toEqual(first);
    // A restarted generator reads the scope from KV: one entry, the first batch's two problems.
    const log = await KvDedupLog.open(connections[0] as NatsConnection, { retentionMs: 3_600_000 });
    expect((await log.load('run.r2')).map((e) => e.entry.items.map((i) => i.recordId))).toEqual([['r2:problem:0', 'r2:problem:1']]);
  });

  it('catches one-number twins only with masking', async () => {
    const index = await replica();
    const twins = candidates([family(0), family(6)]);
    expect(status(await index.screen({ scope: 'run.r3', settings: PLAIN, candidates: twins, slots: slots('r3', 2) }))).toEqual(['accepted', 'accepted']);
    const masked = await index.screen({ scope: 'run.r4', settings: { ...PLAIN, maskValues: true }, candidates: twins, slots: slots('r4', 2) });
    expect(masked[1]).toEqual({ status: 'duplicate', verdict: { duplicate: true, method: 'minhash_masked', twinRecordId: 'r4:problem:0', similarity: 1 } });
  });

  it("uses the backend's embeddings at Magpie's 0.975, including for problems indexed without them", async () => {
    const index = await replica();
    const settings: DedupSettings = { ...PLAIN, jaccardThreshold: 1, embeddingModel: 'sentence-transformers/all-mpnet-base-v2' };
    // Indexed by a run without embeddings; the embedding run embeds it when it needs it.
    await index.screen({ scope: 'dataset.emb', settings: { ...settings, embeddingModel: null }, candidates: candidates([family(1)]), slots: slots('e1', 1) });
    const verdicts = await index.screen({ scope: 'dataset.emb', settings, candidates: candidates([family(1).replace('11 pencils', '12 pencils'), 'Find the area of a triangle with sides 13, 14 and 15.']), slots: slots('e2', 2) });
    expect(verdicts[0]).toMatchObject({ status: 'duplicate', verdict: { method: 'embedding', twinRecordId: 'e1:problem:0' } });
    expect((verdicts[0] as { verdict: { similarity: number } }).verdict.similarity).toBeGreaterThanOrEqual(0.975);
    expect(verdicts[1]).toEqual({ status: 'accepted', recordId: 'e2:problem:0' });
  });

  it('never lets two replicas both accept twins, however their screens interleave', async () => {
    const [a, b] = [await replica(), await replica()];
    const settings = { ...PLAIN, maskValues: true };
    // 20 batches per replica, each holding one member of each of 8 twin families (numbers and names vary).
    const batches = (offset: number) => Array.from({ length: 20 }, (_, batch) => candidates(Array.from({ length: 8 }, (_, f) => `${family(batch * 8 + offset)} (Problem set ${['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'][f]}.)`.replace('pencils', ['pencils', 'apples', 'stamps', 'marbles', 'cards', 'books', 'shells', 'coins'][f] as string))));
    let slot = 0;
    const run = (index: SharedDedupIndex, list: ReturnType<typeof batches>) =>
      Promise.all(list.map((batch) => index.screen({ scope: 'dataset.race', settings, candidates: batch, slots: Array.from({ length: 8 }, () => `race:problem:${slot++}`) })));
    const results = [...(await Promise.all([run(a, batches(0)), run(b, batches(3))]))].flat(2);
    expect(results.filter((v) => v.status === 'accepted')).toHaveLength(8);
    expect(results.filter((v) => v.status === 'duplicate')).toHaveLength(2 * 20 * 8 - 8);
  });

  it('makes a replica with a stale mirror lose the append, read the winner and reject its twin', async () => {
    const [a, b] = [await replica(), await replica()];
    const settings = { ...PLAIN, maskValues: true };
    // Both mirrors hold the scope's first problem; then b appends a twin's family member a has not seen.
    await a.screen({ scope: 'run.stale', settings, candidates: candidates(['How many diagonals does a convex polygon with 17 sides have? Explain the counting.']), slots: slots('stale', 1) });
    await b.screen({ scope: 'run.stale', settings, candidates: candidates([family(2)]), slots: slots('stale', 1, 1) });
    const verdicts = await a.screen({ scope: 'run.stale', settings, candidates: candidates([family(8), 'Find the remainder when 2^100 is divided by 7.']), slots: slots('stale', 2, 2) });
    expect(verdicts).toEqual([
      { status: 'duplicate', verdict: { duplicate: true, method: 'minhash_masked', twinRecordId: 'stale:problem:1', similarity: 1 } },
      { status: 'accepted', recordId: 'stale:problem:2' },
    ]);
  });

  it('keeps runs of one dataset together and runs without one apart', async () => {
    const index = await replica();
    const text = candidates(['Evaluate the sum of the first 20 odd positive integers and explain the pattern.']);
    expect(status(await index.screen({ scope: 'dataset.shared', settings: PLAIN, candidates: text, slots: slots('d1', 1) }))).toEqual(['accepted']);
    expect(status(await (await replica()).screen({ scope: 'dataset.shared', settings: PLAIN, candidates: text, slots: slots('d2', 1) }))).toEqual(['duplicate']);
    expect(status(await index.screen({ scope: 'run.d3', settings: PLAIN, candidates: text, slots: slots('d3', 1) }))).toEqual(['accepted']);
  });
});
