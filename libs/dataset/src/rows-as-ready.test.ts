import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyRunCounts, type AnyRecord, type RunState } from '@magpie/contracts';
import { fixtures } from '@magpie/testing';
import { createRunDatasetWriter, finishRunDataset, writeRunDataset } from './write-run-dataset.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rows-as-ready-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const platform = { name: 'p', version: '1' };

/** Every file of a directory, name → bytes. */
async function contents(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, (await readFile(join(dir, name))).toString('base64')] as const)));
}

/** The dataset written with rows as records arrive (each add awaited, as the gateway does), and with one build at the end. */
async function both(state: RunState, records: readonly AnyRecord[]): Promise<{ early: Map<string, string>; whole: Map<string, string>; writtenEarly: number }> {
  const wholeDir = join(root, 'whole');
  await writeRunDataset({ dir: wholeDir, state, records, platform, counts: emptyRunCounts() });
  const earlyDir = join(root, 'early');
  const writer = await createRunDatasetWriter(earlyDir, { ...state, status: 'running' }, { asReady: true });
  for (const record of records) await writer.add(record);
  const writtenEarly = writer.problemsWritten;
  await finishRunDataset(writer, { state, platform, counts: emptyRunCounts() });
  return { early: await contents(earlyDir), whole: await contents(wholeDir), writtenEarly };
}

function spec(state: RunState, count: number): RunState {
  return { ...state, spec: { ...state.spec, count } };
}

/** A deterministic shuffle, so records arrive out of order the same way every time. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('rows written as records arrive', () => {
  it('writes the same files as one build at the end, for records in order, shuffled and repeated', async () => {
    const state = spec(fixtures.runState({ status: 'succeeded' }), 40);
    const records = fixtures.completeRun(40);
    const arriving = shuffled([...records, ...records.slice(0, 30)], 3);
    const { early, whole, writtenEarly } = await both(state, arriving);
    expect([...early.keys()]).toEqual([...whole.keys()]);
    expect(early).toEqual(whole);
    // Out of order, most problems still get their rows before the end.
    expect(writtenEarly).toBeGreaterThan(0);
  });

  it('writes every row before finish when records arrive problem by problem', async () => {
    const state = spec(fixtures.runState({ status: 'succeeded' }), 12);
    const { early, whole, writtenEarly } = await both(state, fixtures.completeRun(12));
    expect(early).toEqual(whole);
    expect(writtenEarly).toBe(12);
  });

  it('writes the same files when a record comes for a problem already written (tags of a run without tags)', async () => {
    const state = spec(fixtures.runState({ status: 'succeeded' }), 6);
    const records = [...fixtures.completeRun(6), fixtures.tags(1), fixtures.tags(4)];
    const { early, whole } = await both(state, records);
    expect(early).toEqual(whole);
  });

  it('writes the same files for a failed run with problems missing and stages that never answered', async () => {
    const state = spec(fixtures.runState({ status: 'failed', reason: 'dead letters' }), 10);
    const records = fixtures.completeRun(10).filter((r) => !(r.id === 3) && !(r.id === 6 && r.kind === 'rewards') && !(r.id === 8 && r.kind !== 'problem'));
    const { early, whole, writtenEarly } = await both(state, shuffled(records, 11));
    expect(early).toEqual(whole);
    expect(writtenEarly).toBeLessThanOrEqual(3);
  });

  it('waits for the tags of a run with tags before writing a problem', async () => {
    const base = fixtures.runState({ status: 'succeeded' });
    const state = spec({ ...base, spec: { ...base.spec, tags: { ...base.spec.tags, enabled: true } } }, 5);
    // Problem 4's tags never come: its rows (and nothing after it) wait for finish.
    const records = [...fixtures.completeRun(5), ...[3, 0, 2, 1].map((id) => fixtures.tags(id))];
    const { early, whole, writtenEarly } = await both(state, records);
    expect(early).toEqual(whole);
    expect(writtenEarly).toBe(4);
  });
});
